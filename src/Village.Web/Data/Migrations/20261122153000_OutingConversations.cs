using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Each outing's discussion becomes its group conversation: for every outing with messages or families (other
/// than the organiser's own, which has a place at every date), a conversation (Kind Outing) whose id is the outing's
/// own id (unique, and no id to generate in SQL), its members (the organiser and every family that has a place at one
/// of its dates: the ones who read the discussion until now, each having read it all), and the messages copied with
/// their ids, numbered in the order they were written. Then the old table goes. The SQL is the same on SQLite (3.25+,
/// window functions) and PostgreSQL; Down copies the messages back, the organiser's marked again.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122153000_OutingConversations")]
public sealed class OutingConversations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            INSERT INTO "Conversations" ("Id", "Kind", "OutingId", "CreatedAt", "LastMessageAt", "LastSequence")
            SELECT o."Id", 1, o."Id", o."CreatedAt",
                COALESCE((SELECT MAX(m."CreatedAt") FROM "OutingMessages" m WHERE m."OutingId" = o."Id"), o."CreatedAt"),
                (SELECT COUNT(*) FROM "OutingMessages" m WHERE m."OutingId" = o."Id")
            FROM "Outings" o
            WHERE (EXISTS (SELECT 1 FROM "OutingMessages" m WHERE m."OutingId" = o."Id")
                OR EXISTS (SELECT 1 FROM "OutingParticipations" p JOIN "OutingOccurrences" d ON d."Id" = p."OccurrenceId"
                    WHERE d."OutingId" = o."Id" AND (o."OrganizerId" IS NULL OR p."MemberId" <> o."OrganizerId")))
              AND NOT EXISTS (SELECT 1 FROM "Conversations" c WHERE c."OutingId" = o."Id");
            """);

        migrationBuilder.Sql("""
            INSERT INTO "Messages" ("Id", "ConversationId", "Sequence", "AuthorId", "Text", "CreatedAt", "Moderation")
            SELECT m."Id", c."Id", ROW_NUMBER() OVER (PARTITION BY m."OutingId" ORDER BY m."CreatedAt", m."Id"), m."AuthorId", m."Text", m."CreatedAt", 0
            FROM "OutingMessages" m
            JOIN "Conversations" c ON c."OutingId" = m."OutingId" AND c."Id" = m."OutingId";
            """);

        migrationBuilder.Sql("""
            INSERT INTO "ConversationMembers" ("ConversationId", "MemberId", "JoinedAt", "ReadSequence", "EmailedAt")
            SELECT c."Id", x."MemberId", MIN(x."JoinedAt"), c."LastSequence", NULL
            FROM "Conversations" c
            JOIN (
                SELECT o."Id" AS "OutingId", o."OrganizerId" AS "MemberId", o."CreatedAt" AS "JoinedAt"
                FROM "Outings" o WHERE o."OrganizerId" IS NOT NULL
                UNION ALL
                SELECT d."OutingId", p."MemberId", p."JoinedAt"
                FROM "OutingParticipations" p JOIN "OutingOccurrences" d ON d."Id" = p."OccurrenceId"
            ) x ON x."OutingId" = c."OutingId"
            WHERE c."Id" = c."OutingId"
            GROUP BY c."Id", x."MemberId", c."LastSequence";
            """);

        migrationBuilder.DropTable("OutingMessages");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutingMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OutingId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                FromOrganizer = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutingMessages", x => x.Id);
                table.ForeignKey("FK_OutingMessages_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_OutingMessages_Outings_OutingId", x => x.OutingId, "Outings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_OutingMessages_OutingId_CreatedAt", "OutingMessages", ["OutingId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_OutingMessages_AuthorId", "OutingMessages", "AuthorId");

        migrationBuilder.Sql("""
            INSERT INTO "OutingMessages" ("Id", "OutingId", "AuthorId", "Text", "FromOrganizer", "CreatedAt")
            SELECT m."Id", o."Id", m."AuthorId", m."Text",
                CASE WHEN m."AuthorId" IS NOT NULL AND m."AuthorId" = o."OrganizerId" THEN TRUE ELSE FALSE END, m."CreatedAt"
            FROM "Messages" m
            JOIN "Conversations" c ON c."Id" = m."ConversationId"
            JOIN "Outings" o ON o."Id" = c."OutingId"
            WHERE c."Kind" = 1;
            """);
        migrationBuilder.Sql("""DELETE FROM "Conversations" WHERE "Kind" = 1;""");
    }
}

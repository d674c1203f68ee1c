using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Parents nearby and private messages: hellos, conversations (two parents, or an outing's families), their
/// members with how far each has read, the messages in sequence, and when a parent closed the first-meeting tip.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122140000_ParentsAndMessages")]
public sealed class ParentsAndMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "MeetingTipSeenAt", table: "Profiles", nullable: true);

        migrationBuilder.CreateTable(
            name: "Hellos",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FromId = table.Column<Guid>(nullable: false),
                ToId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 300, nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                ConversationId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Hellos", x => x.Id);
                table.ForeignKey("FK_Hellos_AspNetUsers_FromId", x => x.FromId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Hellos_AspNetUsers_ToId", x => x.ToId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Conversations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                OutingId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastMessageAt = table.Column<DateTime>(nullable: false),
                LastSequence = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Conversations", x => x.Id);
                table.ForeignKey("FK_Conversations_Outings_OutingId", x => x.OutingId, "Outings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ConversationMembers",
            columns: table => new
            {
                ConversationId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
                ReadSequence = table.Column<long>(nullable: false),
                EmailedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConversationMembers", x => new { x.ConversationId, x.MemberId });
                table.ForeignKey("FK_ConversationMembers_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ConversationMembers_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Messages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConversationId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Moderation = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Messages", x => x.Id);
                table.ForeignKey("FK_Messages_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Messages_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Hellos_FromId_ToId", "Hellos", ["FromId", "ToId"], unique: true);
        migrationBuilder.CreateIndex("IX_Hellos_ToId_Status", "Hellos", ["ToId", "Status"]);
        migrationBuilder.CreateIndex("IX_Hellos_FromId_CreatedAt", "Hellos", ["FromId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Conversations_OutingId", "Conversations", "OutingId", unique: true);
        migrationBuilder.CreateIndex("IX_ConversationMembers_MemberId", "ConversationMembers", "MemberId");
        migrationBuilder.CreateIndex("IX_Messages_ConversationId_Sequence", "Messages", ["ConversationId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_Messages_AuthorId", "Messages", "AuthorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Messages");
        migrationBuilder.DropTable("ConversationMembers");
        migrationBuilder.DropTable("Conversations");
        migrationBuilder.DropTable("Hellos");
        migrationBuilder.DropColumn(name: "MeetingTipSeenAt", table: "Profiles");
    }
}

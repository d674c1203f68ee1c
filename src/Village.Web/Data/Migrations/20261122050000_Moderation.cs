using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Moderation: reports, mutes and bans in a community, the moderation log, blocks between parents, and
/// the moderation state of posts and comments.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122050000_Moderation")]
public sealed class Moderation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Moderation", table: "Posts", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "ModerationReason", table: "Posts", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<int>(name: "Moderation", table: "Comments", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "ModerationReason", table: "Comments", maxLength: 500, nullable: true);

        migrationBuilder.CreateTable(
            name: "Reports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReporterId = table.Column<Guid>(nullable: true),
                TargetKind = table.Column<int>(nullable: false),
                TargetId = table.Column<Guid>(nullable: false),
                TargetMemberId = table.Column<Guid>(nullable: true),
                CommunityId = table.Column<Guid>(nullable: true),
                Reason = table.Column<int>(nullable: false),
                Details = table.Column<string>(maxLength: 1000, nullable: true),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reports", x => x.Id);
                table.ForeignKey("FK_Reports_AspNetUsers_ReporterId", x => x.ReporterId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Reports_AspNetUsers_TargetMemberId", x => x.TargetMemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Reports_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CommunitySanctions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: true),
                LiftedAt = table.Column<DateTime>(nullable: true),
                ById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommunitySanctions", x => x.Id);
                table.ForeignKey("FK_CommunitySanctions_AspNetUsers_ById", x => x.ById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_CommunitySanctions_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommunitySanctions_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ModerationLog",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: true),
                ActorId = table.Column<Guid>(nullable: true),
                Action = table.Column<int>(nullable: false),
                TargetKind = table.Column<int>(nullable: false),
                TargetId = table.Column<Guid>(nullable: false),
                TargetMemberId = table.Column<Guid>(nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                Until = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModerationLog", x => x.Id);
                table.ForeignKey("FK_ModerationLog_AspNetUsers_ActorId", x => x.ActorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_ModerationLog_AspNetUsers_TargetMemberId", x => x.TargetMemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_ModerationLog_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Blocks",
            columns: table => new
            {
                BlockerId = table.Column<Guid>(nullable: false),
                BlockedId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Blocks", x => new { x.BlockerId, x.BlockedId });
                table.ForeignKey("FK_Blocks_AspNetUsers_BlockedId", x => x.BlockedId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Blocks_AspNetUsers_BlockerId", x => x.BlockerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Reports_CommunityId_Status_CreatedAt", "Reports", ["CommunityId", "Status", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Reports_Status_CreatedAt", "Reports", ["Status", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Reports_ReporterId_CreatedAt", "Reports", ["ReporterId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Reports_TargetId", "Reports", "TargetId");
        migrationBuilder.CreateIndex("IX_Reports_TargetMemberId", "Reports", "TargetMemberId");
        migrationBuilder.CreateIndex("IX_CommunitySanctions_CommunityId_MemberId", "CommunitySanctions", ["CommunityId", "MemberId"]);
        migrationBuilder.CreateIndex("IX_CommunitySanctions_MemberId", "CommunitySanctions", "MemberId");
        migrationBuilder.CreateIndex("IX_CommunitySanctions_ById", "CommunitySanctions", "ById");
        migrationBuilder.CreateIndex("IX_ModerationLog_CommunityId_CreatedAt", "ModerationLog", ["CommunityId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ModerationLog_CreatedAt", "ModerationLog", "CreatedAt");
        migrationBuilder.CreateIndex("IX_ModerationLog_ActorId", "ModerationLog", "ActorId");
        migrationBuilder.CreateIndex("IX_ModerationLog_TargetMemberId", "ModerationLog", "TargetMemberId");
        migrationBuilder.CreateIndex("IX_Blocks_BlockedId", "Blocks", "BlockedId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Blocks");
        migrationBuilder.DropTable("ModerationLog");
        migrationBuilder.DropTable("CommunitySanctions");
        migrationBuilder.DropTable("Reports");
        migrationBuilder.DropColumn("ModerationReason", "Comments");
        migrationBuilder.DropColumn("Moderation", "Comments");
        migrationBuilder.DropColumn("ModerationReason", "Posts");
        migrationBuilder.DropColumn("Moderation", "Posts");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Tools for community admins: their own rules, the rota and off duty, trusted members, handover notes and
/// reply templates.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122060000_AdminTools")]
public sealed class AdminTools : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Rules", "Communities", maxLength: 2000, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<int>("DutyDays", "CommunityMembers", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<bool>("OffDuty", "CommunityMembers", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateOnly>("OffDutyUntil", "CommunityMembers", nullable: true);
        migrationBuilder.AddColumn<bool>("Trusted", "CommunityMembers", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "HandoverNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Body = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HandoverNotes", x => x.Id);
                table.ForeignKey("FK_HandoverNotes_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_HandoverNotes_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReplyTemplates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 80, nullable: false),
                Body = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReplyTemplates", x => x.Id);
                table.ForeignKey("FK_ReplyTemplates_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_HandoverNotes_CommunityId_CreatedAt", "HandoverNotes", ["CommunityId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_HandoverNotes_AuthorId", "HandoverNotes", "AuthorId");
        migrationBuilder.CreateIndex("IX_ReplyTemplates_CommunityId_Title", "ReplyTemplates", ["CommunityId", "Title"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReplyTemplates");
        migrationBuilder.DropTable("HandoverNotes");
        migrationBuilder.DropColumn("Trusted", "CommunityMembers");
        migrationBuilder.DropColumn("OffDutyUntil", "CommunityMembers");
        migrationBuilder.DropColumn("OffDuty", "CommunityMembers");
        migrationBuilder.DropColumn("DutyDays", "CommunityMembers");
        migrationBuilder.DropColumn("Rules", "Communities");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Communities' newsletters: settings, issues, each member's subscription, and the one-click unsubscribe
/// header of queued emails.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122080000_Newsletter")]
public sealed class Newsletter : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "NewsletterSettings",
            columns: table => new
            {
                CommunityId = table.Column<Guid>(nullable: false),
                Frequency = table.Column<int>(nullable: false),
                Weekday = table.Column<int>(nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsletterSettings", x => x.CommunityId);
                table.ForeignKey("FK_NewsletterSettings_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NewsletterIssues",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                Period = table.Column<DateTime>(nullable: false),
                CoveredFrom = table.Column<DateTime>(nullable: false),
                CoveredUntil = table.Column<DateTime>(nullable: false),
                Skipped = table.Column<bool>(nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                PostCount = table.Column<int>(nullable: false),
                RecipientCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NewsletterIssues", x => x.Id);
                table.ForeignKey("FK_NewsletterIssues_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_NewsletterIssues_CommunityId_Period", "NewsletterIssues", ["CommunityId", "Period"], unique: true);

        // Members who joined before the newsletter existed receive it, as those who join from now on.
        migrationBuilder.AddColumn<bool>(name: "NewsletterSubscribed", table: "CommunityMembers", nullable: false, defaultValue: true);
        migrationBuilder.AddColumn<string>(name: "ListUnsubscribe", table: "OutboxEmails", maxLength: 2000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ListUnsubscribe", table: "OutboxEmails");
        migrationBuilder.DropColumn(name: "NewsletterSubscribed", table: "CommunityMembers");
        migrationBuilder.DropTable("NewsletterIssues");
        migrationBuilder.DropTable("NewsletterSettings");
    }
}

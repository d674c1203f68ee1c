using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>The notification centre (one row per thing that happened for a parent), each parent's channel per kind
/// where it differs from the default, and their settings: time zone, quiet hours, digest hour and day, digest
/// periods claimed, and the state of their email address.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122180000_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Actor = table.Column<string>(maxLength: 100, nullable: true),
                Topic = table.Column<string>(maxLength: 200, nullable: true),
                Path = table.Column<string>(maxLength: 500, nullable: false),
                SubjectId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
                Channel = table.Column<int>(nullable: false),
                EmailedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NotificationSettings",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                QuietFrom = table.Column<TimeOnly>(nullable: false),
                QuietUntil = table.Column<TimeOnly>(nullable: false),
                UrgentInQuietHours = table.Column<bool>(nullable: false),
                DigestHour = table.Column<int>(nullable: false),
                WeeklyDay = table.Column<int>(nullable: false),
                DailyDigestFor = table.Column<DateOnly>(nullable: true),
                WeeklyDigestFor = table.Column<DateOnly>(nullable: true),
                DailyDigestAt = table.Column<DateTime>(nullable: true),
                WeeklyDigestAt = table.Column<DateTime>(nullable: true),
                EmailFailures = table.Column<int>(nullable: false),
                EmailPausedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationSettings", x => x.MemberId);
                table.ForeignKey("FK_NotificationSettings_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "NotificationPreferences",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Channel = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationPreferences", x => new { x.MemberId, x.Kind });
                table.ForeignKey("FK_NotificationPreferences_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Notifications_MemberId_CreatedAt", "Notifications", ["MemberId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Notifications_MemberId_ReadAt", "Notifications", ["MemberId", "ReadAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("NotificationPreferences");
        migrationBuilder.DropTable("NotificationSettings");
        migrationBuilder.DropTable("Notifications");
    }
}

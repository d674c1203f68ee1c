using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Village.Web.Features.CheckIn;

namespace Village.Web.Data.Migrations;

/// <summary>My circle, the help calendar (needs, turns, helpers with a personal link), saved check-ins (answers
/// protected), the check-in reminder, and the crisis lines, seeded from crisis-lines.json.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122170000_CircleHelpCheckIn")]
public sealed class CircleHelpCheckIn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CirclePeople",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Relation = table.Column<int>(nullable: false),
                Closeness = table.Column<int>(nullable: false),
                LivesWithin = table.Column<int>(nullable: false),
                CanHelp = table.Column<int>(nullable: false),
                CallableAtNight = table.Column<bool>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CirclePeople", x => x.Id);
                table.ForeignKey("FK_CirclePeople_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CirclePeople_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "HelpCalendars",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Notes = table.Column<string>(maxLength: 2000, nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                Status = table.Column<int>(nullable: false),
                InviteLinkHash = table.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HelpCalendars", x => x.Id);
                table.ForeignKey("FK_HelpCalendars_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "HelpHelpers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CalendarId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CirclePersonId = table.Column<Guid>(nullable: true),
                CanOrganise = table.Column<bool>(nullable: false),
                Culture = table.Column<string>(maxLength: 10, nullable: false),
                InvitedAt = table.Column<DateTime>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: true),
                RemovedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HelpHelpers", x => x.Id);
                table.ForeignKey("FK_HelpHelpers_HelpCalendars_CalendarId", x => x.CalendarId, "HelpCalendars", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_HelpHelpers_CirclePeople_CirclePersonId", x => x.CirclePersonId, "CirclePeople", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "HelpNeeds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CalendarId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Details = table.Column<string>(maxLength: 1000, nullable: false),
                Allergies = table.Column<string>(maxLength: 300, nullable: false),
                StartTime = table.Column<TimeOnly>(nullable: false),
                EndTime = table.Column<TimeOnly>(nullable: false),
                FirstDate = table.Column<DateOnly>(nullable: false),
                Repeat = table.Column<int>(nullable: false),
                LastDate = table.Column<DateOnly>(nullable: false),
                CreatedByHelperId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HelpNeeds", x => x.Id);
                table.ForeignKey("FK_HelpNeeds_HelpCalendars_CalendarId", x => x.CalendarId, "HelpCalendars", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_HelpNeeds_HelpHelpers_CreatedByHelperId", x => x.CreatedByHelperId, "HelpHelpers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "HelpTurns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NeedId = table.Column<Guid>(nullable: false),
                CalendarId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                HelperId = table.Column<Guid>(nullable: true),
                TakenAt = table.Column<DateTime>(nullable: true),
                HelperNote = table.Column<string>(maxLength: 300, nullable: false),
                ReminderSentAt = table.Column<DateTime>(nullable: true),
                IsCancelled = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HelpTurns", x => x.Id);
                table.ForeignKey("FK_HelpTurns_HelpNeeds_NeedId", x => x.NeedId, "HelpNeeds", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_HelpTurns_HelpCalendars_CalendarId", x => x.CalendarId, "HelpCalendars", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_HelpTurns_HelpHelpers_HelperId", x => x.HelperId, "HelpHelpers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "CheckInEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                TakenAt = table.Column<DateTime>(nullable: false),
                ProtectedAnswers = table.Column<string>(maxLength: 4000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckInEntries", x => x.Id);
                table.ForeignKey("FK_CheckInEntries_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CheckInReminders",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckInReminders", x => x.MemberId);
                table.ForeignKey("FK_CheckInReminders_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CrisisLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                Languages = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                Number = table.Column<string>(maxLength: 30, nullable: false),
                Purpose = table.Column<int>(nullable: false),
                IsFree = table.Column<bool>(nullable: false),
                AlwaysOpen = table.Column<bool>(nullable: false),
                Hours = table.Column<string>(maxLength: 200, nullable: false),
                BySms = table.Column<bool>(nullable: false),
                IsEmergency = table.Column<bool>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: false),
                VerifiedOn = table.Column<DateOnly>(nullable: false),
                Rank = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CrisisLines", x => x.Id));

        migrationBuilder.CreateIndex("IX_CirclePeople_OwnerId_Name", "CirclePeople", ["OwnerId", "Name"]);
        migrationBuilder.CreateIndex("IX_CirclePeople_ServiceId", "CirclePeople", "ServiceId");
        migrationBuilder.CreateIndex("IX_HelpCalendars_OwnerId_Status", "HelpCalendars", ["OwnerId", "Status"]);
        migrationBuilder.CreateIndex("IX_HelpCalendars_InviteLinkHash", "HelpCalendars", "InviteLinkHash", unique: true);
        migrationBuilder.CreateIndex("IX_HelpHelpers_TokenHash", "HelpHelpers", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_HelpHelpers_CalendarId_Email", "HelpHelpers", ["CalendarId", "Email"], unique: true);
        migrationBuilder.CreateIndex("IX_HelpHelpers_CirclePersonId", "HelpHelpers", "CirclePersonId");
        migrationBuilder.CreateIndex("IX_HelpNeeds_CalendarId", "HelpNeeds", "CalendarId");
        migrationBuilder.CreateIndex("IX_HelpNeeds_CreatedByHelperId", "HelpNeeds", "CreatedByHelperId");
        migrationBuilder.CreateIndex("IX_HelpTurns_NeedId_Date", "HelpTurns", ["NeedId", "Date"], unique: true);
        migrationBuilder.CreateIndex("IX_HelpTurns_CalendarId_StartsAt", "HelpTurns", ["CalendarId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_HelpTurns_HelperId_StartsAt", "HelpTurns", ["HelperId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_HelpTurns_StartsAt_ReminderSentAt", "HelpTurns", ["StartsAt", "ReminderSentAt"]);
        migrationBuilder.CreateIndex("IX_CheckInEntries_MemberId_TakenAt", "CheckInEntries", ["MemberId", "TakenAt"]);
        migrationBuilder.CreateIndex("IX_CheckInReminders_SentAt_DueAt", "CheckInReminders", ["SentAt", "DueAt"]);
        migrationBuilder.CreateIndex("IX_CrisisLines_Country_Rank", "CrisisLines", ["Country", "Rank"]);

        // Without a model snapshot, seed rows need their column types spelled out per provider.
        var npgsql = migrationBuilder.IsNpgsql();
        var seed = CrisisLines.Seed();
        var rows = new object[seed.Count, 14];
        for (var i = 0; i < seed.Count; i++)
        {
            var l = seed[i];
            object[] row = [l.Id, l.Country, l.Languages, l.Name, l.Number, (int)l.Purpose, l.IsFree, l.AlwaysOpen, l.Hours, l.BySms, l.IsEmergency, l.Note, l.VerifiedOn, l.Rank];
            for (var j = 0; j < row.Length; j++)
            {
                rows[i, j] = row[j];
            }
        }

        migrationBuilder.InsertData(
            table: "CrisisLines",
            columns: ["Id", "Country", "Languages", "Name", "Number", "Purpose", "IsFree", "AlwaysOpen", "Hours", "BySms", "IsEmergency", "Note", "VerifiedOn", "Rank"],
            columnTypes: npgsql
                ? ["uuid", "character varying(2)", "character varying(40)", "character varying(120)", "character varying(30)", "integer", "boolean", "boolean", "character varying(200)", "boolean", "boolean", "character varying(500)", "date", "integer"]
                : ["TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "INTEGER", "INTEGER", "INTEGER", "TEXT", "INTEGER", "INTEGER", "TEXT", "TEXT", "INTEGER"],
            values: rows);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CrisisLines");
        migrationBuilder.DropTable("CheckInReminders");
        migrationBuilder.DropTable("CheckInEntries");
        migrationBuilder.DropTable("HelpTurns");
        migrationBuilder.DropTable("HelpNeeds");
        migrationBuilder.DropTable("HelpHelpers");
        migrationBuilder.DropTable("HelpCalendars");
        migrationBuilder.DropTable("CirclePeople");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Family-friendly places with their reviews, and outings with their dates, families, discussion and
/// the parents' calendar feeds.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122100000_PlacesAndOutings")]
public sealed class PlacesAndOutings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Places",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 120, nullable: false),
                Category = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                Address = table.Column<string>(maxLength: 200, nullable: false),
                TownId = table.Column<string>(maxLength: 100, nullable: false),
                TownName = table.Column<string>(maxLength: 100, nullable: false),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                Latitude = table.Column<double>(nullable: false),
                Longitude = table.Column<double>(nullable: false),
                OpeningHours = table.Column<string>(maxLength: 300, nullable: false),
                IsFree = table.Column<bool>(nullable: false),
                PriceNote = table.Column<string>(maxLength: 200, nullable: true),
                Amenities = table.Column<int>(nullable: false),
                Website = table.Column<string>(maxLength: 300, nullable: true),
                Status = table.Column<int>(nullable: false),
                DecisionNote = table.Column<string>(maxLength: 500, nullable: true),
                ProposedById = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                ReviewCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Places", x => x.Id);
                table.ForeignKey("FK_Places_AspNetUsers_ProposedById", x => x.ProposedById, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "PlaceReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlaceId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                EditedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlaceReviews", x => x.Id);
                table.ForeignKey("FK_PlaceReviews_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_PlaceReviews_Places_PlaceId", x => x.PlaceId, "Places", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Outings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganizerId = table.Column<Guid>(nullable: true),
                CommunityId = table.Column<Guid>(nullable: true),
                PlaceId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                Address = table.Column<string>(maxLength: 200, nullable: false),
                TownId = table.Column<string>(maxLength: 100, nullable: false),
                TownName = table.Column<string>(maxLength: 100, nullable: false),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                Latitude = table.Column<double>(nullable: false),
                Longitude = table.Column<double>(nullable: false),
                MeetingPoint = table.Column<string>(maxLength: 300, nullable: false),
                TimeZone = table.Column<string>(maxLength: 64, nullable: false),
                StartsAtLocal = table.Column<DateTime>(nullable: false),
                DurationMinutes = table.Column<int>(nullable: false),
                Recurrence = table.Column<int>(nullable: false),
                RepeatUntil = table.Column<DateOnly>(nullable: true),
                MinAgeMonths = table.Column<int>(nullable: false),
                MaxAgeMonths = table.Column<int>(nullable: false),
                MaxFamilies = table.Column<int>(nullable: false),
                IsFree = table.Column<bool>(nullable: false),
                PriceNote = table.Column<string>(maxLength: 200, nullable: true),
                Setting = table.Column<int>(nullable: false),
                Welcome = table.Column<int>(nullable: false),
                WelcomeNote = table.Column<string>(maxLength: 300, nullable: true),
                Rhythm = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Outings", x => x.Id);
                table.ForeignKey("FK_Outings_AspNetUsers_OrganizerId", x => x.OrganizerId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Outings_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Outings_Places_PlaceId", x => x.PlaceId, "Places", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "OutingOccurrences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OutingId = table.Column<Guid>(nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                IsCancelled = table.Column<bool>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                GoingCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutingOccurrences", x => x.Id);
                table.ForeignKey("FK_OutingOccurrences_Outings_OutingId", x => x.OutingId, "Outings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OutingParticipations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OccurrenceId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Adults = table.Column<int>(nullable: false),
                Children = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
                PromotedAt = table.Column<DateTime>(nullable: true),
                WantsMorningReminder = table.Column<bool>(nullable: false),
                DayBeforeReminderSentAt = table.Column<DateTime>(nullable: true),
                MorningReminderSentAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutingParticipations", x => x.Id);
                table.ForeignKey("FK_OutingParticipations_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_OutingParticipations_OutingOccurrences_OccurrenceId", x => x.OccurrenceId, "OutingOccurrences", "Id", onDelete: ReferentialAction.Cascade);
            });

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

        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                MemberId = table.Column<Guid>(nullable: false),
                Token = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.MemberId);
                table.ForeignKey("FK_CalendarFeeds_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Places_Status_Latitude_Longitude", "Places", ["Status", "Latitude", "Longitude"]);
        migrationBuilder.CreateIndex("IX_Places_NormalizedName", "Places", "NormalizedName");
        migrationBuilder.CreateIndex("IX_Places_ProposedById", "Places", "ProposedById");
        migrationBuilder.CreateIndex("IX_PlaceReviews_PlaceId_AuthorId", "PlaceReviews", ["PlaceId", "AuthorId"], unique: true);
        migrationBuilder.CreateIndex("IX_PlaceReviews_AuthorId", "PlaceReviews", "AuthorId");
        migrationBuilder.CreateIndex("IX_Outings_OrganizerId", "Outings", "OrganizerId");
        migrationBuilder.CreateIndex("IX_Outings_CommunityId", "Outings", "CommunityId");
        migrationBuilder.CreateIndex("IX_Outings_PlaceId", "Outings", "PlaceId");
        migrationBuilder.CreateIndex("IX_OutingOccurrences_OutingId_StartsAt", "OutingOccurrences", ["OutingId", "StartsAt"], unique: true);
        migrationBuilder.CreateIndex("IX_OutingOccurrences_StartsAt", "OutingOccurrences", "StartsAt");
        migrationBuilder.CreateIndex("IX_OutingParticipations_OccurrenceId_MemberId", "OutingParticipations", ["OccurrenceId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_OutingParticipations_OccurrenceId_Status_JoinedAt", "OutingParticipations", ["OccurrenceId", "Status", "JoinedAt"]);
        migrationBuilder.CreateIndex("IX_OutingParticipations_MemberId", "OutingParticipations", "MemberId");
        migrationBuilder.CreateIndex("IX_OutingMessages_OutingId_CreatedAt", "OutingMessages", ["OutingId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_OutingMessages_AuthorId", "OutingMessages", "AuthorId");
        migrationBuilder.CreateIndex("IX_CalendarFeeds_Token", "CalendarFeeds", "Token", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CalendarFeeds");
        migrationBuilder.DropTable("OutingMessages");
        migrationBuilder.DropTable("OutingParticipations");
        migrationBuilder.DropTable("OutingOccurrences");
        migrationBuilder.DropTable("Outings");
        migrationBuilder.DropTable("PlaceReviews");
        migrationBuilder.DropTable("Places");
    }
}

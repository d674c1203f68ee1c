using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Communities and their members.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122030000_Communities")]
public sealed class Communities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Communities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Slug = table.Column<string>(maxLength: 90, nullable: false),
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                Kind = table.Column<int>(nullable: false),
                Theme = table.Column<int>(nullable: true),
                TownId = table.Column<string>(maxLength: 32, nullable: true),
                TownName = table.Column<string>(maxLength: 120, nullable: true),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                RadiusKm = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                DecisionNote = table.Column<string>(maxLength: 500, nullable: true),
                OpenToParentsNearby = table.Column<bool>(nullable: false),
                RequestedById = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DecidedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Communities", x => x.Id));

        migrationBuilder.CreateTable(
            name: "CommunityMembers",
            columns: table => new
            {
                CommunityId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
                JoinedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommunityMembers", x => new { x.CommunityId, x.MemberId });
                table.ForeignKey("FK_CommunityMembers_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CommunityMembers_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Communities_Slug", "Communities", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Communities_Status_Latitude_Longitude", "Communities", ["Status", "Latitude", "Longitude"]);
        migrationBuilder.CreateIndex("IX_CommunityMembers_MemberId", "CommunityMembers", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CommunityMembers");
        migrationBuilder.DropTable("Communities");
    }
}

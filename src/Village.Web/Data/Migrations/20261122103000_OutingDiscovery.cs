using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Outings by position, for "outings near me": the search starts from the outings in a box around the parent
/// (a range on latitude, longitude read from the index) and then reads their dates in the period through
/// (OutingId, StartsAt), instead of every date of the period in the whole country.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122103000_OutingDiscovery")]
public sealed class OutingDiscovery : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "IX_Outings_Latitude_Longitude", table: "Outings", columns: ["Latitude", "Longitude"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_Outings_Latitude_Longitude", table: "Outings");
}

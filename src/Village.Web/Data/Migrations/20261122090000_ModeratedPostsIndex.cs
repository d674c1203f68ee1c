using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>A partial index of the posts moderators hid or removed, by author and community: every community page
/// asks whether the reader has one there.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122090000_ModeratedPostsIndex")]
public sealed class ModeratedPostsIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            "IX_Posts_AuthorId_CommunityId_Moderated", "Posts", ["AuthorId", "CommunityId"], filter: "\"Moderation\" <> 0");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_Posts_AuthorId_CommunityId_Moderated", "Posts");
}

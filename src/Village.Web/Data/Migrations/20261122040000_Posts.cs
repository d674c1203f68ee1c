using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>Posts in communities, their comments and "merci".</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122040000_Posts")]
public sealed class Posts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Posts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                ItemMode = table.Column<int>(nullable: true),
                PriceCents = table.Column<int>(nullable: true),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Body = table.Column<string>(maxLength: 10000, nullable: false),
                SearchText = table.Column<string>(nullable: false),
                State = table.Column<int>(nullable: false),
                IsPinned = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                EditedAt = table.Column<DateTime>(nullable: true),
                CommentCount = table.Column<int>(nullable: false),
                ThanksCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Posts", x => x.Id);
                table.ForeignKey("FK_Posts_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Posts_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Comments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PostId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Body = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Comments", x => x.Id);
                table.ForeignKey("FK_Comments_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Comments_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PostThanks",
            columns: table => new
            {
                PostId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PostThanks", x => new { x.PostId, x.MemberId });
                table.ForeignKey("FK_PostThanks_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PostThanks_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Posts_CommunityId_IsPinned_CreatedAt", "Posts", ["CommunityId", "IsPinned", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Posts_AuthorId", "Posts", "AuthorId");
        migrationBuilder.CreateIndex("IX_Comments_PostId_CreatedAt", "Comments", ["PostId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Comments_AuthorId", "Comments", "AuthorId");
        migrationBuilder.CreateIndex("IX_PostThanks_MemberId", "PostThanks", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PostThanks");
        migrationBuilder.DropTable("Comments");
        migrationBuilder.DropTable("Posts");
    }
}

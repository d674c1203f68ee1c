using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Village.Web.Data.Migrations;

/// <summary>The community tools: the address book with its recommendations, the idea box, and polls.</summary>
[DbContext(typeof(VillageDb))]
[Migration("20261122070000_AddressBookIdeasPolls")]
public sealed class AddressBookIdeasPolls : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AddressEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 120, nullable: false),
                Category = table.Column<int>(nullable: false),
                TownId = table.Column<string>(maxLength: 100, nullable: false),
                TownName = table.Column<string>(maxLength: 100, nullable: false),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                Phone = table.Column<string>(maxLength: 30, nullable: true),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                Website = table.Column<string>(maxLength: 300, nullable: true),
                IsHidden = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                EditedAt = table.Column<DateTime>(nullable: true),
                RecommendationCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AddressEntries", x => x.Id);
                table.ForeignKey("FK_AddressEntries_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_AddressEntries_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AddressRecommendations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: true),
                Comment = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                EditedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AddressRecommendations", x => x.Id);
                table.ForeignKey("FK_AddressRecommendations_AddressEntries_EntryId", x => x.EntryId, "AddressEntries", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AddressRecommendations_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "Ideas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 120, nullable: false),
                Body = table.Column<string>(maxLength: 4000, nullable: false),
                Status = table.Column<int>(nullable: false),
                Answer = table.Column<string>(maxLength: 2000, nullable: true),
                AnsweredAt = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                EditedAt = table.Column<DateTime>(nullable: true),
                VoteCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Ideas", x => x.Id);
                table.ForeignKey("FK_Ideas_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Ideas_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IdeaVotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IdeaId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IdeaVotes", x => x.Id);
                table.ForeignKey("FK_IdeaVotes_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_IdeaVotes_Ideas_IdeaId", x => x.IdeaId, "Ideas", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Polls",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CommunityId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Question = table.Column<string>(maxLength: 200, nullable: false),
                MultipleChoice = table.Column<bool>(nullable: false),
                ClosesAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                VoterCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Polls", x => x.Id);
                table.ForeignKey("FK_Polls_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Polls_Communities_CommunityId", x => x.CommunityId, "Communities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PollChoices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PollId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 100, nullable: false),
                VoteCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PollChoices", x => x.Id);
                table.ForeignKey("FK_PollChoices_Polls_PollId", x => x.PollId, "Polls", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PollVotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PollId = table.Column<Guid>(nullable: false),
                ChoiceId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PollVotes", x => x.Id);
                table.ForeignKey("FK_PollVotes_AspNetUsers_MemberId", x => x.MemberId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_PollVotes_PollChoices_ChoiceId", x => x.ChoiceId, "PollChoices", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PollVotes_Polls_PollId", x => x.PollId, "Polls", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_AddressEntries_CommunityId_NormalizedName", "AddressEntries", ["CommunityId", "NormalizedName"]);
        migrationBuilder.CreateIndex("IX_AddressEntries_AuthorId", "AddressEntries", "AuthorId");
        migrationBuilder.CreateIndex("IX_AddressRecommendations_EntryId_MemberId", "AddressRecommendations", ["EntryId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_AddressRecommendations_MemberId", "AddressRecommendations", "MemberId");
        migrationBuilder.CreateIndex("IX_Ideas_CommunityId_CreatedAt", "Ideas", ["CommunityId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Ideas_AuthorId", "Ideas", "AuthorId");
        migrationBuilder.CreateIndex("IX_IdeaVotes_IdeaId_MemberId", "IdeaVotes", ["IdeaId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_IdeaVotes_MemberId", "IdeaVotes", "MemberId");
        migrationBuilder.CreateIndex("IX_Polls_CommunityId_ClosesAt", "Polls", ["CommunityId", "ClosesAt"]);
        migrationBuilder.CreateIndex("IX_Polls_AuthorId", "Polls", "AuthorId");
        migrationBuilder.CreateIndex("IX_PollChoices_PollId_Position", "PollChoices", ["PollId", "Position"]);
        migrationBuilder.CreateIndex("IX_PollVotes_ChoiceId_MemberId", "PollVotes", ["ChoiceId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_PollVotes_PollId_MemberId", "PollVotes", ["PollId", "MemberId"]);
        migrationBuilder.CreateIndex("IX_PollVotes_MemberId", "PollVotes", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PollVotes");
        migrationBuilder.DropTable("PollChoices");
        migrationBuilder.DropTable("Polls");
        migrationBuilder.DropTable("IdeaVotes");
        migrationBuilder.DropTable("Ideas");
        migrationBuilder.DropTable("AddressRecommendations");
        migrationBuilder.DropTable("AddressEntries");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;

namespace Village.Web.Features.Ideas;

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>, IEntityTypeConfiguration<IdeaVote>
{
    public const int TitleMax = 120;
    public const int BodyMax = 4_000;
    public const int AnswerMax = 2_000;

    public void Configure(EntityTypeBuilder<Idea> idea)
    {
        idea.ToTable("Ideas");
        idea.Property(i => i.Title).HasMaxLength(TitleMax);
        idea.Property(i => i.Body).HasMaxLength(BodyMax);
        idea.Property(i => i.Answer).HasMaxLength(AnswerMax);
        idea.HasOne<Community>().WithMany().HasForeignKey(i => i.CommunityId).OnDelete(DeleteBehavior.Cascade);
        idea.HasOne<Member>().WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.SetNull);
        idea.HasIndex(i => new { i.CommunityId, i.CreatedAt });
        idea.HasIndex(i => i.AuthorId);
    }

    public void Configure(EntityTypeBuilder<IdeaVote> vote)
    {
        vote.ToTable("IdeaVotes");
        vote.HasOne<Idea>().WithMany().HasForeignKey(v => v.IdeaId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.SetNull);
        vote.HasIndex(v => new { v.IdeaId, v.MemberId }).IsUnique();
        vote.HasIndex(v => v.MemberId);
    }
}

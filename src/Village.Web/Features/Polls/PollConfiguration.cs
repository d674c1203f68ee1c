using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;

namespace Village.Web.Features.Polls;

internal sealed class PollConfiguration :
    IEntityTypeConfiguration<Poll>, IEntityTypeConfiguration<PollChoice>, IEntityTypeConfiguration<PollVote>
{
    public const int QuestionMax = 200;
    public const int ChoiceMax = 100;
    public const int MinChoices = 2;
    public const int MaxChoices = 10;
    public const int MaxMonthsOpen = 3;

    public void Configure(EntityTypeBuilder<Poll> poll)
    {
        poll.ToTable("Polls");
        poll.Property(p => p.Question).HasMaxLength(QuestionMax);
        poll.HasOne<Community>().WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Cascade);
        poll.HasOne<Member>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        poll.HasMany(p => p.Choices).WithOne().HasForeignKey(c => c.PollId).OnDelete(DeleteBehavior.Cascade);
        poll.HasIndex(p => new { p.CommunityId, p.ClosesAt });
        poll.HasIndex(p => p.AuthorId);
    }

    public void Configure(EntityTypeBuilder<PollChoice> choice)
    {
        choice.ToTable("PollChoices");
        choice.Property(c => c.Text).HasMaxLength(ChoiceMax);
        choice.HasIndex(c => new { c.PollId, c.Position });
    }

    public void Configure(EntityTypeBuilder<PollVote> vote)
    {
        vote.ToTable("PollVotes");
        vote.HasOne<Poll>().WithMany().HasForeignKey(v => v.PollId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<PollChoice>().WithMany().HasForeignKey(v => v.ChoiceId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.SetNull);
        // One vote per member and choice; a member's votes on a poll are found together.
        vote.HasIndex(v => new { v.ChoiceId, v.MemberId }).IsUnique();
        vote.HasIndex(v => new { v.PollId, v.MemberId });
        vote.HasIndex(v => v.MemberId);
    }
}

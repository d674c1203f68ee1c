using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Outings;

namespace Village.Web.Features.Messages;

internal sealed class MessagesConfiguration :
    IEntityTypeConfiguration<Conversation>, IEntityTypeConfiguration<ConversationMember>, IEntityTypeConfiguration<Message>
{
    public const int TextMax = 2_000;

    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("Conversations");
        conversation.HasOne<Outing>().WithMany().HasForeignKey(c => c.OutingId).OnDelete(DeleteBehavior.Cascade);
        conversation.HasIndex(c => c.OutingId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ConversationMember> member)
    {
        member.ToTable("ConversationMembers");
        member.HasKey(m => new { m.ConversationId, m.MemberId });
        member.HasOne<Conversation>().WithMany(c => c.Members).HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        // A parent's conversations (their list, their unread count).
        member.HasIndex(m => m.MemberId);
    }

    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.ToTable("Messages");
        message.Property(m => m.Text).HasMaxLength(TextMax);
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        message.HasOne<Member>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        // A conversation in order, without gaps: paging back, and what came after a reader's last message.
        message.HasIndex(m => new { m.ConversationId, m.Sequence }).IsUnique();
        message.HasIndex(m => m.AuthorId);
    }
}

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Live;

namespace Village.Web.Features.Messages;

/// <summary>Opening conversations and writing in them: the one place a message gets its sequence and goes live.</summary>
public sealed class Conversations(VillageDb db, ILiveEvents live, TimeProvider clock)
{
    /// <summary>The conversations the member is in: every read starts here, so nobody reads one they are not part of.</summary>
    public IQueryable<Conversation> Of(Guid memberId) =>
        db.Conversations.Where(c => c.Members.Any(m => m.MemberId == memberId));

    /// <summary>The direct conversation between two parents, opened if they have none yet.</summary>
    public async Task<Conversation> OpenDirectAsync(Guid first, Guid second)
    {
        var existing = await db.Conversations
            .Where(c => c.Kind == ConversationKind.Direct && c.Members.Any(m => m.MemberId == first) && c.Members.Any(m => m.MemberId == second))
            .FirstOrDefaultAsync();
        if (existing is not null)
        {
            return existing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(),
            Kind = ConversationKind.Direct,
            CreatedAt = now,
            LastMessageAt = now,
            Members = [.. new[] { first, second }.Select(id => new ConversationMember { MemberId = id, JoinedAt = now })],
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation;
    }

    /// <summary>Writes a message as the next of the conversation, then tells its members' open pages. The conversation's
    /// row is updated first and stays locked until commit, so writers of one conversation take their turn and the
    /// sequences commit in order: a stream that reads "after my last one" never skips a message. The author has read
    /// their own message. Who may write is the caller's check.</summary>
    public async Task<Message> PostAsync(Guid conversationId, Guid authorId, string text, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Message message;
        IReadOnlyList<Guid> members;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellation))
        {
            await db.Conversations.Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1).SetProperty(c => c.LastMessageAt, now), cancellation);
            var sequence = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.LastSequence).SingleAsync(cancellation);
            message = new Message
            {
                Id = Guid.CreateVersion7(),
                ConversationId = conversationId,
                Sequence = sequence,
                AuthorId = authorId,
                Text = text,
                CreatedAt = now,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellation);
            await db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.MemberId == authorId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadSequence, sequence), cancellation);
            members = await db.ConversationMembers.Where(m => m.ConversationId == conversationId).Select(m => m.MemberId).ToListAsync(cancellation);
            await transaction.CommitAsync(cancellation);
        }

        await live.PublishAsync(new LiveEvent(LiveEventKind.Message, members, conversationId, message.Sequence), cancellation);
        return message;
    }
}

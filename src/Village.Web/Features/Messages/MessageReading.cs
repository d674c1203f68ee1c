using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Moderation;
using Village.Web.Features.Outings;
using Village.Web.Features.Safety;
using Village.Web.Infrastructure.Live;

namespace Village.Web.Features.Messages;

/// <summary>What the conversation pages and the API share: finding a conversation for one of its members (anyone
/// else gets nothing, as if it did not exist), its messages by sequence, marking read, and sending with the block
/// rule and the rate limit.</summary>
public sealed class MessageReading(
    VillageDb db, Conversations conversations, OutingConversation outingConversation, NewMemberLimits limits, ILiveEvents live, TimeProvider clock, IOptions<MessagesOptions> options)
{
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(10);

    public MessagesOptions Options => options.Value;

    /// <summary>The conversation as its member sees it; null when it does not exist or they are not in it.</summary>
    public async Task<ConversationView?> FindAsync(Guid memberId, Guid conversationId)
    {
        var found = await conversations.Of(memberId).AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new
            {
                c.Id,
                c.Kind,
                c.OutingId,
                c.LastSequence,
                c.LastMessageAt,
                Read = c.Members.Where(m => m.MemberId == memberId).Select(m => m.ReadSequence).First(),
                OutingTitle = db.Outings.Where(o => o.Id == c.OutingId).Select(o => o.Title).FirstOrDefault(),
                OutingCancelled = db.Outings.Any(o => o.Id == c.OutingId && o.Status != OutingStatus.Scheduled),
                Other = c.Members.Where(m => m.MemberId != memberId).Select(m => (Guid?)m.MemberId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        string? otherName = null;
        var blocked = false;
        if (found.Kind == ConversationKind.Direct && found.Other is { } other)
        {
            otherName = await db.Profiles.Where(p => p.MemberId == other).Select(p => p.DisplayName).FirstOrDefaultAsync();
            blocked = await db.Blocks.BetweenAsync(memberId, other);
        }

        return new ConversationView(
            found.Id, found.Kind, found.OutingId, found.Kind == ConversationKind.Outing ? found.OutingTitle : otherName,
            found.Kind == ConversationKind.Direct ? found.Other : null, found.LastSequence, found.Read, found.LastMessageAt, blocked)
        {
            Closed = found.OutingCancelled,
        };
    }

    /// <summary>Up to <paramref name="take"/> messages before (or after) a sequence, in order. Messages moderators
    /// hid are shown only to their author, marked.</summary>
    public async Task<IReadOnlyList<MessageView>> MessagesAsync(Guid memberId, Guid conversationId, long? before, long? after, int take)
    {
        var query = db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && (m.Moderation == ModerationState.Visible || m.AuthorId == memberId));
        if (before is { } b)
        {
            query = query.Where(m => m.Sequence < b);
        }

        if (after is { } a)
        {
            query = query.Where(m => m.Sequence > a);
        }

        var ordered = after is not null && before is null ? query.OrderBy(m => m.Sequence) : query.OrderByDescending(m => m.Sequence);
        var rows = await ordered.Take(take)
            .Select(m => new MessageView(
                m.Id, conversationId, m.Sequence, m.AuthorId, db.Profiles.Where(p => p.MemberId == m.AuthorId).Select(p => p.DisplayName).FirstOrDefault(),
                m.Text, m.CreatedAt, m.AuthorId == memberId, m.Moderation))
            .ToListAsync();
        return [.. rows.OrderBy(m => m.Sequence)];
    }

    /// <summary>Marks the conversation read up to <paramref name="sequence"/> (never lowered, never past the last
    /// message), and tells the member's other open pages.</summary>
    public async Task MarkReadAsync(Guid memberId, Guid conversationId, long sequence, CancellationToken cancellation = default)
    {
        var changed = await db.ConversationMembers
            .Where(m => m.ConversationId == conversationId && m.MemberId == memberId && m.ReadSequence < sequence
                && db.Conversations.Any(c => c.Id == conversationId && c.LastSequence >= sequence))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadSequence, sequence), cancellation);
        if (changed > 0)
        {
            await live.PublishAsync(new LiveEvent(LiveEventKind.Read, [memberId], conversationId, sequence), cancellation);
        }
    }

    /// <summary>Sends a message after the checks every way in shares: the member is in the conversation, no block
    /// between the two parents of a direct conversation, the text is there and not too long, the rate limit.</summary>
    public async Task<SendResult> SendAsync(Guid memberId, Guid conversationId, string? text, CancellationToken cancellation = default)
    {
        if (await FindAsync(memberId, conversationId) is not { } conversation)
        {
            return new SendResult(SendOutcome.NotFound);
        }

        if (conversation.Blocked || conversation.Closed)
        {
            return new SendResult(SendOutcome.Blocked);
        }

        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new SendResult(SendOutcome.Empty);
        }

        if (trimmed.Length > MessagesConfiguration.TextMax)
        {
            return new SendResult(SendOutcome.TooLong);
        }

        if (await LimitAsync(memberId) is { } limit)
        {
            return new SendResult(SendOutcome.TooMany, Limit: limit);
        }

        // An outing's conversation is its discussion: the organiser's words also go by email to the families.
        var message = conversation.OutingId is { } outingId && await db.Outings.FindAsync([outingId], cancellation) is { } outing
            ? await outingConversation.PostAsync(outing, memberId, trimmed, await db.Profiles.Where(p => p.MemberId == memberId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellation))
            : await conversations.PostAsync(conversationId, memberId, trimmed, cancellation);
        return new SendResult(SendOutcome.Sent, message);
    }

    /// <summary>The member's limit when they reached it in the last ten minutes; null while they may write.</summary>
    public async Task<int?> LimitAsync(Guid memberId)
    {
        var since = clock.GetUtcNow().UtcDateTime - RateWindow;
        var recent = await db.Messages.CountAsync(m => m.AuthorId == memberId && m.CreatedAt > since);
        return await limits.ReachedAsync(memberId, recent, Options.PerTenMinutes, Options.NewAccountPerTenMinutes);
    }
}

public sealed class MessagesOptions
{
    /// <summary>Messages a member may send in any ten minutes, all conversations together.</summary>
    public int PerTenMinutes { get; set; } = 30;

    /// <summary>The same for a new account (see <see cref="NewMemberLimits"/>).</summary>
    public int NewAccountPerTenMinutes { get; set; } = 10;

    /// <summary>Messages per page of a conversation.</summary>
    public int PageSize { get; set; } = 30;

    /// <summary>How long a message from someone else stays unread before its reader gets an email.</summary>
    public int EmailAfterMinutes { get; set; } = 15;

    /// <summary>How often the job looks for unread messages to email about.</summary>
    public TimeSpan EmailInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most conversations one pass handles (the next pass takes the rest).</summary>
    public int EmailBatch { get; set; } = 500;
}

/// <summary>A conversation for one of its members: its title is the other parent's name (null once they left
/// Village) or the outing's title.</summary>
public sealed record ConversationView(
    Guid Id, ConversationKind Kind, Guid? OutingId, string? Title, Guid? OtherMemberId, long LastSequence, long ReadSequence,
    DateTime LastMessageAt, bool Blocked)
{
    /// <summary>An outing's conversation once the outing is cancelled: still read, no longer written.</summary>
    public bool Closed { get; init; }

    public string? OutingLink => OutingId is { } id ? $"/outings/{id}" : null;
}

/// <summary>A message as one reader sees it; <see cref="AuthorName"/> is null once the author left Village.</summary>
public sealed record MessageView(
    Guid Id, Guid ConversationId, long Sequence, Guid? AuthorId, string? AuthorName, string Text, DateTime CreatedAt, bool IsMine,
    ModerationState Moderation);

public enum SendOutcome
{
    Sent,
    NotFound,
    Blocked,
    Empty,
    TooLong,
    TooMany,
}

public sealed record SendResult(SendOutcome Outcome, Message? Message = null, int? Limit = null);

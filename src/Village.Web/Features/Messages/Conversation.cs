using Village.Web.Features.Moderation;

namespace Village.Web.Features.Messages;

/// <summary>A private conversation: two parents once one accepted the other's hello, or the families of an outing.
/// Only its members read it, on every page, in the API and in the live stream.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }

    public ConversationKind Kind { get; set; }

    /// <summary>For an outing's group conversation, the outing (one conversation per outing).</summary>
    public Guid? OutingId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the last message was written (or the conversation opened): lists go newest first.</summary>
    public DateTime LastMessageAt { get; set; }

    /// <summary>The last message's <see cref="Message.Sequence"/>, 0 before the first.</summary>
    public long LastSequence { get; set; }

    public List<ConversationMember> Members { get; set; } = [];
}

public enum ConversationKind
{
    /// <summary>Two parents, opened by an accepted hello.</summary>
    Direct = 0,

    /// <summary>The organiser and the families of an outing.</summary>
    Outing = 1,
}

/// <summary>A parent in a conversation, with how far they have read.</summary>
public sealed class ConversationMember
{
    public Guid ConversationId { get; set; }

    public Guid MemberId { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>The <see cref="Message.Sequence"/> of the last message this parent has read: unread are the ones after.</summary>
    public long ReadSequence { get; set; }

    /// <summary>When this parent was last emailed about unread messages here, so one unread batch brings one email.</summary>
    public DateTime? EmailedAt { get; set; }
}

/// <summary>A message in a conversation. Its <see cref="Sequence"/> orders the conversation without gaps: the pages,
/// the API and the live stream go by it, so a reader never sees a message twice nor out of order.</summary>
public sealed class Message
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    /// <summary>1 for the first message of the conversation, then one more each time (see <see cref="Conversations.PostAsync"/>).</summary>
    public long Sequence { get; set; }

    /// <summary>Null once the author deleted their account: the message stays, unsigned, for the other parent.</summary>
    public Guid? AuthorId { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Hidden by a moderator after a report: shown to nobody but its author (marked) and the moderators.</summary>
    public ModerationState Moderation { get; set; }
}

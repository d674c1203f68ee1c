namespace Village.Web.Features.Moderation;

/// <summary>A member's word to the moderators about a post, a comment or another member. The person reported
/// never learns who reported them.</summary>
public sealed class Report
{
    public Guid Id { get; set; }

    /// <summary>Null once the reporter deleted their account.</summary>
    public Guid? ReporterId { get; set; }

    public ReportTarget TargetKind { get; set; }

    /// <summary>The post's, the comment's or the member's id.</summary>
    public Guid TargetId { get; set; }

    /// <summary>The author of the content, or the member reported; null once they deleted their account.</summary>
    public Guid? TargetMemberId { get; set; }

    /// <summary>The community of the content; null for a report about a member.</summary>
    public Guid? CommunityId { get; set; }

    public ReportReason Reason { get; set; }

    public string? Details { get; set; }

    public ReportStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }
}

public enum ReportTarget
{
    Post = 0,
    Comment = 1,
    Member = 2,

    /// <summary>A family-friendly place a member proposed (approved or declined, never reported).</summary>
    Place = 3,

    /// <summary>A private message, reported by another member of its conversation (moderators see it with the
    /// messages around it).</summary>
    Message = 4,
}

public enum ReportReason
{
    Unkind = 0,
    Spam = 1,
    Unsafe = 2,
    PrivateInformation = 3,
    Other = 4,
}

public enum ReportStatus
{
    Open = 0,
    Resolved = 1,
    Dismissed = 2,
}

/// <summary>Whether members see a post or a comment. Hidden and removed content stays for its author (marked) and
/// for the moderators; only removal tells the author why, by email.</summary>
public enum ModerationState
{
    Visible = 0,
    Hidden = 1,
    Removed = 2,
}

/// <summary>A member muted (reads, cannot write) or banned (cannot read nor write) in a community, until
/// <see cref="EndsAt"/> (null: until lifted).</summary>
public sealed class CommunitySanction
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    public Guid MemberId { get; set; }

    public SanctionKind Kind { get; set; }

    public string Reason { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public DateTime? LiftedAt { get; set; }

    public Guid? ById { get; set; }
}

public enum SanctionKind
{
    Mute = 0,
    Ban = 1,
}

/// <summary>One line of the append-only moderation log: who did what to what, why and when.</summary>
public sealed class ModerationLogEntry
{
    public Guid Id { get; set; }

    /// <summary>Null for an action outside any community (a report about a member dismissed).</summary>
    public Guid? CommunityId { get; set; }

    public Guid? ActorId { get; set; }

    public ModerationAction Action { get; set; }

    public ReportTarget TargetKind { get; set; }

    public Guid TargetId { get; set; }

    public Guid? TargetMemberId { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>For a mute or a ban: until when (null: indefinitely).</summary>
    public DateTime? Until { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum ModerationAction
{
    Hide = 0,
    Restore = 1,
    Remove = 2,
    Dismiss = 3,
    Mute = 4,
    Ban = 5,
    Lift = 6,

    /// <summary>A proposed place opened to everyone.</summary>
    Approve = 7,

    /// <summary>A proposed place turned down, with a word to the member.</summary>
    Decline = 8,
}

/// <summary>A parent who no longer wants to see nor hear from another: each one's content is hidden from the other.</summary>
public sealed class Block
{
    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTime CreatedAt { get; set; }
}

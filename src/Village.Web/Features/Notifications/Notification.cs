namespace Village.Web.Features.Notifications;

/// <summary>Something that happened for a parent: shown in their notification centre (/notifications) and, as they
/// chose for its kind, emailed at once, gathered into a digest, or neither. Its words are written when it is shown,
/// in the reader's language, from the resource key Notification.{Kind}.Text with {0} = <see cref="Actor"/> and
/// {1} = <see cref="Topic"/>.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>Who did it, as others see them ("Camille"), when it matters; never an email address.</summary>
    public string? Actor { get; set; }

    /// <summary>What it is about ("Balade au parc de la Citadelle"), never health or a service's name.</summary>
    public string? Topic { get; set; }

    /// <summary>The thing itself, a path on the site ("/outings/…"): the centre links to it.</summary>
    public string Path { get; set; } = "";

    /// <summary>The outing, post, calendar… it is about: notifications about the same thing can be grouped.</summary>
    public Guid? SubjectId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    /// <summary>How it was routed when it happened, from the parent's preference for its kind.</summary>
    public NotificationChannel Channel { get; set; }

    /// <summary>When its email was queued (<see cref="NotificationChannel.Email"/>) or when a digest carried it
    /// (<see cref="NotificationChannel.Daily"/>, <see cref="NotificationChannel.Weekly"/>); null while it waits.</summary>
    public DateTime? EmailedAt { get; set; }
}

/// <summary>What a notification is about. The numbers are stored: never renumber. <see cref="NotificationKinds"/> says
/// for each one its default channel, whether it is urgent, and whether it appears in the centre.</summary>
public enum NotificationKind
{
    /// <summary>Someone replied to a parent's post or question in a community.</summary>
    PostReply = 1,

    /// <summary>A family joined (or joined the waiting list of) an outing the parent organises.</summary>
    OutingParticipant = 2,

    /// <summary>A seat freed: the parent moved from the waiting list to the outing. Urgent.</summary>
    OutingPromoted = 3,

    /// <summary>An outing (or one date of it) the parent takes part in was cancelled. Urgent.</summary>
    OutingCancelled = 4,

    /// <summary>The organiser changed the time, the place… of an outing the parent takes part in.</summary>
    OutingChanged = 5,

    /// <summary>The organiser wrote to the families of an outing.</summary>
    OutingMessage = 6,

    /// <summary>The day-before and morning-of reminders of an outing.</summary>
    OutingReminder = 7,

    /// <summary>Another parent said hello.</summary>
    Hello = 8,

    /// <summary>Private messages waiting unread. Not in the centre (messages have their own count): this kind only
    /// decides how the "messages are waiting" email travels.</summary>
    Message = 9,

    /// <summary>A referral (a request to a service) changed status; never says which service nor why.</summary>
    ReferralUpdate = 10,

    /// <summary>Someone took a turn in the parent's help calendar.</summary>
    HelpTurnTaken = 11,

    /// <summary>New posts in the parent's communities: only in digests.</summary>
    CommunityNews = 12,

    /// <summary>Outings coming up near the parent for their children's ages: only in digests.</summary>
    OutingsNearby = 13,

    /// <summary>Emails to the parent's address kept failing, so Village stopped sending them: in the app only.</summary>
    EmailPaused = 14,
}

/// <summary>How a parent wants a kind of notification. The numbers are stored: never renumber.</summary>
public enum NotificationChannel
{
    Never = 0,

    /// <summary>In the app only (the centre and its count).</summary>
    App = 1,

    /// <summary>In the app and by email at once (after the quiet hours unless urgent and allowed).</summary>
    Email = 2,

    /// <summary>In the app and in the daily digest.</summary>
    Daily = 3,

    /// <summary>In the app and in the weekly digest.</summary>
    Weekly = 4,
}

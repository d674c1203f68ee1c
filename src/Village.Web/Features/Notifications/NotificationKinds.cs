namespace Village.Web.Features.Notifications;

/// <summary>What Village knows about each kind of notification: its default channel (urgent things at once, the rest
/// in a digest), whether it is urgent (it may cross the quiet hours when the parent allows it), whether it is listed
/// in the centre, and the channels a parent may choose for it. Its label in the preferences is the resource key
/// Notification.{Kind}.Label.</summary>
public sealed record NotificationKindInfo(
    NotificationKind Kind,
    NotificationChannel Default,
    bool Urgent,
    bool InCentre,
    IReadOnlyList<NotificationChannel> Choices);

public static class NotificationKinds
{
    private static readonly NotificationChannel[] Events =
        [NotificationChannel.Email, NotificationChannel.Daily, NotificationChannel.Weekly, NotificationChannel.App, NotificationChannel.Never];

    private static readonly NotificationChannel[] DigestOnly =
        [NotificationChannel.Daily, NotificationChannel.Weekly, NotificationChannel.Never];

    private static readonly NotificationChannel[] Messages =
        [NotificationChannel.Email, NotificationChannel.Daily, NotificationChannel.Weekly, NotificationChannel.App];

    /// <summary>Every kind, in the order the preferences page lists them.</summary>
    public static readonly IReadOnlyList<NotificationKindInfo> All =
    [
        new(NotificationKind.OutingCancelled, NotificationChannel.Email, Urgent: true, InCentre: true, Events),
        new(NotificationKind.OutingPromoted, NotificationChannel.Email, Urgent: true, InCentre: true, Events),
        new(NotificationKind.OutingChanged, NotificationChannel.Email, Urgent: false, InCentre: true, Events),
        new(NotificationKind.OutingMessage, NotificationChannel.Email, Urgent: false, InCentre: true, Events),
        new(NotificationKind.OutingReminder, NotificationChannel.Email, Urgent: false, InCentre: true, Events),
        new(NotificationKind.OutingParticipant, NotificationChannel.Daily, Urgent: false, InCentre: true, Events),
        new(NotificationKind.Message, NotificationChannel.Email, Urgent: false, InCentre: false, Messages),
        new(NotificationKind.Hello, NotificationChannel.Daily, Urgent: false, InCentre: true, Events),
        new(NotificationKind.PostReply, NotificationChannel.Daily, Urgent: false, InCentre: true, Events),
        new(NotificationKind.HelpTurnTaken, NotificationChannel.Daily, Urgent: false, InCentre: true, Events),
        new(NotificationKind.ReferralUpdate, NotificationChannel.Email, Urgent: false, InCentre: true, Events),
        new(NotificationKind.CommunityNews, NotificationChannel.Weekly, Urgent: false, InCentre: false, DigestOnly),
        new(NotificationKind.OutingsNearby, NotificationChannel.Weekly, Urgent: false, InCentre: false, DigestOnly),
        new(NotificationKind.EmailPaused, NotificationChannel.App, Urgent: false, InCentre: true, []),
    ];

    private static readonly Dictionary<NotificationKind, NotificationKindInfo> ByKind = All.ToDictionary(k => k.Kind);

    public static NotificationKindInfo Of(NotificationKind kind) => ByKind[kind];

    /// <summary>The kinds a parent can set (the others are Village's own).</summary>
    public static IEnumerable<NotificationKindInfo> Configurable => All.Where(k => k.Choices.Count > 0);

    /// <summary>The channel a parent's preference gives, or the kind's default; a stored choice the kind no longer
    /// offers falls back to the default.</summary>
    public static NotificationChannel ChannelFor(NotificationKind kind, NotificationChannel? preference) =>
        preference is { } chosen && Of(kind).Choices.Contains(chosen) ? chosen : Of(kind).Default;
}

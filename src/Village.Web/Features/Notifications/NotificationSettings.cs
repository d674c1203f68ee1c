using Village.Web.Features.Outings;

namespace Village.Web.Features.Notifications;

/// <summary>A parent's notification settings beyond the per-kind channels: their time zone, quiet hours, digest
/// hour and day, and the state of their email address. A parent without a row has <see cref="Defaults"/>.</summary>
public sealed class NotificationSettings
{
    public const int TimeZoneMax = 64;

    public Guid MemberId { get; set; }

    /// <summary>An IANA time zone ("Europe/Brussels"): quiet hours and digest hours are in it.</summary>
    public string TimeZone { get; set; } = OutingSchedule.DefaultTimeZone;

    /// <summary>No email from this time ... (21:00 by default)</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);

    /// <summary>... until this time (08:00 by default): the span may cross midnight. Equal times mean no quiet hours.</summary>
    public TimeOnly QuietUntil { get; set; } = new(8, 0);

    /// <summary>Whether urgent notifications (an outing cancelled, a seat freed) may be emailed during quiet hours.</summary>
    public bool UrgentInQuietHours { get; set; } = true;

    /// <summary>The hour (0-23, local) the daily digest, and the weekly one on <see cref="WeeklyDay"/>, are sent.</summary>
    public int DigestHour { get; set; } = 8;

    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Monday;

    /// <summary>The local date of the last daily digest's period: a digest job claims a period by moving it forward
    /// with a conditional update, so a parent gets one digest per period even with several instances.</summary>
    public DateOnly? DailyDigestFor { get; set; }

    /// <summary>The local date (the <see cref="WeeklyDay"/>) of the last weekly digest's period.</summary>
    public DateOnly? WeeklyDigestFor { get; set; }

    /// <summary>When the last daily digest was composed: the next one tells what came since.</summary>
    public DateTime? DailyDigestAt { get; set; }

    public DateTime? WeeklyDigestAt { get; set; }

    /// <summary>Emails to the parent's address that failed for good in a row (rejected, or given up after retries).</summary>
    public int EmailFailures { get; set; }

    /// <summary>Set when <see cref="EmailFailures"/> reached the limit: no notification or digest email is sent
    /// until the parent resumes (or changes their address); they are told in the app.</summary>
    public DateTime? EmailPausedAt { get; set; }

    /// <summary>The settings of a parent who never changed them: the time zone of their country.</summary>
    public static NotificationSettings Defaults(Guid memberId, string? country) =>
        new() { MemberId = memberId, TimeZone = OutingSchedule.TimeZoneFor(country) };
}

/// <summary>A parent's channel for one kind, where it differs from the kind's default (no row: the default).</summary>
public sealed class NotificationPreference
{
    public Guid MemberId { get; set; }

    public NotificationKind Kind { get; set; }

    public NotificationChannel Channel { get; set; }
}

using Village.Web.Features.Outings;

namespace Village.Web.Features.Notifications;

/// <summary>When an email may leave, from a parent's quiet hours in their time zone. Pure: no database, no clock.</summary>
public static class QuietHours
{
    /// <summary>Whether <paramref name="utc"/> falls in the quiet hours (from included, until excluded; the span may
    /// cross midnight; equal times mean none).</summary>
    public static bool IsQuiet(NotificationSettings settings, DateTime utc)
    {
        var local = TimeOnly.FromDateTime(OutingSchedule.ToLocal(utc, settings.TimeZone));
        var (from, until) = (settings.QuietFrom, settings.QuietUntil);
        return from == until ? false
            : from < until ? local >= from && local < until
            : local >= from || local < until;
    }

    /// <summary>When an email about something that happens at <paramref name="utc"/> may be sent: at once, or when
    /// the quiet hours end (in local time, so the clock changes are handled); an urgent one crosses them when the
    /// parent allows it.</summary>
    public static DateTime SendAt(NotificationSettings settings, DateTime utc, bool urgent)
    {
        if ((urgent && settings.UrgentInQuietHours) || !IsQuiet(settings, utc))
        {
            return utc;
        }

        var local = OutingSchedule.ToLocal(utc, settings.TimeZone);
        var end = local.Date + settings.QuietUntil.ToTimeSpan();
        if (end <= local)
        {
            end = end.AddDays(1);
        }

        return OutingSchedule.ToUtc(end, settings.TimeZone);
    }
}

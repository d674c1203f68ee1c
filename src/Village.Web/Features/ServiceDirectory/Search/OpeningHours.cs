namespace Village.Web.Features.ServiceDirectory.Search;

/// <summary>When a service is open, from its schedules (see <see cref="Schedule"/>) read in its own time zone. On a
/// given local day: a closure covering it shuts everything; otherwise special hours covering it replace the weekly
/// hours; otherwise the weekly hours of that weekday (within their valid dates) apply. A closing time at or before the
/// opening time runs past midnight. Times that daylight saving skips start when the clocks have jumped.</summary>
public sealed class OpeningHours
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    private readonly List<Schedule> weekly;
    private readonly List<Schedule> special;
    private readonly List<Schedule> closures;
    private readonly string? holidaysCountry;

    /// <param name="schedules">The service's schedules.</param>
    /// <param name="timeZone">The IANA zone they are written in (Europe/Brussels when unknown).</param>
    /// <param name="closedOnHolidaysOf">"BE" or "FR" to close on that country's public holidays.</param>
    public OpeningHours(IEnumerable<Schedule> schedules, string? timeZone, string? closedOnHolidaysOf = null)
    {
        var all = schedules.ToList();
        Zone = FindZone(timeZone);
        holidaysCountry = closedOnHolidaysOf;
        closures = [.. all.Where(s => s.OpensAt is null && s.ClosesAt is null && (s.ValidFrom is not null || s.ValidTo is not null))];
        special = [.. all.Where(s => s.OpensAt is not null && s.ClosesAt is not null && s.Freq is null && s.ValidFrom is not null)];
        weekly = [.. all.Where(s => s.OpensAt is not null && s.ClosesAt is not null && s.Freq == ScheduleFrequency.Weekly && !string.IsNullOrEmpty(s.ByDay))];
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Whether there are any hours at all to reason about.</summary>
    public bool Known => weekly.Count > 0 || special.Count > 0;

    /// <summary>The day's opening spans in local time, each starting on that day (an end may be on the next day).</summary>
    public IReadOnlyList<(DateTime Opens, DateTime Closes)> On(DateOnly day)
    {
        if (IsClosedAllDay(day))
        {
            return [];
        }

        var specials = special.Where(s => Covers(s, day)).ToList();
        var source = specials.Count > 0
            ? specials
            : weekly.Where(s => Covers(s, day) && s.ByDay!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Contains(DayCodes[(int)day.DayOfWeek], StringComparer.OrdinalIgnoreCase)).ToList();
        return [.. source.Select(s => Span(day, s.OpensAt!.Value, s.ClosesAt!.Value)).OrderBy(s => s.Opens)];
    }

    /// <summary>A closure or a public holiday covers the whole day.</summary>
    public bool IsClosedAllDay(DateOnly day) =>
        closures.Any(c => Covers(c, day)) || (holidaysCountry is { } country && PublicHolidays.IsHoliday(day, country));

    public bool IsOpenAt(DateTimeOffset instant) => OpenSpanAt(instant) is not null;

    /// <summary>Open now until when (local), or the next opening (local) within four weeks; null when none.</summary>
    public NextOpening? Next(DateTimeOffset instant)
    {
        if (OpenSpanAt(instant) is { } open)
        {
            return new NextOpening(true, open.Closes);
        }

        var today = LocalDay(instant);
        for (var day = today.AddDays(-1); day <= today.AddDays(28); day = day.AddDays(1))
        {
            foreach (var span in On(day))
            {
                if (ToUtc(span.Opens) > instant.UtcDateTime)
                {
                    return new NextOpening(false, span.Opens);
                }
            }
        }

        return null;
    }

    /// <summary>Open at some point of that part of the next such weekday (today included), local time: morning 08–12,
    /// afternoon 12–18, evening 18–22.</summary>
    public bool IsOpenDuring(DayOfWeek weekday, PartOfDay part, DateTimeOffset from)
    {
        var today = LocalDay(from);
        var day = today.AddDays(((int)weekday - (int)today.DayOfWeek + 7) % 7);
        var (start, end) = Bounds(part);
        var partStart = day.ToDateTime(start);
        var partEnd = day.ToDateTime(end);
        return On(day.AddDays(-1)).Concat(On(day)).Any(s => s.Opens < partEnd && s.Closes > partStart);
    }

    /// <summary>The closures ahead (local dates), for the service page.</summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> ClosuresAhead(DateTimeOffset from, int days)
    {
        var today = LocalDay(from);
        return [.. closures.Select(c => (From: c.ValidFrom ?? today, To: c.ValidTo ?? c.ValidFrom ?? today))
            .Where(c => c.To >= today && c.From <= today.AddDays(days)).OrderBy(c => c.From)];
    }

    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static (TimeOnly Start, TimeOnly End) Bounds(PartOfDay part) => part switch
    {
        PartOfDay.Morning => (new TimeOnly(8, 0), new TimeOnly(12, 0)),
        PartOfDay.Afternoon => (new TimeOnly(12, 0), new TimeOnly(18, 0)),
        _ => (new TimeOnly(18, 0), new TimeOnly(22, 0)),
    };

    private (DateTime Opens, DateTime Closes)? OpenSpanAt(DateTimeOffset instant)
    {
        var today = LocalDay(instant);
        var utc = instant.UtcDateTime;
        foreach (var span in On(today.AddDays(-1)).Concat(On(today)))
        {
            if (ToUtc(span.Opens) <= utc && utc < ToUtc(span.Closes))
            {
                return span;
            }
        }

        return null;
    }

    private static (DateTime Opens, DateTime Closes) Span(DateOnly day, TimeOnly opens, TimeOnly closes) =>
        (day.ToDateTime(opens), closes > opens ? day.ToDateTime(closes) : day.AddDays(1).ToDateTime(closes));

    private static bool Covers(Schedule s, DateOnly day) =>
        (s.ValidFrom is not { } from || day >= from) && (s.ValidTo is not { } to || day <= to);

    /// <summary>Local wall-clock time to UTC; a time the clocks skip counts from when they have jumped, a time they
    /// repeat as its first occurrence (summer time).</summary>
    private DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
            local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute / 15 * 15, 0, DateTimeKind.Unspecified);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    private static TimeZoneInfo FindZone(string? id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DirectoryDefaults.TimeZone : id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(DirectoryDefaults.TimeZone);
        }
    }
}

/// <summary>Open now until <see cref="At"/>, or opening at <see cref="At"/> (local wall-clock time).</summary>
public sealed record NextOpening(bool OpenNow, DateTime At);

public enum PartOfDay
{
    Morning = 0,
    Afternoon = 1,
    Evening = 2,
}

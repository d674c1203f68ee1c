using Village.Web.Features.Outings;

namespace Village.Web.Features.HelpCalendars;

/// <summary>How a need is cut into turns: its dates (once, every day, weekdays, every week, up to the last date and
/// never beyond <see cref="HelpConfiguration.RepeatDaysMax"/> days after the first), and each date's window in UTC from
/// the wall-clock times in the calendar's time zone. A night ends the next morning. Pure: no database, no clock.</summary>
public static class HelpSchedule
{
    /// <summary>The dates of a need, in order. A "once" need has only its first date; a last date before the first
    /// gives the first date alone; a last date too far is cut at <see cref="HelpConfiguration.RepeatDaysMax"/>.</summary>
    public static IEnumerable<DateOnly> Dates(DateOnly first, HelpRepeat repeat, DateOnly last)
    {
        if (repeat == HelpRepeat.Once || last <= first)
        {
            yield return first;
            yield break;
        }

        var bound = first.AddDays(HelpConfiguration.RepeatDaysMax);
        if (last > bound)
        {
            last = bound;
        }

        var step = repeat == HelpRepeat.Weekly ? 7 : 1;
        for (var day = first; day <= last; day = day.AddDays(step))
        {
            if (repeat == HelpRepeat.Weekdays && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            yield return day;
        }
    }

    /// <summary>Whether the end is on the next day: a need whose end is not after its start (a night, 21:00-07:00).</summary>
    public static bool EndsNextDay(TimeOnly start, TimeOnly end) => end <= start;

    /// <summary>The UTC start and end of one date. The clock time stays the same when the clocks change (18:00 is
    /// 18:00 in winter and summer); a time in the spring gap moves forward by the gap.</summary>
    public static (DateTime StartsAt, DateTime EndsAt) Window(DateOnly date, TimeOnly start, TimeOnly end, string timeZone)
    {
        var startsAt = OutingSchedule.ToUtc(date.ToDateTime(start), timeZone);
        var endDate = EndsNextDay(start, end) ? date.AddDays(1) : date;
        var endsAt = OutingSchedule.ToUtc(endDate.ToDateTime(end), timeZone);
        return (startsAt, endsAt);
    }

    /// <summary>Every turn of a need: its dates with their windows.</summary>
    public static IEnumerable<(DateOnly Date, DateTime StartsAt, DateTime EndsAt)> Turns(HelpNeed need, string timeZone) =>
        Dates(need.FirstDate, need.Repeat, need.LastDate).Select(d =>
        {
            var (startsAt, endsAt) = Window(d, need.StartTime, need.EndTime, timeZone);
            return (d, startsAt, endsAt);
        });

    /// <summary>The Monday of the local week holding this date.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}

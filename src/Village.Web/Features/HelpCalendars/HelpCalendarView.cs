using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Outings;

namespace Village.Web.Features.HelpCalendars;

/// <summary>One turn as the parent sees it: the need's kind and words, the local window, and who took it.</summary>
public sealed record HelpTurnView(
    Guid Id, Guid NeedId, DateOnly Date, HelpKind Kind, string Details, string Allergies, TimeOnly Start, TimeOnly End,
    string? HelperName, string HelperNote, bool IsCancelled, bool IsPast)
{
    public bool IsTaken => HelperName is not null;
}

public sealed record HelpDayView(DateOnly Date, IReadOnlyList<HelpTurnView> Turns);

public sealed record HelpWeekView(DateOnly Monday, IReadOnlyList<HelpDayView> Days);

/// <summary>A need in the list of needs: what it is, how it repeats, how many of its dates are taken.</summary>
public sealed record HelpNeedView(Guid Id, HelpKind Kind, string Details, HelpRepeat Repeat, DateOnly FirstDate, DateOnly LastDate,
    TimeOnly Start, TimeOnly End, int Coming, int Taken);

/// <summary>Reads a calendar's turns for the pages: the weeks ahead grouped by day, who takes over next.</summary>
public static class HelpCalendarView
{
    /// <summary>How many weeks one page of the weeks ahead shows.</summary>
    public const int WeeksPerPage = 4;

    /// <summary>The last page of weeks ahead: repeating needs run at most 12 weeks, a first date up to a year ahead.</summary>
    public const int PagesMax = 14;

    public static DateOnly Today(HelpCalendar calendar, DateTime now) =>
        DateOnly.FromDateTime(OutingSchedule.ToLocal(now, calendar.TimeZone));

    /// <summary>The turns of a calendar between two local dates (inclusive from, exclusive until), in order.</summary>
    public static async Task<List<HelpTurnView>> TurnsAsync(VillageDb db, HelpCalendar calendar, DateOnly from, DateOnly until, DateTime now)
    {
        var rows = await db.HelpTurns.AsNoTracking()
            .Where(t => t.CalendarId == calendar.Id && t.Date >= from && t.Date < until)
            .Join(db.HelpNeeds, t => t.NeedId, n => n.Id, (t, n) => new { t, n })
            .Select(x => new
            {
                x.t,
                x.n,
                helper = db.HelpHelpers.Where(h => h.Id == x.t.HelperId).Select(h => h.Name).FirstOrDefault(),
            })
            .ToListAsync();
        return rows
            .OrderBy(x => x.t.StartsAt).ThenBy(x => x.t.Id)
            .Select(x => new HelpTurnView(x.t.Id, x.n.Id, x.t.Date, x.n.Kind, x.n.Details, x.n.Allergies, x.n.StartTime, x.n.EndTime,
                x.helper, x.t.HelperNote, x.t.IsCancelled, x.t.EndsAt <= now))
            .ToList();
    }

    /// <summary>Weeks starting on Monday, every day shown (a day without turns says so).</summary>
    public static List<HelpWeekView> Weeks(DateOnly firstMonday, int count, IReadOnlyList<HelpTurnView> turns)
    {
        var byDay = turns.ToLookup(t => t.Date);
        return Enumerable.Range(0, count).Select(w =>
        {
            var monday = firstMonday.AddDays(7 * w);
            return new HelpWeekView(monday, Enumerable.Range(0, 7)
                .Select(d => monday.AddDays(d))
                .Select(day => new HelpDayView(day, byDay[day].ToList()))
                .ToList());
        }).ToList();
    }

    /// <summary>"Who takes over next": the next few taken turns in words, and the next free one.</summary>
    public static async Task<(List<string> Taken, string? Free)> NextAsync(VillageDb db, HelpCalendar calendar, DateTime now, IStringLocalizer t, int count = 3)
    {
        var today = Today(calendar, now);
        var coming = db.HelpTurns.AsNoTracking().Where(x => x.CalendarId == calendar.Id && x.EndsAt > now && !x.IsCancelled);
        var taken = await coming.Where(x => x.HelperId != null)
            .OrderBy(x => x.StartsAt).Take(count)
            .Join(db.HelpNeeds, x => x.NeedId, n => n.Id, (x, n) => new { x.Date, n.Kind, n.StartTime, n.EndTime, x.HelperId, x.StartsAt })
            .Join(db.HelpHelpers, x => x.HelperId, h => h.Id, (x, h) => new { x.Date, x.Kind, x.StartTime, x.EndTime, h.Name, x.StartsAt })
            .ToListAsync();
        var free = await coming.Where(x => x.HelperId == null)
            .OrderBy(x => x.StartsAt)
            .Join(db.HelpNeeds, x => x.NeedId, n => n.Id, (x, n) => new { x.Date, n.Kind, n.StartTime, n.EndTime })
            .FirstOrDefaultAsync();
        return (
            taken.OrderBy(x => x.StartsAt).Select(x => HelpWords.Taken(x.Date, today, x.Name, x.Kind, x.StartTime, x.EndTime, t)).ToList(),
            free is null ? null : HelpWords.Free(free.Date, today, free.Kind, free.StartTime, free.EndTime, t));
    }

    /// <summary>The needs of a calendar with their coming and taken dates, newest first.</summary>
    public static async Task<List<HelpNeedView>> NeedsAsync(VillageDb db, Guid calendarId, DateTime now) =>
        (await db.HelpNeeds.AsNoTracking().Where(n => n.CalendarId == calendarId)
            .Select(n => new
            {
                n,
                coming = db.HelpTurns.Count(t => t.NeedId == n.Id && t.EndsAt > now && !t.IsCancelled),
                taken = db.HelpTurns.Count(t => t.NeedId == n.Id && t.EndsAt > now && !t.IsCancelled && t.HelperId != null),
            })
            .ToListAsync())
        .OrderByDescending(x => x.n.CreatedAt).ThenByDescending(x => x.n.Id)
        .Select(x => new HelpNeedView(x.n.Id, x.n.Kind, x.n.Details, x.n.Repeat, x.n.FirstDate, x.n.LastDate, x.n.StartTime, x.n.EndTime, x.coming, x.taken))
        .ToList();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Outings;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>The parent's help calendar: with none open, what it is and a start form; with one open, who takes over
/// next, the weeks ahead day by day, the needs, and editing, cancelling a date, deleting a need. Past calendars are
/// listed read-only.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db, HelpEmails emails, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public CalendarInput Input { get; set; } = new();

    public HelpCalendar? Calendar { get; private set; }

    public List<HelpCalendar> Past { get; private set; } = [];

    public List<string> NextTaken { get; private set; } = [];

    public string? NextFree { get; private set; }

    public List<HelpWeekView> Weeks { get; private set; } = [];

    public List<HelpNeedView> Needs { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Which four weeks are shown: 0 is this week and the next three.</summary>
    public int WeeksPage { get; private set; }

    public int HelperCount { get; private set; }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(int p = 0)
    {
        if (p is < 0 or > HelpCalendarView.PagesMax)
        {
            return BadRequest();
        }

        WeeksPage = p;
        await LoadAsync();
        if (Calendar is null)
        {
            var memberId = User.MemberId();
            var name = await db.Profiles.AsNoTracking().Where(x => x.MemberId == memberId).Select(x => x.DisplayName).FirstOrDefaultAsync();
            Input.Title = t["Help.DefaultTitle", name ?? ""];
        }
        else
        {
            Input.Title = Calendar.Title;
            Input.Notes = Calendar.Notes;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        var memberId = User.MemberId();
        if (await db.HelpCalendars.AnyAsync(c => c.OwnerId == memberId && c.Status == HelpCalendarStatus.Open))
        {
            return Redirect("/circle/calendar");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.InvalidPage();
        }

        var country = await db.Profiles.AsNoTracking().Where(x => x.MemberId == memberId).Select(x => x.Country).FirstOrDefaultAsync();
        db.HelpCalendars.Add(new HelpCalendar
        {
            Id = Guid.CreateVersion7(),
            OwnerId = memberId,
            Title = Input.Title.Trim(),
            Notes = Input.Notes?.Trim() ?? "",
            TimeZone = OutingSchedule.TimeZoneFor(country),
            Status = HelpCalendarStatus.Open,
            CreatedAt = Now,
        });
        await db.SaveChangesAsync();
        TempData["Help.Done"] = "Help.Started";
        return Redirect("/circle/calendar");
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        var calendar = await OpenAsync();
        if (calendar is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.InvalidPage();
        }

        calendar.Title = Input.Title.Trim();
        calendar.Notes = Input.Notes?.Trim() ?? "";
        await db.SaveChangesAsync();
        TempData["Help.Done"] = "Help.Saved";
        return Redirect("/circle/calendar");
    }

    /// <summary>The parent no longer needs one date; its helper, if any, gets a short thank-you.</summary>
    public async Task<IActionResult> OnPostCancelTurnAsync(Guid turnId)
    {
        var calendar = await OpenAsync();
        var turn = calendar is null ? null : await db.HelpTurns.SingleOrDefaultAsync(x => x.Id == turnId && x.CalendarId == calendar.Id);
        if (calendar is null || turn is null)
        {
            return NotFound();
        }

        if (!turn.IsCancelled && turn.EndsAt > Now)
        {
            turn.IsCancelled = true;
            await TellHelpersAsync(calendar, [turn]);
            await db.SaveChangesAsync();
        }

        TempData["Help.Done"] = "Help.TurnCancelled";
        return Redirect($"/circle/calendar#day-{turn.Date:yyyy-MM-dd}");
    }

    /// <summary>Deletes a need's coming dates (helpers who took one are told); past dates stay as they were. A need left
    /// with no date goes too.</summary>
    public async Task<IActionResult> OnPostDeleteNeedAsync(Guid needId)
    {
        var calendar = await OpenAsync();
        var need = calendar is null ? null : await db.HelpNeeds.SingleOrDefaultAsync(n => n.Id == needId && n.CalendarId == calendar.Id);
        if (calendar is null || need is null)
        {
            return NotFound();
        }

        var now = Now;
        var coming = await db.HelpTurns.Where(x => x.NeedId == need.Id && x.EndsAt > now).ToListAsync();
        await TellHelpersAsync(calendar, coming.Where(x => !x.IsCancelled).ToList());
        db.HelpTurns.RemoveRange(coming);
        if (!await db.HelpTurns.AnyAsync(x => x.NeedId == need.Id && x.EndsAt <= now))
        {
            db.HelpNeeds.Remove(need);
        }

        await db.SaveChangesAsync();
        TempData["Help.Done"] = "Help.NeedDeleted";
        return Redirect("/circle/calendar");
    }

    private async Task TellHelpersAsync(HelpCalendar calendar, IReadOnlyList<HelpTurn> turns)
    {
        var helperIds = turns.Where(x => x.HelperId is not null).Select(x => x.HelperId!.Value).Distinct().ToList();
        if (helperIds.Count == 0)
        {
            return;
        }

        var helpers = await db.HelpHelpers.AsNoTracking().Where(h => helperIds.Contains(h.Id) && h.RemovedAt == null).ToDictionaryAsync(h => h.Id);
        var parent = await emails.ParentNameAsync(calendar.OwnerId);
        foreach (var turn in turns)
        {
            if (turn.HelperId is { } id && helpers.TryGetValue(id, out var helper))
            {
                emails.NoLongerNeeded(helper, parent, turn.Date);
            }
        }
    }

    private Task<HelpCalendar?> OpenAsync()
    {
        var memberId = User.MemberId();
        return db.HelpCalendars.SingleOrDefaultAsync(c => c.OwnerId == memberId && c.Status == HelpCalendarStatus.Open);
    }

    private async Task LoadAsync()
    {
        var memberId = User.MemberId();
        var calendars = await db.HelpCalendars.AsNoTracking().Where(c => c.OwnerId == memberId).ToListAsync();
        Calendar = calendars.FirstOrDefault(c => c.Status == HelpCalendarStatus.Open);
        Past = calendars.Where(c => c.Status == HelpCalendarStatus.Closed).OrderByDescending(c => c.ClosedAt).ToList();
        if (Calendar is null)
        {
            return;
        }

        var now = Now;
        Today = HelpCalendarView.Today(Calendar, now);
        var monday = HelpSchedule.WeekStart(Today).AddDays(7 * HelpCalendarView.WeeksPerPage * WeeksPage);
        var until = monday.AddDays(7 * HelpCalendarView.WeeksPerPage);
        Weeks = HelpCalendarView.Weeks(monday, HelpCalendarView.WeeksPerPage, await HelpCalendarView.TurnsAsync(db, Calendar, monday, until, now));
        (NextTaken, NextFree) = await HelpCalendarView.NextAsync(db, Calendar, now, t);
        Needs = await HelpCalendarView.NeedsAsync(db, Calendar.Id, now);
        HelperCount = await db.HelpHelpers.CountAsync(h => h.CalendarId == Calendar.Id && h.RemovedAt == null);
    }
}

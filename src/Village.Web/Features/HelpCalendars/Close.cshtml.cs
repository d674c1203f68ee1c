using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Shared;

namespace Village.Web.Features.HelpCalendars;

/// <summary>The parent is fine: a confirm step, then the calendar closes. Helpers' links stop working
/// (<see cref="HelpAccess.ForTokenAsync"/>), and if the parent wishes, each helper gets a thank-you.</summary>
[Authorize]
public sealed class CloseModel(VillageDb db, HelpEmails emails, TimeProvider clock) : PageModel
{
    /// <summary>Send the helpers a thank-you ("the family is fine").</summary>
    [BindProperty]
    public bool ThankHelpers { get; set; } = true;

    public HelpCalendar Calendar { get; private set; } = null!;

    public int HelperCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var calendar = await OpenAsync();
        if (calendar is null)
        {
            return Redirect("/circle/calendar");
        }

        Calendar = calendar;
        HelperCount = await db.HelpHelpers.CountAsync(h => h.CalendarId == calendar.Id && h.RemovedAt == null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var calendar = await OpenAsync();
        if (calendar is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        calendar.Status = HelpCalendarStatus.Closed;
        calendar.ClosedAt = now;
        // The shareable invitation link dies with the calendar.
        calendar.InviteLinkHash = null;
        if (ThankHelpers)
        {
            var parent = await emails.ParentNameAsync(calendar.OwnerId);
            foreach (var helper in await db.HelpHelpers.AsNoTracking().Where(h => h.CalendarId == calendar.Id && h.RemovedAt == null).ToListAsync())
            {
                emails.ThankYou(helper, parent);
            }
        }

        await db.SaveChangesAsync();
        TempData["Help.Done"] = "Help.Closed";
        return Redirect("/circle/calendar");
    }

    private Task<HelpCalendar?> OpenAsync()
    {
        var memberId = User.MemberId();
        return db.HelpCalendars.SingleOrDefaultAsync(c => c.OwnerId == memberId && c.Status == HelpCalendarStatus.Open);
    }
}

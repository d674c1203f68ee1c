using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Village.Web.Data;
using Village.Web.Features.Shared;

namespace Village.Web.Features.HelpCalendars;

/// <summary>A closed calendar, read-only: every date and who came. Only its parent sees it.</summary>
[Authorize]
public sealed class PastModel(VillageDb db, TimeProvider clock) : PageModel
{
    public HelpCalendar Calendar { get; private set; } = null!;

    public List<HelpDayView> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var viewer = await HelpAccess.ForOwnerAsync(db, id, User.MemberId());
        if (viewer is null)
        {
            return NotFound();
        }

        if (viewer.Calendar.Status == HelpCalendarStatus.Open)
        {
            return Redirect("/circle/calendar");
        }

        Calendar = viewer.Calendar;
        var turns = await HelpCalendarView.TurnsAsync(db, Calendar, DateOnly.MinValue, DateOnly.MaxValue, clock.GetUtcNow().UtcDateTime);
        Days = turns.GroupBy(t => t.Date).Select(g => new HelpDayView(g.Key, g.ToList())).ToList();
        return Page();
    }
}

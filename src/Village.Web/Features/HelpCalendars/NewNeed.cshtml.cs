using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>The parent publishes a need in their open calendar: its turns are cut at once.</summary>
[Authorize]
public sealed class NewNeedModel(VillageDb db, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public HelpNeedInput Input { get; set; } = new();

    public NeedFormView Form => new(Input, "/circle/calendar");

    public async Task<IActionResult> OnGetAsync()
    {
        var calendar = await OpenAsync();
        if (calendar is null)
        {
            return Redirect("/circle/calendar");
        }

        NeedPublishing.Prefill(Input, calendar, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var calendar = await OpenAsync();
        if (calendar is null)
        {
            return NotFound();
        }

        var count = await NeedPublishing.PublishAsync(db, new HelpViewer(calendar, null), Input, ModelState, clock.GetUtcNow().UtcDateTime, t);
        if (count is null)
        {
            return this.InvalidPage();
        }

        TempData["Help.Done"] = "Help.Published";
        return Redirect("/circle/calendar");
    }

    private Task<HelpCalendar?> OpenAsync()
    {
        var memberId = User.MemberId();
        return db.HelpCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.OwnerId == memberId && c.Status == HelpCalendarStatus.Open);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>A co-organiser publishes a need through their personal link (no account). Anyone else: 404.</summary>
public sealed class HelperNewNeedModel(VillageDb db, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public HelpNeedInput Input { get; set; } = new();

    public HelpCalendar Calendar { get; private set; } = null!;

    public NeedFormView Form => new(Input, $"/h/{RouteData.Values["token"]}");

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await AllowedAsync(token))
        {
            return NotFound();
        }

        NeedPublishing.Prefill(Input, Calendar, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var viewer = await HelpAccess.ForTokenAsync(db, token);
        if (viewer is not { CanOrganise: true })
        {
            return NotFound();
        }

        Calendar = viewer.Calendar;
        var count = await NeedPublishing.PublishAsync(db, viewer, Input, ModelState, clock.GetUtcNow().UtcDateTime, t);
        if (count is null)
        {
            return this.InvalidPage();
        }

        // The helper's page shows its Notice once (GuestHome's TempData).
        TempData["Notice"] = t["Help.Published"].Value;
        return Redirect($"/h/{token}");
    }

    private async Task<bool> AllowedAsync(string token)
    {
        var viewer = await HelpAccess.ForTokenAsync(db, token);
        if (viewer is not { CanOrganise: true })
        {
            return false;
        }

        Calendar = viewer.Calendar;
        return true;
    }
}

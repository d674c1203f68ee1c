using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>A co-organiser invites people by email through their personal link, as the parent does (one at a time, the
/// same daily limit). The invitation is in the parent's name. Not a co-organiser, unknown, removed or closed: 404.</summary>
[HelperLinkHeaders]
public sealed class GuestCoInviteModel(VillageDb db, HelpGuests guests, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public GuestInput Input { get; set; } = new();

    public HelpViewer Viewer { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        Input.CirclePersonIds = [];
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", t["Validation.Required", t["HelpGuest.Field.Name"]]);
        }

        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", t["Validation.Required", t["HelpGuest.Field.Email"]]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var (first, _) = await guests.HouseholdAsync(Viewer.Calendar.OwnerId);
        var culture = Viewer.Helper!.Culture;
        var outcome = await guests.InviteAsync(Viewer.Calendar, Input.Name!, Input.Email!, null, first, culture, reviveRemoved: false);
        if (outcome == InviteOutcome.TooMany)
        {
            ModelState.AddModelError("", t["HelpGuest.TooMany", guests.Options.InvitationsPerDay]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        await db.SaveChangesAsync();
        Notice = t.Plural("HelpGuest.Invited", 1);
        return Redirect($"/h/{token}/invite");
    }

    private async Task<bool> LoadAsync(string token)
    {
        if (await HelpAccess.ForTokenAsync(db, token) is not { Helper.CanOrganise: true } viewer)
        {
            return false;
        }

        Viewer = viewer;
        return true;
    }
}

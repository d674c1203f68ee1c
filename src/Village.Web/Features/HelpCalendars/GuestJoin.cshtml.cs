using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>The shareable invitation link: anyone who has it gives a name and an email and receives their own
/// personal link by email (so the address is real), then is told to look in their mailbox. Limited per network address
/// and per calendar. Unknown, turned off or closed: a friendly 404.</summary>
[HelperLinkHeaders]
public sealed class GuestJoinModel(VillageDb db, HelpGuests guests, HelpJoinAttempts attempts, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public GuestInput Input { get; set; } = new();

    public HelpCalendar Calendar { get; private set; } = null!;

    public string ParentFirstName { get; private set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool sent = false)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

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

        if (!attempts.TryAttempt(HttpContext.Connection.RemoteIpAddress, Calendar.Id))
        {
            ModelState.AddModelError("", t["HelpGuest.JoinTooMany"]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        // A person the parent removed is told the same as anyone (nothing learnt), and receives nothing.
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
        var outcome = await guests.InviteAsync(Calendar, Input.Name!, Input.Email!, null, ParentFirstName, culture, reviveRemoved: false);
        if (outcome == InviteOutcome.TooMany)
        {
            ModelState.AddModelError("", t["HelpGuest.JoinTooMany"]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        await db.SaveChangesAsync();
        return Redirect($"/h/join/{token}?sent=true");
    }

    private async Task<bool> LoadAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > HelpAccess.TokenLength)
        {
            return false;
        }

        var hash = HelpAccess.Hash(token);
        var calendar = await db.HelpCalendars.SingleOrDefaultAsync(c => c.InviteLinkHash == hash && c.Status == HelpCalendarStatus.Open);
        if (calendar is null)
        {
            return false;
        }

        Calendar = calendar;
        (ParentFirstName, _) = await guests.HouseholdAsync(calendar.OwnerId);
        return true;
    }
}

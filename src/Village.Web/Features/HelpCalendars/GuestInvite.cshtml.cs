using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>The parent invites the people who will take turns: ticked from their circle or typed, each receiving a
/// personal link by email; sees who joined and their coming turns; re-sends a link, removes someone, makes them
/// co-organiser; and creates or turns off a shareable invitation link. 404 without an open calendar.</summary>
[Authorize]
public sealed class GuestInviteModel(VillageDb db, HelpGuests guests, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public GuestInput Input { get; set; } = new();

    public HelpCalendar Calendar { get; private set; } = null!;

    public IReadOnlyList<CircleChoice> Circle { get; private set; } = [];

    public IReadOnlyList<HelperRow> Helpers { get; private set; } = [];

    /// <summary>The shareable link, shown once right after it was made.</summary>
    [TempData]
    public string? NewInviteLink { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public sealed record HelperRow(Guid Id, string Name, string Email, bool Joined, bool CanOrganise, int ComingTurns);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var me = User.MemberId();
        var ticked = await db.CirclePeople.AsNoTracking()
            .Where(p => p.OwnerId == me && p.Email != null && Input.CirclePersonIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Email = p.Email! }).ToListAsync();
        var typed = !string.IsNullOrWhiteSpace(Input.Email) || !string.IsNullOrWhiteSpace(Input.Name);
        if (typed && string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", t["Validation.Required", t["HelpGuest.Field.Name"]]);
        }

        if (typed && string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", t["Validation.Required", t["HelpGuest.Field.Email"]]);
        }

        if (!typed && ticked.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("", t["HelpGuest.NobodyChosen"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var people = ticked.Select(p => (p.Name, p.Email, (Guid?)p.Id)).ToList();
        if (typed)
        {
            people.Add((Input.Name!, Input.Email!, null));
        }

        var (first, _) = await guests.HouseholdAsync(me);
        var culture = await db.Users.Where(u => u.Id == me).Select(u => u.PreferredCulture).SingleAsync();
        if (await guests.SentTodayAsync(Calendar.Id) + people.Count > guests.Options.InvitationsPerDay)
        {
            ModelState.AddModelError("", t["HelpGuest.TooMany", guests.Options.InvitationsPerDay]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        foreach (var (name, email, circleId) in people)
        {
            await guests.InviteAsync(Calendar, name, email, circleId, first, culture, reviveRemoved: true, countLimit: false);
        }

        await db.SaveChangesAsync();
        Notice = t.Plural("HelpGuest.Invited", people.Count);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid helper)
    {
        if (!await LoadAsync() || await HelperAsync(helper) is not { } found)
        {
            return NotFound();
        }

        if (await guests.SentTodayAsync(Calendar.Id) >= guests.Options.InvitationsPerDay)
        {
            ModelState.AddModelError("", t["HelpGuest.TooMany", guests.Options.InvitationsPerDay]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        var (first, _) = await guests.HouseholdAsync(User.MemberId());
        guests.Resend(Calendar, found, first);
        await db.SaveChangesAsync();
        Notice = t["HelpGuest.Resent", found.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOrganiseAsync(Guid helper, bool on)
    {
        if (!await LoadAsync() || await HelperAsync(helper) is not { } found)
        {
            return NotFound();
        }

        found.CanOrganise = on;
        await db.SaveChangesAsync();
        Notice = t[on ? "HelpGuest.OrganiserOn" : "HelpGuest.OrganiserOff", found.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid helper)
    {
        if (!await LoadAsync() || await HelperAsync(helper) is not { } found)
        {
            return NotFound();
        }

        found.RemovedAt = guests.Now;
        found.CanOrganise = false;
        await db.SaveChangesAsync();
        await guests.FreeComingTurnsAsync(found.Id);
        Notice = t["HelpGuest.Removed", found.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateLinkAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var token = HelpAccess.NewToken();
        Calendar.InviteLinkHash = HelpAccess.Hash(token);
        await db.SaveChangesAsync();
        NewInviteLink = $"{guests.SiteUrl}/h/join/{token}";
        return RedirectToPage(null, null, "share");
    }

    public async Task<IActionResult> OnPostTurnOffLinkAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Calendar.InviteLinkHash = null;
        await db.SaveChangesAsync();
        Notice = t["HelpGuest.LinkTurnedOff"];
        return RedirectToPage();
    }

    private Task<HelpHelper?> HelperAsync(Guid helperId) =>
        db.HelpHelpers.SingleOrDefaultAsync(h => h.Id == helperId && h.CalendarId == Calendar.Id && h.RemovedAt == null);

    private async Task<bool> LoadAsync()
    {
        var me = User.MemberId();
        var calendar = await db.HelpCalendars.SingleOrDefaultAsync(c => c.OwnerId == me && c.Status == HelpCalendarStatus.Open);
        if (calendar is null)
        {
            return false;
        }

        Calendar = calendar;
        var now = guests.Now;
        Helpers = await db.HelpHelpers.AsNoTracking()
            .Where(h => h.CalendarId == calendar.Id && h.RemovedAt == null)
            .OrderBy(h => h.Name)
            .Select(h => new HelperRow(h.Id, h.Name, h.Email, h.JoinedAt != null, h.CanOrganise,
                db.HelpTurns.Count(x => x.HelperId == h.Id && x.StartsAt > now && !x.IsCancelled)))
            .ToListAsync();
        var invited = Helpers.Select(h => h.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var circle = await db.CirclePeople.AsNoTracking().Where(p => p.OwnerId == me && p.Email != null)
            .OrderBy(p => p.Name).Select(p => new CircleChoice(p.Id, p.Name, p.Email!)).ToListAsync();
        Circle = [.. circle.Where(c => !invited.Contains(c.Email.Trim()))];
        return true;
    }
}

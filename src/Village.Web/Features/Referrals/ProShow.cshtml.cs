using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Referrals;

/// <summary>A referral as a professional sees it: its referrer follows its status; the receiving service's verified
/// professionals, once the parent consented, read what the parent shares, accept it, record the first contact and
/// close it with a "door open" word. Anyone else finds nothing.</summary>
[Authorize(Policy = Roles.Professional)]
public sealed class ProShowModel(VillageDb db, ReferralNotes notes, ReferralEmails emails, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public ReferralView View { get; private set; } = null!;

    /// <summary>What the service sees (only for the service).</summary>
    public SharedCard? Shared { get; private set; }

    /// <summary>The note the referrer wrote (only for the referrer).</summary>
    public string? ReferrerNote { get; private set; }

    [BindProperty]
    [DataType(DataType.Date)]
    [Display(Name = "Referral.FirstContactOn")]
    public DateOnly? FirstContactOn { get; set; }

    [BindProperty]
    [StringLength(ReferralConfiguration.FirstContactHowMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Referral.FirstContactHow")]
    public string? FirstContactHow { get; set; }

    [BindProperty]
    [StringLength(ReferralConfiguration.ClosingMessageMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Referral.ClosingMessage")]
    public string? ClosingMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        FirstContactOn ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id) =>
        ActAsync(id, ReferralStatus.Consented, (referral, now) =>
        {
            referral.Status = ReferralStatus.Accepted;
            referral.AcceptedAt = now;
            return (ReferralAction.Accepted, "Accepted");
        });

    public Task<IActionResult> OnPostFirstContactAsync(Guid id)
    {
        if (FirstContactOn is null)
        {
            ModelState.AddModelError(nameof(FirstContactOn), t["Validation.Required", t["Referral.FirstContactOn"]]);
        }

        if (string.IsNullOrWhiteSpace(FirstContactHow))
        {
            ModelState.AddModelError(nameof(FirstContactHow), t["Validation.Required", t["Referral.FirstContactHow"]]);
        }

        return ActAsync(id, ReferralStatus.Accepted, (referral, _) =>
        {
            referral.Status = ReferralStatus.FirstContactMade;
            referral.FirstContactOn = FirstContactOn;
            referral.FirstContactHow = FirstContactHow!.Trim();
            return (ReferralAction.FirstContactMade, null);
        });
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        if (string.IsNullOrWhiteSpace(ClosingMessage))
        {
            ModelState.AddModelError(nameof(ClosingMessage), t["Validation.Required", t["Referral.ClosingMessage"]]);
        }

        return ActAsync(id, ReferralStatus.FirstContactMade, (referral, now) =>
        {
            referral.Status = ReferralStatus.Closed;
            referral.ClosedAt = now;
            referral.ClosingMessage = ClosingMessage!.Trim();
            return (ReferralAction.Closed, "Closed");
        });
    }

    /// <summary>A step only the service takes, from the one status it follows; the parent hears of it when
    /// <paramref name="change"/> names an email.</summary>
    private async Task<IActionResult> ActAsync(Guid id, ReferralStatus from, Func<Referral, DateTime, (ReferralAction Action, string? Email)> change)
    {
        if (!await LoadAsync(id) || !View.IsService)
        {
            return NotFound();
        }

        if (View.Referral.Status != from)
        {
            // Already done (a second click, a colleague), or no longer possible: show where it stands.
            return Redirect($"/pro/referrals/{id}");
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var referral = await db.Referrals.SingleAsync(r => r.Id == id);
        var now = clock.GetUtcNow().UtcDateTime;
        var (action, email) = change(referral, now);
        referral.UpdatedAt = now;
        db.Record(id, User.MemberId(), ReferralParty.Service, action, now);
        if (email is not null)
        {
            await emails.ToMemberAsync(referral.ParentId, email, $"/referrals/{id}");
        }

        await db.SaveChangesAsync();
        return Redirect($"/pro/referrals/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await ReferralAccess.LoadAsync(db, id, User.MemberId(), asProfessional: true) is not { } view)
        {
            return false;
        }

        View = view;
        var referral = view.Referral;
        if (view.IsService)
        {
            Shared = new SharedCard(
                view.ParentName,
                referral.ContactEmail,
                referral.ContactPhone,
                referral.ShareNote ? notes.Unprotect(referral.ProtectedNote) : null,
                ReferredBy(view));
        }

        if (view.IsReferrer)
        {
            ReferrerNote = notes.Unprotect(referral.ProtectedNote);
        }

        return true;
    }

    public static string? ReferredBy(ReferralView view) =>
        view.Referral.Kind == ReferralKind.Accompanied
            ? string.Join(" · ", new[] { view.ReferrerName, view.ReferrerOrganizationName }.Where(s => s is not null))
            : null;
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Referrals;

/// <summary>A referral as the parent sees it. When proposed: the note, then the exact card the service would see
/// (previewed from their choices) before they consent, or they decline. Once consented: what is shared, and they may
/// withdraw (the service then sees nothing more). Once closed: the service's "door open" word and how to come back.</summary>
[Authorize]
public sealed class ShowModel(VillageDb db, ReferralNotes notes, ReferralEmails emails, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public ReferralView View { get; private set; } = null!;

    public string? Note { get; private set; }

    /// <summary>The card the service sees (or would see, in the preview).</summary>
    public SharedCard? Shared { get; private set; }

    /// <summary>Showing the preview of the parent's choices, with the final consent button.</summary>
    public bool Previewing { get; private set; }

    [BindProperty]
    public ConsentInput Consent { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Consent.ContactEmail = await db.Users.Where(u => u.Id == View.Referral.ParentId).Select(u => u.Email).SingleAsync();
        return Page();
    }

    /// <summary>Shows exactly what the service will see with these choices; nothing is saved yet.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (View.Referral.Status != ReferralStatus.Proposed)
        {
            return Redirect($"/referrals/{id}");
        }

        if (!Validate())
        {
            return this.InvalidPage();
        }

        Previewing = true;
        Shared = CardFor(Consent.Email, Consent.Phone, Consent.ShareNote);
        return Page();
    }

    public async Task<IActionResult> OnPostConsentAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (View.Referral.Status != ReferralStatus.Proposed)
        {
            return Redirect($"/referrals/{id}");
        }

        if (!Validate())
        {
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var referral = await db.Referrals.SingleAsync(r => r.Id == id);
        referral.Status = ReferralStatus.Consented;
        referral.ConsentedAt = now;
        referral.UpdatedAt = now;
        referral.ContactEmail = Consent.Email;
        referral.ContactPhone = Consent.Phone;
        referral.ShareNote = Consent.ShareNote;
        db.Record(id, referral.ParentId, ReferralParty.Parent, ReferralAction.Consented, now);
        await emails.ToServiceAsync(referral.ServiceId, "Consented", $"/pro/referrals/{id}");
        if (referral.ReferrerId is { } referrer)
        {
            await emails.ToMemberAsync(referrer, "Answered", $"/pro/referrals/{id}");
        }

        await db.SaveChangesAsync();
        return Redirect($"/referrals/{id}");
    }

    public Task<IActionResult> OnPostDeclineAsync(Guid id) =>
        EndAsync(id, [ReferralStatus.Proposed], ReferralStatus.Declined, ReferralAction.Declined);

    /// <summary>The parent takes their consent back: the service loses access to everything shared.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        EndAsync(id, [ReferralStatus.Consented, ReferralStatus.Accepted, ReferralStatus.FirstContactMade], ReferralStatus.Withdrawn, ReferralAction.Withdrawn);

    private async Task<IActionResult> EndAsync(Guid id, ReferralStatus[] from, ReferralStatus to, ReferralAction action)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!from.Contains(View.Referral.Status))
        {
            return Redirect($"/referrals/{id}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var referral = await db.Referrals.SingleAsync(r => r.Id == id);
        referral.Status = to;
        referral.UpdatedAt = now;
        if (to == ReferralStatus.Withdrawn)
        {
            // What was shared is no longer kept for the service.
            referral.ContactEmail = null;
            referral.ContactPhone = null;
            referral.ShareNote = false;
        }

        db.Record(id, referral.ParentId, ReferralParty.Parent, action, now);
        if (referral.ReferrerId is { } referrer)
        {
            await emails.ToMemberAsync(referrer, "Answered", $"/pro/referrals/{id}");
        }

        await db.SaveChangesAsync();
        return Redirect($"/referrals/{id}");
    }

    private bool Validate()
    {
        if (!Consent.HasAny)
        {
            ModelState.AddModelError("Consent.ContactEmail", t["Referral.ContactNeeded"]);
        }

        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await ReferralAccess.LoadAsync(db, id, User.MemberId(), asProfessional: false) is not { } view)
        {
            return false;
        }

        View = view;
        Note = notes.Unprotect(view.Referral.ProtectedNote);
        if (ReferralAccess.IsVisibleToService(view.Referral.Status))
        {
            Shared = CardFor(view.Referral.ContactEmail, view.Referral.ContactPhone, view.Referral.ShareNote);
        }

        return true;
    }

    private SharedCard CardFor(string? email, string? phone, bool shareNote) =>
        new(View.ParentName, email, phone, shareNote ? Note : null, ProShowModel.ReferredBy(View));
}

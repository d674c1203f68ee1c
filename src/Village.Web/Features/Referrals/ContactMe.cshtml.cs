using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Referrals;

/// <summary>A parent asks a published service to contact them: what they would like, how to reach them. Sending is
/// their consent (the page says exactly what the service will see); they may withdraw it later.</summary>
[Authorize]
public sealed class ContactMeModel(
    VillageDb db, ReferralNotes notes, ReferralEmails emails, ReferralAttempts attempts, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public ContactRequestInput Input { get; set; } = new();

    public string ServiceName { get; private set; } = "";

    public string? DisplayName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var me = User.MemberId();
        Input.ContactEmail = await db.Users.Where(u => u.Id == me).Select(u => u.Email).SingleAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var me = User.MemberId();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!attempts.TryAttempt(me)
            || await db.Referrals.CountAsync(r => r.ParentId == me && r.Kind == ReferralKind.ContactRequest && r.CreatedAt > now - ReferralLimits.Window)
                >= ReferralLimits.ContactRequestsPerDay)
        {
            ModelState.AddModelError("", t["Referral.TooManyRequests"]);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        if (!Input.HasAny)
        {
            ModelState.AddModelError("Input.ContactEmail", t["Referral.ContactNeeded"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var referral = new Referral
        {
            Id = Guid.CreateVersion7(),
            Kind = ReferralKind.ContactRequest,
            ParentId = me,
            ServiceId = id,
            ProtectedNote = notes.Protect(Input.Message!.Trim()),
            ShareNote = true,
            ContactEmail = Input.Email,
            ContactPhone = Input.Phone,
            Status = ReferralStatus.Consented,
            CreatedAt = now,
            UpdatedAt = now,
            ConsentedAt = now,
        };
        db.Referrals.Add(referral);
        db.Record(referral.Id, me, ReferralParty.Parent, ReferralAction.ContactRequested, now);
        await emails.ToServiceAsync(id, "ContactRequested", $"/pro/referrals/{referral.Id}");
        await db.SaveChangesAsync();
        return Redirect($"/referrals/{referral.Id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var name = await db.ReceivingReferrals().Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return false;
        }

        ServiceName = name;
        var me = User.MemberId();
        DisplayName = await db.Profiles.Where(p => p.MemberId == me).Select(p => p.DisplayName).SingleOrDefaultAsync();
        return true;
    }
}

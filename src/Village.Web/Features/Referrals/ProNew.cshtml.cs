using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Referrals;

/// <summary>A verified professional relays a parent who has an account to a published service, with a short note on
/// what the family needs. Nothing reaches the service before the parent agrees. Only professionals verified for an
/// organisation may propose; tries are limited (typing an address tells whether it has an account).</summary>
[Authorize(Policy = Roles.Professional)]
public sealed class ProNewModel(
    VillageDb db,
    UserManager<Member> members,
    ReferralNotes notes,
    ReferralEmails emails,
    ReferralAttempts attempts,
    TimeProvider clock,
    IStringLocalizer<Texts> t) : PageModel
{
    public const int SearchResults = 10;

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    /// <summary>The organisation the professional relays for; null: not verified for any.</summary>
    public OrganizationChoice? Organization { get; private set; }

    public ServiceChoice? Service { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ServiceChoice> Matches { get; private set; } = [];

    public async Task OnGetAsync(Guid? service)
    {
        Organization = await OrganizationAsync();
        Input.ServiceId = service;
        Service = service is { } id ? await PublishedAsync(id) : null;
        if (Service is null && Query is { Length: > 0 } q)
        {
            var term = q.Trim().ToLowerInvariant();
            term = term.Length > 100 ? term[..100] : term;
            // Translated to lower(...) LIKE on both databases; the StringComparison overload is not.
#pragma warning disable CA1862
            Matches = await db.ReceivingReferrals().AsNoTracking()
                .Where(s => s.Name.ToLower().Contains(term))
#pragma warning restore CA1862
                .OrderBy(s => s.Name).Take(SearchResults)
                .Select(s => new ServiceChoice(s.Id, s.Name))
                .ToListAsync();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Organization = await OrganizationAsync();
        if (Organization is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var me = User.MemberId();
        Service = Input.ServiceId is { } serviceId ? await PublishedAsync(serviceId) : null;
        if (!attempts.TryAttempt(me))
        {
            return Refused("Referral.TooManyAttempts");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Referrals.CountAsync(r => r.ReferrerId == me && r.CreatedAt > now - ReferralLimits.Window) >= ReferralLimits.ProposalsPerDay)
        {
            return Refused("Referral.TooManyProposals");
        }

        if (Service is null)
        {
            ModelState.AddModelError("Input.ServiceId", t["Referral.ServiceMissing"]);
        }

        Member? parent = null;
        if (ModelState.IsValid)
        {
            parent = await members.FindByEmailAsync(Input.ParentEmail!.Trim());
            if (parent is null || !parent.EmailConfirmed || parent.Id == me)
            {
                ModelState.AddModelError("Input.ParentEmail", t["Referral.ParentNotFound"]);
            }
        }

        if (!ModelState.IsValid || parent is null || Service is null)
        {
            return this.InvalidPage();
        }

        var referral = new Referral
        {
            Id = Guid.CreateVersion7(),
            Kind = ReferralKind.Accompanied,
            ParentId = parent.Id,
            ReferrerId = me,
            ReferrerOrganizationId = Organization.Id,
            ServiceId = Service.Id,
            ProtectedNote = notes.Protect(Input.Note!.Trim()),
            ShareNote = true,
            Status = ReferralStatus.Proposed,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Referrals.Add(referral);
        db.Record(referral.Id, me, ReferralParty.Referrer, ReferralAction.Proposed, now);
        await emails.ToMemberAsync(parent.Id, "Proposed", $"/referrals/{referral.Id}");
        await db.SaveChangesAsync();
        return Redirect($"/pro/referrals/{referral.Id}");
    }

    private PageResult Refused(string key)
    {
        ModelState.AddModelError("", t[key]);
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    private Task<OrganizationChoice?> OrganizationAsync()
    {
        var me = User.MemberId();
        return db.OrganizationMembers.AsNoTracking()
            .Where(m => m.MemberId == me && m.Status == OrganizationMemberStatus.Verified)
            .OrderBy(m => m.VerifiedAt)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new OrganizationChoice(o.Id, o.Name))
            .FirstOrDefaultAsync();
    }

    private Task<ServiceChoice?> PublishedAsync(Guid id) =>
        db.ReceivingReferrals().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new ServiceChoice(s.Id, s.Name)).SingleOrDefaultAsync();

    public sealed record OrganizationChoice(Guid Id, string Name);

    public sealed record ServiceChoice(Guid Id, string Name);
}

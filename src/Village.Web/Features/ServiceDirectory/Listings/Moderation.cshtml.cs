using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Email;
using Village.Web.Resources;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>Moderators publish the listings services ask for, or decline them with a word the applicant reads, and
/// verify the professionals who say they work at an organisation. Publishing a listing also verifies its applicant
/// as a professional of the organisation and gives them the professional role: the moderator has just checked the
/// service they speak for.</summary>
[Authorize(Policy = Roles.Moderator)]
public sealed class ModerationModel(VillageDb db, UserManager<Member> members, TemplatedEmails emails, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public const int MaxShown = 30;

    public IReadOnlyList<PendingListing> Pending { get; private set; } = [];

    public IReadOnlyList<PendingLink> Links { get; private set; } = [];

    public Guid? FailedId { get; private set; }

    [BindProperty]
    [StringLength(DirectoryConfiguration.TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.DeclineNote")]
    public string? Note { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid id, bool publish)
    {
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == id && s.ListingStatus == ListingStatus.Pending);
        if (service is null)
        {
            return NotFound();
        }

        if (!publish && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), t["Listing.DeclineNeedsNote"]);
        }

        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync();
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var applicant = service.SubmittedById is { } by ? await db.Users.SingleOrDefaultAsync(m => m.Id == by) : null;
        var link = applicant is null ? null : await db.OrganizationMembers
            .SingleOrDefaultAsync(m => m.OrganizationId == service.OrganizationId && m.MemberId == applicant.Id);
        if (publish)
        {
            service.ListingStatus = ListingStatus.Published;
            service.PublishedAt = now;
            service.AssuredDate = DateOnly.FromDateTime(now);
            service.LastModified = now;
            service.ModeratorNote = null;
            if (applicant is not null)
            {
                if (link is null)
                {
                    db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = service.OrganizationId, MemberId = applicant.Id, Status = OrganizationMemberStatus.Verified, CreatedAt = now, VerifiedAt = now });
                }
                else if (link.Status != OrganizationMemberStatus.Verified)
                {
                    link.Status = OrganizationMemberStatus.Verified;
                    link.VerifiedAt = now;
                }

                await MakeProfessionalAsync(applicant);
                emails.ListingPublished(applicant, $"{Request.Scheme}://{Request.Host}/pro/services");
            }
        }
        else
        {
            service.ListingStatus = ListingStatus.Declined;
            service.ModeratorNote = Note!.Trim();
            // An organisation known only through this request: the applicant's link to it is refused with it.
            if (link is { Status: OrganizationMemberStatus.Pending }
                && !await db.Services.AnyAsync(s => s.OrganizationId == service.OrganizationId && s.Id != service.Id && s.ListingStatus == ListingStatus.Published))
            {
                link.Status = OrganizationMemberStatus.Refused;
            }

            if (applicant is not null)
            {
                emails.ListingDeclined(applicant, $"{Request.Scheme}://{Request.Host}/services/apply");
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage();
    }

    /// <summary>Verifies or refuses a professional's "I work at this organisation".</summary>
    public async Task<IActionResult> OnPostLinkAsync(Guid organizationId, Guid memberId, bool verify)
    {
        var link = await db.OrganizationMembers.SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.MemberId == memberId && m.Status == OrganizationMemberStatus.Pending);
        if (link is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        link.Status = verify ? OrganizationMemberStatus.Verified : OrganizationMemberStatus.Refused;
        link.VerifiedAt = verify ? clock.GetUtcNow().UtcDateTime : null;
        if (verify && await db.Users.SingleOrDefaultAsync(m => m.Id == memberId) is { } member)
        {
            await MakeProfessionalAsync(member);
            emails.OrganizationLinkVerified(member, $"{Request.Scheme}://{Request.Host}/pro/services");
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage();
    }

    private async Task MakeProfessionalAsync(Member member)
    {
        member.ProfessionalStatus = ProfessionalStatus.Verified;
        if (!await members.IsInRoleAsync(member, Roles.Professional))
        {
            await members.AddToRoleAsync(member, Roles.Professional);
        }
    }

    private async Task LoadAsync()
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => s.ListingStatus == ListingStatus.Pending)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Take(MaxShown)
            .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new { s, o })
            .GroupJoin(db.Profiles, x => x.s.SubmittedById, p => p.MemberId, (x, people) => new { x.s, x.o, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, who) => new { x.s, x.o, Who = who == null ? null : who.DisplayName })
            .ToListAsync();
        var pending = new List<PendingListing>();
        foreach (var x in services)
        {
            pending.Add(new PendingListing(x.s, x.o, x.Who, await ListingWriter.LoadAsync(db, x.s.Id)));
        }

        Pending = pending;
        var waitingServices = services.Select(x => (x.s.OrganizationId, x.s.SubmittedById)).ToHashSet();
        Links = (await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.Status == OrganizationMemberStatus.Pending)
            .OrderBy(m => m.CreatedAt)
            .Take(MaxShown)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { m, o.Name })
            .Join(db.Users, x => x.m.MemberId, u => u.Id, (x, u) => new { x.m, x.Name, u.Email, u.ProfessionalDetails })
            .Join(db.Profiles, x => x.m.MemberId, p => p.MemberId, (x, p) => new PendingLink(x.m.OrganizationId, x.m.MemberId, x.Name, p.DisplayName, x.Email ?? "", x.ProfessionalDetails, x.m.CreatedAt))
            .ToListAsync())
            // A request's own applicant is verified with the listing, above.
            .Where(l => !waitingServices.Contains((l.OrganizationId, (Guid?)l.MemberId)))
            .ToList();
    }

    public sealed record PendingListing(Service Service, Organization Organization, string? SubmittedBy, ListingData Data);

    public sealed record PendingLink(Guid OrganizationId, Guid MemberId, string Organization, string DisplayName, string Email, string? Details, DateTime CreatedAt);
}

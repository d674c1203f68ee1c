using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Shared;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>A verified professional's listings: the services of the organisations they are verified for, each with
/// when it was last checked; and "I work at this organisation", found by name, for a moderator to verify.</summary>
[Authorize(Policy = Roles.Professional)]
public sealed class ProServicesModel(VillageDb db, TimeProvider clock) : PageModel
{
    public const int MaxFound = 20;

    public IReadOnlyList<ProListing> Listings { get; private set; } = [];

    /// <summary>The member's links that wait for a moderator, or were refused.</summary>
    public IReadOnlyList<(string Organization, OrganizationMemberStatus Status)> Requests { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(DirectoryConfiguration.NameMax, ErrorMessage = "Validation.MaxLength")]
    public string? Query { get; set; }

    public IReadOnlyList<Organization> Found { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        if (Query?.Trim() is { Length: >= 2 } query)
        {
            // Organisations named like this, the fictional demo ones included (labelled).
            var pattern = $"%{query.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            Found = await db.Organizations.AsNoTracking()
                .Where(o => EF.Functions.Like(o.Name.ToLower(), pattern.ToLower(), "\\"))
                .OrderBy(o => o.Name).Take(MaxFound).ToListAsync();
        }

        return Page();
    }

    /// <summary>Asks to be linked to an organisation: a moderator verifies it.</summary>
    public async Task<IActionResult> OnPostJoinAsync(Guid organizationId)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId))
        {
            return NotFound();
        }

        var memberId = User.MemberId();
        if (!await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.MemberId == memberId))
        {
            db.OrganizationMembers.Add(new OrganizationMember
            {
                OrganizationId = organizationId,
                MemberId = memberId,
                Status = OrganizationMemberStatus.Pending,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        return RedirectToPage(new { asked = true });
    }

    private async Task LoadAsync()
    {
        var memberId = User.MemberId();
        Listings = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.MemberId == memberId && m.Status == OrganizationMemberStatus.Verified)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => o)
            .Join(db.Services, o => o.Id, s => s.OrganizationId, (o, s) => new { o, s })
            .Where(x => x.s.ListingStatus == ListingStatus.Published || x.s.ListingStatus == ListingStatus.Pending)
            .OrderBy(x => x.o.Name).ThenBy(x => x.s.Name)
            .Select(x => new ProListing(x.s.Id, x.s.Name, x.o.Name, x.s.ListingStatus, x.s.AssuredDate, x.s.ToComplete))
            .ToListAsync();
        Requests = (await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.MemberId == memberId && m.Status != OrganizationMemberStatus.Verified)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Name, m.Status })
            .OrderBy(x => x.Name).ToListAsync())
            .Select(x => (x.Name, x.Status)).ToList();
    }

    public sealed record ProListing(Guid Id, string Name, string Organization, ListingStatus Status, DateOnly? AssuredDate, bool ToComplete);
}

/// <summary>Who keeps a listing up to date: a verified professional of its organisation (and nobody else).</summary>
public static class ProfessionalAccess
{
    public static Task<Service?> EditableServiceAsync(this VillageDb db, Guid memberId, Guid serviceId) =>
        db.Services
            .Where(s => s.Id == serviceId && (s.ListingStatus == ListingStatus.Published || s.ListingStatus == ListingStatus.Pending)
                && db.OrganizationMembers.Any(m => m.OrganizationId == s.OrganizationId && m.MemberId == memberId && m.Status == OrganizationMemberStatus.Verified))
            .SingleOrDefaultAsync();
}

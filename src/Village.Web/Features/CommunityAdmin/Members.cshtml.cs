using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Resources;

namespace Village.Web.Features.CommunityAdmin;

/// <summary>The roster: admins first, then members, by name, searchable and paged. Admins make a member admin,
/// step down themselves or take another admin off the roster (never the last one), and mark a new member trusted.</summary>
public sealed class MembersModel(VillageDb db, CommunityDirectory directory, CommunityAccess access, IStringLocalizer<Texts> t) : AdminPageModel(db, directory)
{
    public const int PageSize = 30;

    public IReadOnlyList<RosterEntry> Roster { get; private set; } = [];

    public int AdminCount { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public bool HasNextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || PageNumber < 1 || Q?.Length > 100)
        {
            return BadRequest();
        }

        AdminCount = await AdminCountAsync();
        var members = Db.CommunityMembers.AsNoTracking().Where(m => m.CommunityId == Community.Id)
            .Join(Db.Profiles, m => m.MemberId, p => p.MemberId, (m, p) => new { m, p.DisplayName });
        if (Q?.Trim() is { Length: > 0 } words)
        {
            var lowered = words.ToLowerInvariant();
            // Translated to lower(...) LIKE on both databases; the StringComparison overload is not.
#pragma warning disable CA1862
            members = members.Where(x => x.DisplayName.ToLower().Contains(lowered));
#pragma warning restore CA1862
        }

        var page = await members
            .OrderByDescending(x => x.m.Role).ThenBy(x => x.DisplayName).ThenBy(x => x.m.MemberId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(x => new RosterEntry(x.m.MemberId, x.DisplayName, x.m.Role, x.m.Trusted, x.m.JoinedAt))
            .ToListAsync();
        HasNextPage = page.Count > PageSize;
        Roster = page.Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostPromoteAsync(string slug, Guid memberId)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        var changed = await Members(memberId).Where(m => m.Role == CommunityRole.Member)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, CommunityRole.Admin));
        access.Changed(memberId);
        return changed == 0 ? NotFound() : Done(t["CommunityAdmin.Promoted"], "/members");
    }

    /// <summary>Takes an admin off the admin roster (themselves, or another); they stay a member. A community always
    /// keeps at least one admin.</summary>
    public async Task<IActionResult> OnPostDemoteAsync(string slug, Guid memberId)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        if (!await Members(memberId).AnyAsync(m => m.Role == CommunityRole.Admin))
        {
            return NotFound();
        }

        if (await AdminCountAsync() <= 1)
        {
            return Done(t["CommunityAdmin.LastAdmin"], "/members");
        }

        await Members(memberId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Role, CommunityRole.Member)
            .SetProperty(m => m.DutyDays, DutyDays.None)
            .SetProperty(m => m.OffDuty, false)
            .SetProperty(m => m.OffDutyUntil, (DateOnly?)null));
        access.Changed(memberId);
        if (memberId == MemberId)
        {
            Message = t["CommunityAdmin.SteppedDown"];
            return Redirect($"/communities/{Community.Slug}");
        }

        return Done(t["CommunityAdmin.Demoted"], "/members");
    }

    public async Task<IActionResult> OnPostTrustAsync(string slug, Guid memberId, bool trusted)
    {
        if (!await LoadAsync(slug) || memberId == MemberId)
        {
            return NotFound();
        }

        var changed = await Members(memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Trusted, trusted));
        return changed == 0 ? NotFound() : Done(trusted ? t["CommunityAdmin.Trusted"] : t["CommunityAdmin.Untrusted"], "/members");
    }

    /// <summary>Another page of the roster, keeping the words searched.</summary>
    public string PageLink(int page) =>
        $"/communities/{Community.Slug}/admin/members?p={page}" + (Q is { Length: > 0 } words ? $"&q={Uri.EscapeDataString(words)}" : "");

    private IQueryable<CommunityMember> Members(Guid memberId) =>
        Db.CommunityMembers.Where(m => m.CommunityId == Community.Id && m.MemberId == memberId);

    private Task<int> AdminCountAsync() =>
        Db.CommunityMembers.CountAsync(m => m.CommunityId == Community.Id && m.Role == CommunityRole.Admin);

    public sealed record RosterEntry(Guid MemberId, string DisplayName, CommunityRole Role, bool Trusted, DateTime JoinedAt);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>Moderators approve the communities parents ask for (the parent who asked becomes its first admin), or
/// decline them with a word of explanation.</summary>
[Authorize(Policy = Roles.Moderator)]
public sealed class CommunitiesModel(VillageDb db, CommunityDirectory directory, CommunityAccess access, CommunityEmails emails, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public IReadOnlyList<PendingCommunity> Pending { get; private set; } = [];

    [BindProperty]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Moderation.DeclineNote")]
    public string? Note { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid id, bool approve)
    {
        var community = await db.Communities.SingleOrDefaultAsync(c => c.Id == id && c.Status == CommunityStatus.Pending);
        if (community is null)
        {
            return NotFound();
        }

        if (!approve && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), t["Moderation.DeclineNeedsNote"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        community.Status = approve ? CommunityStatus.Approved : CommunityStatus.Declined;
        community.DecisionNote = approve ? null : Note!.Trim();
        community.DecidedAt = now;
        var requester = community.RequestedById is { } requesterId ? await db.Users.SingleOrDefaultAsync(m => m.Id == requesterId) : null;
        if (requester is not null)
        {
            if (approve)
            {
                db.CommunityMembers.Add(new CommunityMember { CommunityId = community.Id, MemberId = requester.Id, Role = CommunityRole.Admin, JoinedAt = now });
            }

            var link = Url.Page("/Communities/Show", null, new { slug = community.Slug }, Request.Scheme)!;
            if (approve)
            {
                emails.Approved(requester, link);
            }
            else
            {
                emails.Declined(requester, link);
            }
        }

        await db.SaveChangesAsync();
        directory.Forget(community.Slug);
        if (requester is not null)
        {
            access.Changed(requester.Id);
        }
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Pending = await db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Pending)
            .OrderBy(c => c.CreatedAt)
            .GroupJoin(db.Profiles, c => c.RequestedById, p => p.MemberId, (c, requesters) => new { c, requesters })
            .SelectMany(x => x.requesters.DefaultIfEmpty(), (x, p) => new PendingCommunity(
                x.c.Id, x.c.Slug, x.c.Name, x.c.Description, x.c.Kind, x.c.Theme, x.c.TownName, x.c.RadiusKm, p == null ? null : p.DisplayName, x.c.CreatedAt))
            .ToListAsync();

    public sealed record PendingCommunity(
        Guid Id, string Slug, string Name, string Description, CommunityKind Kind, CommunityTheme? Theme, string? TownName, int RadiusKm, string? RequestedBy, DateTime CreatedAt);
}

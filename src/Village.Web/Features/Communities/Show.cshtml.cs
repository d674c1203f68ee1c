using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Moderation;
using Village.Web.Features.Posts;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Communities;

/// <summary>A community's public page: what it is, who runs it, and joining or leaving in one tap.</summary>
public sealed class ShowModel(
    VillageDb db, CommunityDirectory directory, CommunityAccess access, CommunityFeed feed, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public Community Community { get; private set; } = null!;

    public int MemberCount { get; private set; }

    public IReadOnlyList<string> Admins { get; private set; } = [];

    public CommunityRole? Role { get; private set; }

    /// <summary>The viewer's mute or ban in force here, told kindly on the page.</summary>
    public CommunitySanction? Sanction { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The feed, for those who may read it: pinned first, then the newest; by kind and words when asked.</summary>
    public IReadOnlyList<FeedItem> Feed { get; private set; } = [];

    public bool CanRead { get; private set; }

    [BindProperty(SupportsGet = true)]
    public PostKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"p" in the address: "page" is the route value Razor Pages keeps for itself.</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public bool HasNextPage { get; private set; }

    private bool personalFeed = true;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !CommunityFeed.IsValid(Kind, Q, PageNumber))
        {
            return BadRequest();
        }

        if (CanRead)
        {
            await LoadFeedAsync();
        }

        return Page();
    }

    private async Task LoadFeedAsync()
    {
        var page = await feed.PageAsync(Community.Id, User.MemberId(), personalFeed, Kind, Q, PageNumber);
        Feed = page.Items;
        HasNextPage = page.HasNextPage;
    }

    /// <summary>Another page of the same feed, keeping the kind and the words searched.</summary>
    public string PageLink(int page) =>
        $"/communities/{Community.Slug}?p={page}"
        + (Kind is { } kind ? $"&kind={kind}" : "")
        + (Q is { Length: > 0 } words ? $"&q={Uri.EscapeDataString(words)}" : "");

    public async Task<IActionResult> OnPostJoinAsync(string slug)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(slug) || Community.Status != CommunityStatus.Approved)
        {
            return NotFound();
        }

        if (Sanction?.Kind == SanctionKind.Ban)
        {
            // A banned parent cannot come back in while the ban lasts; the page tells them kindly.
            return RedirectToPage(new { slug });
        }

        if (Role is null)
        {
            db.CommunityMembers.Add(new CommunityMember
            {
                CommunityId = Community.Id,
                MemberId = User.MemberId(),
                Role = CommunityRole.Member,
                JoinedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
            directory.Forget(slug);
            access.Changed(User.MemberId());
            Message = t["Community.Welcome", Community.Name];
        }

        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        var communityId = Community.Id;
        if (Role == CommunityRole.Admin
            && await db.CommunityMembers.CountAsync(m => m.CommunityId == communityId && m.Role == CommunityRole.Admin) == 1
            && await db.CommunityMembers.CountAsync(m => m.CommunityId == communityId) > 1)
        {
            // A community is never left without anyone to look after it.
            Message = t["Community.LastAdmin"];
            return RedirectToPage(new { slug });
        }

        var memberId = User.MemberId();
        await db.CommunityMembers.Where(m => m.CommunityId == communityId && m.MemberId == memberId).ExecuteDeleteAsync();
        directory.Forget(slug);
        access.Changed(memberId);
        Message = t["Community.Left", Community.Name];
        return RedirectToPage(new { slug });
    }

    /// <summary>Approved communities are public; one still waiting is shown only to whoever asked for it and to
    /// moderators.</summary>
    private async Task<bool> LoadAsync(string slug)
    {
        var header = await directory.FindAsync(slug);
        var memberId = User.Identity?.IsAuthenticated == true ? User.MemberId() : Guid.Empty;
        if (header is not { Community: var community }
            || (community.Status != CommunityStatus.Approved && community.RequestedById != memberId && !User.IsInRole(Roles.Moderator) && !User.IsInRole(Roles.Administrator)))
        {
            return false;
        }

        (Community, MemberCount, Admins) = header;
        if (memberId != Guid.Empty)
        {
            (Role, Sanction, personalFeed) = await access.StandingAsync(community.Id, memberId);
            CanRead = await access.CanReadAsync(community, Role, memberId, Sanction);
        }

        return true;
    }
}

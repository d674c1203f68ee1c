using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Safety;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Posts;

/// <summary>Only the author edits a post; another member's attempt finds nothing.</summary>
[Authorize]
public sealed class EditModel(
    VillageDb db, CommunityAccess access, CommunityFeed feed, TimeProvider clock, IStringLocalizer<Texts> t, PostingChecks checks) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    [BindProperty]
    public PostInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid id)
    {
        if (await FindAsync(slug, id) is not { } post)
        {
            return NotFound();
        }

        Input = new PostInput
        {
            Kind = post.Kind,
            ItemMode = post.ItemMode,
            Price = post.PriceCents is int cents ? (cents / 100m).ToString("0.00") : null,
            Title = post.Title,
            Body = post.Body,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id)
    {
        if (await FindAsync(slug, id) is not { } post)
        {
            return NotFound();
        }

        foreach (var (field, key) in Input.Problems(Community.IsAdmin))
        {
            ModelState.AddModelError(field, t[key]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        if (checks.EditedPost(this, Input.Title, Input.Body) is { } notYet)
        {
            return notYet;
        }

        db.Attach(post);
        Input.CopyTo(post);
        post.EditedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        feed.Changed(post.CommunityId);
        return RedirectToPage("/Posts/Show", new { slug, id });
    }

    private async Task<Post?> FindAsync(string slug, Guid id)
    {
        var memberId = User.MemberId();
        // Muted or banned members cannot edit either (moderation).
        if (await access.ForAsync(slug, memberId) is not { MayWrite: true } community)
        {
            return null;
        }

        Community = community;
        return await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.CommunityId == community.Community.Id && p.AuthorId == memberId);
    }
}

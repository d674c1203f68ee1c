using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Safety;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Posts;

[Authorize]
public sealed class NewModel(
    VillageDb db, CommunityAccess access, CommunityFeed feed, TimeProvider clock, IStringLocalizer<Texts> t, PostingChecks checks) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    [BindProperty]
    public PostInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, PostKind? kind)
    {
        if (await access.ForAsync(slug, User.MemberId()) is not { IsMember: true } community)
        {
            return NotFound();
        }

        if (!community.MayWrite)
        {
            // Muted or banned: the community page says why, kindly.
            return RedirectToPage("/Communities/Show", new { slug });
        }

        Community = community;
        Input.Kind = kind is { } chosen && Enum.IsDefined(chosen) ? chosen : PostKind.Question;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await access.ForAsync(slug, User.MemberId()) is not { IsMember: true } community)
        {
            return NotFound();
        }

        if (!community.MayWrite)
        {
            // Muted or banned: the community page says why, kindly.
            return RedirectToPage("/Communities/Show", new { slug });
        }

        Community = community;
        foreach (var (field, key) in Input.Problems(community.IsAdmin))
        {
            ModelState.AddModelError(field, t[key]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        if (await checks.NewPostAsync(this, Input.Title, Input.Body) is { } notYet)
        {
            return notYet;
        }

        var post = new Post
        {
            Id = Guid.CreateVersion7(),
            CommunityId = community.Community.Id,
            AuthorId = User.MemberId(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Input.CopyTo(post);
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        feed.Changed(community.Community.Id);
        return RedirectToPage("/Posts/Show", new { slug, id = post.Id });
    }
}

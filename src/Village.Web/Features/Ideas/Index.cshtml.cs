using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Ideas;

/// <summary>The community's idea box: members suggest and vote, sorted by votes or newest first.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db, CommunityAccess access, TimeProvider clock) : PageModel
{
    public const int MaxShown = 100;

    public CommunityAccess.Access Community { get; private set; } = null!;

    public IReadOnlyList<IdeaItem> Ideas { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public IdeaSort Sort { get; set; }

    [BindProperty]
    public IdeaInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        return ModelState.IsValid && Enum.IsDefined(Sort) ? Page() : BadRequest();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug) || !Community.IsMember)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var idea = new Idea
        {
            Id = Guid.CreateVersion7(),
            CommunityId = Community.Community.Id,
            AuthorId = User.MemberId(),
            Title = Input.Title.Trim(),
            Body = Input.Body.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        return RedirectToPage("/Ideas/Show", new { slug, id = idea.Id });
    }

    public async Task<IActionResult> OnPostVoteAsync(string slug, Guid id, bool vote)
    {
        if (!await LoadAsync(slug) || !Community.IsMember || !await db.Ideas.AnyAsync(i => i.Id == id && i.CommunityId == Community.Community.Id))
        {
            return NotFound();
        }

        await IdeaVoting.VoteAsync(db, id, User.MemberId(), vote);
        return Redirect($"/communities/{slug}/ideas{(Sort == IdeaSort.Newest ? "?sort=Newest" : "")}#idea-{id}");
    }

    private async Task<bool> LoadAsync(string slug)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community)
        {
            return false;
        }

        Community = community;
        var ideas = db.Ideas.AsNoTracking().Where(i => i.CommunityId == community.Community.Id);
        ideas = Sort == IdeaSort.Newest ? ideas.OrderByDescending(i => i.CreatedAt) : ideas.OrderByDescending(i => i.VoteCount).ThenByDescending(i => i.CreatedAt);
        Ideas = await ideas.Take(MaxShown)
            .Select(i => new IdeaItem(
                i.Id, i.Title, i.Status, i.VoteCount, i.CreatedAt, i.Answer != null,
                db.IdeaVotes.Any(v => v.IdeaId == i.Id && v.MemberId == memberId),
                db.Profiles.Where(p => p.MemberId == i.AuthorId).Select(p => p.DisplayName).FirstOrDefault()))
            .ToListAsync();
        return true;
    }

    public sealed record IdeaItem(Guid Id, string Title, IdeaStatus Status, int Votes, DateTime CreatedAt, bool Answered, bool Voted, string? AuthorName);
}

public enum IdeaSort
{
    Votes = 0,
    Newest = 1,
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Polls;

/// <summary>The community's polls: open ones first (closing soonest first), then the latest closed.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db, CommunityAccess access, TimeProvider clock) : PageModel
{
    public const int MaxClosedShown = 30;

    public CommunityAccess.Access Community { get; private set; } = null!;

    public IReadOnlyList<PollItem> Open { get; private set; } = [];

    public IReadOnlyList<PollItem> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community)
        {
            return NotFound();
        }

        Community = community;
        var now = clock.GetUtcNow().UtcDateTime;
        var polls = db.Polls.AsNoTracking().Where(p => p.CommunityId == community.Community.Id);
        Open = await Items(polls.Where(p => p.ClosesAt > now).OrderBy(p => p.ClosesAt), memberId).ToListAsync();
        Closed = await Items(polls.Where(p => p.ClosesAt <= now).OrderByDescending(p => p.ClosesAt).Take(MaxClosedShown), memberId).ToListAsync();
        return Page();
    }

    private IQueryable<PollItem> Items(IQueryable<Poll> polls, Guid memberId) =>
        polls.Select(p => new PollItem(p.Id, p.Question, p.ClosesAt, p.VoterCount, db.PollVotes.Any(v => v.PollId == p.Id && v.MemberId == memberId)));

    public sealed record PollItem(Guid Id, string Question, DateTime ClosesAt, int Voters, bool Voted);
}

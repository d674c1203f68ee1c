using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Polls;

/// <summary>A poll: members vote and may change their vote until it closes; the results show once they voted or
/// once it closed. Its author or an admin closes it early or deletes it.</summary>
[Authorize]
public sealed class ShowModel(VillageDb db, CommunityAccess access, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    public Poll Poll { get; private set; } = null!;

    public string? AuthorName { get; private set; }

    public bool IsClosed { get; private set; }

    public bool CanManage { get; private set; }

    /// <summary>The choices the viewer ticked (empty when they have not voted).</summary>
    public IReadOnlySet<Guid> MyChoices { get; private set; } = new HashSet<Guid>();

    public bool ShowResults => IsClosed || MyChoices.Count > 0;

    public bool CanVote => Community.IsMember && !IsClosed;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id) =>
        await LoadAsync(slug, id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync(string slug, Guid id, List<Guid> choices)
    {
        if (!await LoadAsync(slug, id) || !Community.IsMember)
        {
            return NotFound();
        }

        var chosen = choices.Distinct().ToList();
        if (IsClosed)
        {
            ModelState.AddModelError("", t["Poll.AlreadyClosed"]);
        }
        else if (ModelState["choices"]?.Errors.Count > 0 || chosen.Count == 0 || chosen.Any(c => Poll.Choices.All(p => p.Id != c)))
        {
            ModelState.AddModelError("choices", t["Poll.ChooseOne"]);
        }
        else if (!Poll.MultipleChoice && chosen.Count > 1)
        {
            ModelState.AddModelError("choices", t["Poll.OnlyOne"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var memberId = User.MemberId();
        // The votes and every count they touch change together; the closing time is checked again inside.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await db.PollVotes.Where(v => v.PollId == id && v.MemberId == memberId).Select(v => v.ChoiceId).ToListAsync();
        await db.PollVotes.Where(v => v.PollId == id && v.MemberId == memberId).ExecuteDeleteAsync();
        await db.PollChoices.Where(c => before.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.VoteCount, c => c.VoteCount - 1));
        db.PollVotes.AddRange(chosen.Select(choice => new PollVote { Id = Guid.CreateVersion7(), PollId = id, ChoiceId = choice, MemberId = memberId }));
        await db.SaveChangesAsync();
        await db.PollChoices.Where(c => chosen.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.VoteCount, c => c.VoteCount + 1));
        var now = clock.GetUtcNow().UtcDateTime;
        var stillOpen = await db.Polls.Where(p => p.Id == id && p.ClosesAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.VoterCount, p => p.VoterCount + (before.Count == 0 ? 1 : 0))) == 1;
        if (!stillOpen)
        {
            await transaction.RollbackAsync();
            ModelState.AddModelError("", t["Poll.AlreadyClosed"]);
            return this.InvalidPage();
        }

        await transaction.CommitAsync();
        return Redirect($"/communities/{slug}/polls/{id}#results");
    }

    public async Task<IActionResult> OnPostCloseAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !CanManage)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Polls.Where(p => p.Id == id && p.ClosesAt > now).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosesAt, now));
        return Redirect($"/communities/{slug}/polls/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !CanManage)
        {
            return NotFound();
        }

        await db.Polls.Where(p => p.Id == id).ExecuteDeleteAsync();
        return Redirect($"/communities/{slug}/polls");
    }

    private async Task<bool> LoadAsync(string slug, Guid id)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community
            || await db.Polls.AsNoTracking().Include(p => p.Choices)
                .SingleOrDefaultAsync(p => p.Id == id && p.CommunityId == community.Community.Id) is not { } poll)
        {
            return false;
        }

        poll.Choices = poll.Choices.OrderBy(c => c.Position).ToList();
        Community = community;
        Poll = poll;
        IsClosed = poll.IsClosed(clock.GetUtcNow().UtcDateTime);
        CanManage = community.IsAdmin || (community.IsMember && poll.AuthorId == memberId);
        AuthorName = await db.Profiles.Where(p => p.MemberId == poll.AuthorId).Select(p => p.DisplayName).SingleOrDefaultAsync();
        MyChoices = (await db.PollVotes.Where(v => v.PollId == id && v.MemberId == memberId).Select(v => v.ChoiceId).ToListAsync()).ToHashSet();
        return true;
    }
}

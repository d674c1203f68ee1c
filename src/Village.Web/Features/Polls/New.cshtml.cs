using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Polls;

/// <summary>A member asks the community a question with 2 to 10 choices.</summary>
[Authorize]
public sealed class NewModel(VillageDb db, CommunityAccess access, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    [BindProperty]
    public PollInput Input { get; set; } = new();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await access.ForAsync(slug, User.MemberId()) is not { IsMember: true } community)
        {
            return NotFound();
        }

        Community = community;
        Input.ClosesOn = Today.AddDays(7);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await access.ForAsync(slug, User.MemberId()) is not { IsMember: true } community)
        {
            return NotFound();
        }

        Community = community;
        foreach (var (field, key, arguments) in Input.Problems(Today))
        {
            ModelState.AddModelError(field, t[key, arguments]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var poll = new Poll
        {
            Id = Guid.CreateVersion7(),
            CommunityId = community.Community.Id,
            AuthorId = User.MemberId(),
            Question = Input.Question.Trim(),
            MultipleChoice = Input.MultipleChoice,
            ClosesAt = PollInput.ClosingTime(Input.ClosesOn!.Value),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Choices = Input.FilledChoices.Select((text, i) => new PollChoice { Id = Guid.CreateVersion7(), Position = i, Text = text }).ToList(),
        };
        db.Polls.Add(poll);
        await db.SaveChangesAsync();
        return RedirectToPage("/Polls/Show", new { slug, id = poll.Id });
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Ideas;

/// <summary>An idea with its votes and the admins' answer. Members vote; its author edits or deletes it; the
/// community's admins set its status and answer.</summary>
[Authorize]
public sealed class ShowModel(VillageDb db, CommunityAccess access, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    public Idea Idea { get; private set; } = null!;

    public string? AuthorName { get; private set; }

    public bool IsAuthor { get; private set; }

    public bool Voted { get; private set; }

    /// <summary>The author's form; bound only by its own handler (each form on the page binds its own fields).</summary>
    public IdeaInput Input { get; set; } = new();

    /// <summary>The admins' form.</summary>
    public AnswerInput Reply { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id))
        {
            return NotFound();
        }

        Input = new IdeaInput { Title = Idea.Title, Body = Idea.Body };
        Reply = new AnswerInput { Status = Idea.Status, Answer = Idea.Answer };
        return Page();
    }

    public async Task<IActionResult> OnPostVoteAsync(string slug, Guid id, bool vote)
    {
        if (!await LoadAsync(slug, id) || !Community.IsMember)
        {
            return NotFound();
        }

        await IdeaVoting.VoteAsync(db, id, User.MemberId(), vote);
        return Redirect($"/communities/{slug}/ideas/{id}");
    }

    public async Task<IActionResult> OnPostEditAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !IsAuthor)
        {
            return NotFound();
        }

        if (!await TryUpdateModelAsync(Input, nameof(Input)))
        {
            Reply = new AnswerInput { Status = Idea.Status, Answer = Idea.Answer };
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Ideas.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Title, Input.Title.Trim())
            .SetProperty(i => i.Body, Input.Body.Trim())
            .SetProperty(i => i.EditedAt, now));
        return Redirect($"/communities/{slug}/ideas/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !IsAuthor)
        {
            return NotFound();
        }

        await db.Ideas.Where(i => i.Id == id).ExecuteDeleteAsync();
        return Redirect($"/communities/{slug}/ideas");
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !Community.IsAdmin)
        {
            return NotFound();
        }

        if (await TryUpdateModelAsync(Reply, nameof(Reply)) && !Enum.IsDefined(Reply.Status))
        {
            ModelState.AddModelError("Reply.Status", t["Validation.InvalidValue"]);
        }

        if (!ModelState.IsValid)
        {
            Input = new IdeaInput { Title = Idea.Title, Body = Idea.Body };
            return this.InvalidPage();
        }

        var answer = string.IsNullOrWhiteSpace(Reply.Answer) ? null : Reply.Answer.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Ideas.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, Reply.Status)
            .SetProperty(i => i.Answer, answer)
            .SetProperty(i => i.AnsweredAt, answer == null ? null : now));
        return Redirect($"/communities/{slug}/ideas/{id}");
    }

    private async Task<bool> LoadAsync(string slug, Guid id)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community
            || await db.Ideas.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.CommunityId == community.Community.Id) is not { } idea)
        {
            return false;
        }

        Community = community;
        Idea = idea;
        IsAuthor = community.IsMember && idea.AuthorId == memberId;
        AuthorName = await db.Profiles.Where(p => p.MemberId == idea.AuthorId).Select(p => p.DisplayName).SingleOrDefaultAsync();
        Voted = await db.IdeaVotes.AnyAsync(v => v.IdeaId == id && v.MemberId == memberId);
        return true;
    }

    public sealed class AnswerInput
    {
        [Display(Name = "Idea.StatusField")]
        public IdeaStatus Status { get; set; }

        [StringLength(IdeaConfiguration.AnswerMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Idea.Answer")]
        public string? Answer { get; set; }
    }
}

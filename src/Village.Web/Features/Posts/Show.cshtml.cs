using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Moderation;
using Village.Web.Features.Safety;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Posts;

/// <summary>A post with its comments: members comment and say merci, the author marks it answered (given, found),
/// edits or deletes it, admins pin it. Readable only by those who may read the community.</summary>
[Authorize]
public sealed class ShowModel(VillageDb db, CommunityAccess access, CommunityFeed feed, TimeProvider clock, PostingChecks checks) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    public Post Post { get; private set; } = null!;

    public string? AuthorName { get; private set; }

    public bool IsAuthor { get; private set; }

    public bool Thanked { get; private set; }

    /// <summary>A community admin or a platform moderator: sees hidden and removed content, marked.</summary>
    public bool IsModerator { get; private set; }

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PostConfiguration.CommentMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Post.Comment")]
    public string? CommentText { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id) =>
        await LoadAsync(slug, id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !Community.IsMember)
        {
            return NotFound();
        }

        if (!MayWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        if (checks.Comment(this, CommentText) is { } notYet)
        {
            return notYet;
        }

        // The comment and the post's count change together.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Comments.Add(new Comment
        {
            Id = Guid.CreateVersion7(),
            PostId = Post.Id,
            AuthorId = User.MemberId(),
            Body = CommentText!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1));
        await transaction.CommitAsync();
        feed.Changed(Post.CommunityId);
        return Redirect($"/communities/{slug}/posts/{id}#comments");
    }

    public async Task<IActionResult> OnPostThanksAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !Community.IsMember)
        {
            return NotFound();
        }

        if (!MayWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var memberId = User.MemberId();
        if (!Thanked && !IsAuthor)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.PostThanks.Add(new PostThanks { PostId = id, MemberId = memberId });
            await db.SaveChangesAsync();
            await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ThanksCount, p => p.ThanksCount + 1));
            await transaction.CommitAsync();
            feed.Changed(Post.CommunityId);
        }

        return Redirect($"/communities/{slug}/posts/{id}");
    }

    public async Task<IActionResult> OnPostStateAsync(string slug, Guid id, PostState state)
    {
        if (!await LoadAsync(slug, id) || !IsAuthor)
        {
            return NotFound();
        }

        // Only the state field counts here: the comment box is bound on every post but belongs to another form.
        if (ModelState["state"]?.Errors.Count > 0 || !Post.PossibleStates.Contains(state))
        {
            return BadRequest();
        }

        await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, state));
        feed.Changed(Post.CommunityId);
        return Redirect($"/communities/{slug}/posts/{id}");
    }

    public async Task<IActionResult> OnPostPinAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !Community.IsAdmin)
        {
            return NotFound();
        }

        await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsPinned, p => !p.IsPinned));
        feed.Changed(Post.CommunityId);
        return Redirect($"/communities/{slug}/posts/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !IsAuthor)
        {
            return NotFound();
        }

        await db.Posts.Where(p => p.Id == id).ExecuteDeleteAsync();
        feed.Changed(Post.CommunityId);
        return Redirect($"/communities/{slug}");
    }

    /// <summary>Whether the member may comment and say merci here (moderation: not muted nor banned, the post shown).</summary>
    public bool MayWrite => Community.MayWrite && Post.Moderation == ModerationState.Visible;

    /// <summary>Loads the post when the member may read its community; another community's post is not found, nor a
    /// post hidden by moderators (but for its author and moderators), nor one between parents who blocked each other.</summary>
    private async Task<bool> LoadAsync(string slug, Guid id)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community)
        {
            return false;
        }

        // The post with what this reader needs to know about it and its comments, in one query. Comments moderators
        // hid come too (they are few): only moderators and their authors are shown them. The block rule is Visibility's,
        // written out because EF cannot expand an extension method inside a projection.
        var communityId = community.Community.Id;
        var found = await db.Posts.AsNoTracking().Where(p => p.Id == id && p.CommunityId == communityId)
            .Select(p => new
            {
                Post = p,
                AuthorName = db.Profiles.Where(a => a.MemberId == p.AuthorId).Select(a => a.DisplayName).FirstOrDefault(),
                Thanked = db.PostThanks.Any(t => t.PostId == p.Id && t.MemberId == memberId),
                Blocked = db.Blocks.Any(b => (b.BlockerId == memberId && b.BlockedId == p.AuthorId) || (b.BlockerId == p.AuthorId && b.BlockedId == memberId)),
                Comments = db.Comments
                    .Where(c => c.PostId == p.Id && !db.Blocks.Any(b => (b.BlockerId == memberId && b.BlockedId == c.AuthorId) || (b.BlockerId == c.AuthorId && b.BlockedId == memberId)))
                    .OrderBy(c => c.CreatedAt)
                    .Select(c => new CommentView(
                        c.Body, db.Profiles.Where(a => a.MemberId == c.AuthorId).Select(a => a.DisplayName).FirstOrDefault(),
                        c.CreatedAt, c.Id, c.AuthorId, c.Moderation, c.ModerationReason))
                    .ToList(),
            })
            .SingleOrDefaultAsync();
        IsModerator = community.IsAdmin || Moderator.IsPlatformModerator(User);
        if (found is not { Post: var post, Blocked: false } || (post.Moderation != ModerationState.Visible && post.AuthorId != memberId && !IsModerator))
        {
            return false;
        }

        Community = community;
        Post = post;
        IsAuthor = post.AuthorId == memberId;
        AuthorName = found.AuthorName;
        Thanked = found.Thanked;
        Comments = IsModerator ? found.Comments
            : [.. found.Comments.Where(c => c.Moderation == ModerationState.Visible || c.AuthorId == memberId)];
        return true;
    }

    public sealed record CommentView(
        string Body, string? AuthorName, DateTime CreatedAt, Guid Id = default, Guid? AuthorId = null,
        ModerationState Moderation = ModerationState.Visible, string? ModerationReason = null);
}

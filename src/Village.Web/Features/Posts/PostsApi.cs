using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Moderation;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Posts;

/// <summary>Read endpoints for a community's feed and posts, for signed-in members (or parents nearby when the
/// community is open to them): the same rules as the pages, in JSON. Described in /openapi/v1.json.</summary>
public static class PostsApi
{
    public static void MapPostsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/communities/{slug}/posts").RequireAuthorization().WithTags("Posts");
        api.MapGet("", FeedAsync).WithName("GetFeed")
            .WithSummary("A community's feed: pinned posts first, then the newest, 20 per page (p=2 for the next).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("{id:guid}", PostAsync).WithName("GetPost")
            .WithSummary("A post with its comments.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<FeedResponse>, ProblemHttpResult>> FeedAsync(
        string slug, PostKind? kind, string? q, int? p, HttpContext http, CommunityAccess access, CommunityFeed feed)
    {
        var page = p ?? 1;
        if (!CommunityFeed.IsValid(kind, q, page))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "kind must be a post kind, p at least 1 and q at most 100 characters.");
        }

        var memberId = http.User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community)
        {
            return NotFound();
        }

        var result = await feed.PageAsync(community.Community.Id, memberId, community.PersonalFeed, kind, q, page);
        return TypedResults.Ok(new FeedResponse(
            slug, community.Community.Name, page, result.HasNextPage,
            result.Items.Select(i => new FeedPost(
                i.Id, i.Title, i.Kind, i.ItemMode, i.State, i.IsPinned, i.CreatedAt, i.Comments, i.Thanks, i.AuthorName,
                $"/communities/{slug}/posts/{i.Id}", i.Moderation)).ToList()));
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> PostAsync(string slug, Guid id, HttpContext http, CommunityAccess access, VillageDb db)
    {
        var memberId = http.User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community
            || await db.Posts.AsNoTracking().Where(p => p.Id == id && p.CommunityId == community.Community.Id).ShownTo(db, memberId)
                .Select(p => new
                {
                    Post = p,
                    Author = db.Profiles.Where(a => a.MemberId == p.AuthorId).Select(a => a.DisplayName).FirstOrDefault(),
                })
                .SingleOrDefaultAsync() is not { } found)
        {
            return NotFound();
        }

        var post = found.Post;
        var comments = await db.Comments.AsNoTracking().Where(c => c.PostId == id).ShownTo(db, memberId, moderator: false).OrderBy(c => c.CreatedAt)
            .Select(c => new PostComment(
                db.Profiles.Where(a => a.MemberId == c.AuthorId).Select(a => a.DisplayName).FirstOrDefault(), c.Body, c.CreatedAt))
            .ToListAsync();
        return TypedResults.Ok(new PostResponse(
            post.Id, post.Title, post.Kind, post.ItemMode, post.PriceCents, post.State, post.IsPinned, post.CreatedAt, post.EditedAt,
            found.Author, post.Body, PostText.ToHtml(post.Body), post.ThanksCount, comments, post.Moderation, post.ModerationReason));
    }

    /// <summary>Not found, whether the community or post does not exist or the member may not read it: the API
    /// tells outsiders nothing more than the pages do.</summary>
    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found, or not readable by you.");

    public sealed record FeedResponse(string Community, string Name, int Page, bool HasNextPage, IReadOnlyList<FeedPost> Posts);

    /// <summary>A post as the feed lists it; <c>Author</c> is null when the author left Village. Only its author
    /// sees a post that moderators hid or removed, with that state.</summary>
    public sealed record FeedPost(
        Guid Id, string Title, PostKind Kind, ItemMode? ItemMode, PostState State, bool IsPinned, DateTime CreatedAt,
        int CommentCount, int ThanksCount, string? Author, string Url, ModerationState Moderation);

    /// <summary>A post: its Markdown as written and the HTML the site shows (raw HTML disabled, safe links only);
    /// for its author, what moderators decided about it and why.</summary>
    public sealed record PostResponse(
        Guid Id, string Title, PostKind Kind, ItemMode? ItemMode, int? PriceCents, PostState State, bool IsPinned,
        DateTime CreatedAt, DateTime? EditedAt, string? Author, string Body, string BodyHtml, int ThanksCount,
        IReadOnlyList<PostComment> Comments, ModerationState Moderation, string? ModerationReason);

    public sealed record PostComment(string? Author, string Body, DateTime CreatedAt);
}

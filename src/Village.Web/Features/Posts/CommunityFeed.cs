using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Moderation;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Posts;

/// <summary>A community's feed, for its page and for the API: pinned posts first, then the newest, by kind and
/// words when asked, twenty at a time, without what moderators hid (except from its author) nor anything between
/// the viewer and a parent either one blocked. One query on the (CommunityId, IsPinned, CreatedAt) index.</summary>
public sealed class CommunityFeed(VillageDb db)
{
    public const int PageSize = 20;

    public const int SearchMax = 100;

    public async Task<FeedPage> PageAsync(Guid communityId, Guid viewerId, PostKind? kind, string? words, int page)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.CommunityId == communityId).ShownTo(db, viewerId);
        if (kind is { } wanted)
        {
            posts = posts.Where(p => p.Kind == wanted);
        }

        if (Gazetteer.Normalize(words ?? "") is { Length: > 0 } normalized)
        {
            posts = posts.Where(p => p.SearchText.Contains(normalized));
        }

        var items = await posts
            .OrderByDescending(p => p.IsPinned).ThenByDescending(p => p.CreatedAt)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(p => new FeedItem(
                p.Id, p.Title, p.Kind, p.ItemMode, p.State, p.IsPinned, p.CreatedAt, p.CommentCount, p.ThanksCount,
                db.Profiles.Where(author => author.MemberId == p.AuthorId).Select(author => author.DisplayName).FirstOrDefault(),
                p.Moderation))
            .ToListAsync();
        return new FeedPage(items.Take(PageSize).ToList(), items.Count > PageSize);
    }

    /// <summary>Whether a feed request asks for something that exists: a known kind, a page from 1, short words.</summary>
    public static bool IsValid(PostKind? kind, string? words, int page) =>
        (kind is not { } k || Enum.IsDefined(k)) && page >= 1 && (words?.Length ?? 0) <= SearchMax;
}

public sealed record FeedPage(IReadOnlyList<FeedItem> Items, bool HasNextPage);

public sealed record FeedItem(
    Guid Id, string Title, PostKind Kind, ItemMode? ItemMode, PostState State, bool IsPinned, DateTime CreatedAt,
    int Comments, int Thanks, string? AuthorName, ModerationState Moderation);

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Moderation;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Posts;

/// <summary>A community's feed, for its page and for the API: pinned posts first, then the newest, by kind and
/// words when asked, twenty at a time, without what moderators hid (except from its author) nor anything between
/// the viewer and a parent either one blocked. One query on the (CommunityId, IsPinned, CreatedAt) index.
/// <para>Most readers see the same feed (no blocks, none of their posts hidden): theirs is shared, kept in memory
/// for a moment (<c>Communities:FeedCacheSeconds</c>, 2 by default) and read afresh as soon as this instance
/// changes a post of the community (<see cref="Changed"/>). A personal feed is always read from the database.</para></summary>
public sealed class CommunityFeed(VillageDb db, IMemoryCache cache, IConfiguration configuration)
{
    public const int PageSize = 20;

    public const int SearchMax = 100;

    private readonly TimeSpan sharedFor = TimeSpan.FromSeconds(configuration.GetValue("Communities:FeedCacheSeconds", 2.0));

    /// <summary>One page of the feed; <paramref name="personal"/>: the viewer's feed differs from everyone's (see
    /// <see cref="CommunityAccess.Standing"/>).</summary>
    public async Task<FeedPage> PageAsync(Guid communityId, Guid viewerId, bool personal, PostKind? kind, string? words, int page)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.CommunityId == communityId);
        if (personal || sharedFor <= TimeSpan.Zero)
        {
            return await QueryAsync(posts.ShownTo(db, viewerId), kind, words, page);
        }

        var key = (nameof(CommunityFeed), communityId, Version(communityId).Value, kind, words, page);
        if (!cache.TryGetValue(key, out FeedPage? shared))
        {
            shared = await QueryAsync(posts.Where(p => p.Moderation == ModerationState.Visible), kind, words, page);
            cache.Set(key, shared, sharedFor);
        }

        return shared!;
    }

    /// <summary>After a post of the community was written, changed, commented, thanked, moderated or deleted.</summary>
    public void Changed(Guid communityId) => Interlocked.Increment(ref Version(communityId).Value);

    private StrongBox<int> Version(Guid communityId) =>
        cache.GetOrCreate((nameof(CommunityFeed), communityId), _ => new StrongBox<int>())!;

    private async Task<FeedPage> QueryAsync(IQueryable<Post> posts, PostKind? kind, string? words, int page)
    {
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

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Posts;

namespace Village.Web.Features.Moderation;

/// <summary>What a member is shown: content neither hidden nor removed by moderators (their own excepted, marked),
/// and nothing from a parent they blocked or who blocked them. Each is a NOT EXISTS on the small Blocks table
/// (primary key (BlockerId, BlockedId), index on BlockedId) inside the caller's one query.</summary>
public static class Visibility
{
    public static IQueryable<Post> ShownTo(this IQueryable<Post> posts, VillageDb db, Guid viewerId) =>
        posts.Where(p => (p.Moderation == ModerationState.Visible || p.AuthorId == viewerId)
            && !db.Blocks.Any(b => (b.BlockerId == viewerId && b.BlockedId == p.AuthorId) || (b.BlockerId == p.AuthorId && b.BlockedId == viewerId)));

    /// <summary>Comments on a post a member may read; moderators also see hidden and removed ones, marked.</summary>
    public static IQueryable<Comment> ShownTo(this IQueryable<Comment> comments, VillageDb db, Guid viewerId, bool moderator) =>
        comments.Where(c => (moderator || c.Moderation == ModerationState.Visible || c.AuthorId == viewerId)
            && !db.Blocks.Any(b => (b.BlockerId == viewerId && b.BlockedId == c.AuthorId) || (b.BlockerId == c.AuthorId && b.BlockedId == viewerId)));

    /// <summary>Whether either parent blocked the other.</summary>
    public static Task<bool> BetweenAsync(this IQueryable<Block> blocks, Guid one, Guid other) =>
        blocks.AnyAsync(b => (b.BlockerId == one && b.BlockedId == other) || (b.BlockerId == other && b.BlockedId == one));
}

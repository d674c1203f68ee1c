using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Communities;

namespace Village.Web.Features.Safety;

/// <summary>How much a new account may post. A member is new until their account is
/// <see cref="LimitsOptions.NewAccountDays"/> days old, unless an admin of one of their communities marked them
/// trusted in the roster, or they run a community themselves. New members may publish
/// <see cref="LimitsOptions.NewAccountPostsPerDay"/> posts in any 24 hours, all communities together.</summary>
public sealed class NewMemberLimits(VillageDb db, TimeProvider clock, IOptions<LimitsOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public LimitsOptions Options => options.Value;

    public async Task<bool> IsTrustedAsync(Guid memberId)
    {
        var newSince = clock.GetUtcNow().UtcDateTime.AddDays(-Options.NewAccountDays);
        return await db.Users.AnyAsync(m => m.Id == memberId && m.CreatedAt <= newSince)
            || await db.CommunityMembers.AnyAsync(m => m.MemberId == memberId && (m.Trusted || m.Role == CommunityRole.Admin));
    }

    /// <summary>The limit a member reached with <paramref name="recent"/> actions in a window (<paramref name="limit"/>,
    /// or <paramref name="newAccountLimit"/> for a new account), or null while they may go on. Whether they are trusted
    /// is asked only between the two limits.</summary>
    public async Task<int?> ReachedAsync(Guid memberId, int recent, int limit, int newAccountLimit) =>
        recent < newAccountLimit ? null
        : recent >= limit ? limit
        : await IsTrustedAsync(memberId) ? null : newAccountLimit;

    /// <summary>When this member may publish their next post: null for now.</summary>
    public async Task<DateTime?> NextPostAtAsync(Guid memberId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await db.Posts.Where(p => p.AuthorId == memberId && p.CreatedAt > now - Window)
            .OrderByDescending(p => p.CreatedAt).Select(p => p.CreatedAt)
            .Take(Options.NewAccountPostsPerDay)
            .ToListAsync();
        if (recent.Count < Options.NewAccountPostsPerDay || await IsTrustedAsync(memberId))
        {
            return null;
        }

        // The oldest of the last N posts leaves the window first.
        return recent[^1] + Window;
    }
}

public sealed class LimitsOptions
{
    public int NewAccountDays { get; set; } = 14;

    public int NewAccountPostsPerDay { get; set; } = 3;
}

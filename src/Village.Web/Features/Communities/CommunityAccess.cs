using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Village.Web.Data;
using Village.Web.Features.Moderation;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Communities;

/// <summary>What a member may do in a community: read its content (members, or parents nearby when its admins
/// opened it), post (members), and run it (admins). A ban stops reading and writing, a mute stops writing.
/// <para>A page read (GET) may use the reader's standing kept in memory for a moment
/// (<c>Communities:AccessCacheSeconds</c>, 30 by default), so browsing a community costs no query about the reader;
/// anything that writes reads it afresh. A change made through this instance is seen at once (<see cref="Changed"/>);
/// on other instances a ban or a block stops a parent's reading when their copy expires, and their writing at once.</para></summary>
public sealed class CommunityAccess(
    VillageDb db, CommunityDirectory directory, IMemoryCache cache, IHttpContextAccessor http, IConfiguration configuration, TimeProvider clock)
{
    private readonly TimeSpan keptFor = TimeSpan.FromSeconds(configuration.GetValue("Communities:AccessCacheSeconds", 30.0));

    public async Task<Access?> ForAsync(string slug, Guid memberId)
    {
        if (await directory.FindAsync(slug) is not { Community.Status: CommunityStatus.Approved } header)
        {
            return null;
        }

        var community = header.Community;
        var standing = await StandingAsync(community.Id, memberId);
        return new Access(community, standing.Role, await CanReadAsync(community, standing.Role, memberId, standing.Sanction), standing.Sanction)
        {
            PersonalFeed = standing.PersonalFeed,
        };
    }

    /// <summary>Where the member stands in the community: their role, their mute or ban in force (its row, rare, is
    /// read only when there is one), and whether their feed is their own: they blocked someone or were blocked, or
    /// moderators hid one of their posts here (see <see cref="Posts.CommunityFeed"/>). One query, or none when a page
    /// read finds it kept; a kept sanction that has ended since is read again.</summary>
    public async Task<Standing> StandingAsync(Guid communityId, Guid memberId)
    {
        if (!PageRead)
        {
            return await ReadStandingAsync(communityId, memberId);
        }

        var key = (nameof(Standing), communityId, memberId, Version(memberId).Value);
        if (cache.TryGetValue(key, out Standing? kept) && (kept!.Sanction is not { } sanction || InForce(sanction)))
        {
            return kept;
        }

        var standing = await ReadStandingAsync(communityId, memberId);
        cache.Set(key, standing, keptFor);
        return standing;
    }

    /// <summary>The communities whose members-only content the member reads (they belong, no ban in force) and the
    /// parents with whom a block stands either way: what lists gathered for everyone (outings near a place) filter
    /// by. Kept for page reads like the standings, and forgotten with them.</summary>
    public async Task<Circle> CircleAsync(Guid memberId)
    {
        var reading = PageRead;
        var key = (nameof(Circle), memberId, Version(memberId).Value);
        if (reading && cache.TryGetValue(key, out Circle? kept))
        {
            return kept!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var communities = await db.CommunityMembers.Where(m => m.MemberId == memberId
                && !db.CommunitySanctions.Any(s => s.CommunityId == m.CommunityId && s.MemberId == memberId && s.Kind == SanctionKind.Ban
                    && s.LiftedAt == null && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now)))
            .Select(m => m.CommunityId).ToListAsync();
        var blocked = await db.Blocks.Where(b => b.BlockerId == memberId || b.BlockedId == memberId)
            .Select(b => b.BlockerId == memberId ? b.BlockedId : b.BlockerId).ToListAsync();
        var circle = new Circle(communities.ToHashSet(), blocked.ToHashSet());
        if (reading)
        {
            cache.Set(key, circle, keptFor);
        }

        return circle;
    }

    public sealed record Circle(IReadOnlySet<Guid> Communities, IReadOnlySet<Guid> Blocked);

    /// <summary>Whether what is kept may serve this request: a page read (GET), when keeping is on.</summary>
    private bool PageRead => keptFor > TimeSpan.Zero && HttpMethods.IsGet(http.HttpContext?.Request.Method ?? "");

    /// <summary>After the member's role, sanction, blocks or moderated posts changed, in any community.</summary>
    public void Changed(Guid memberId) => Interlocked.Increment(ref Version(memberId).Value);

    // Outlives the standings it versions (kept far longer than they are), so an old standing never comes back.
    private StrongBox<long> Version(Guid memberId) =>
        cache.GetOrCreate((nameof(CommunityAccess), memberId), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10) + keptFor;
            return new StrongBox<long>();
        })!;

    private bool InForce(CommunitySanction sanction)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return sanction.LiftedAt is null && sanction.StartsAt <= now && (sanction.EndsAt is not { } end || end > now);
    }

    private async Task<Standing> ReadStandingAsync(Guid communityId, Guid memberId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var standing = await db.Communities.Where(c => c.Id == communityId)
            .Select(c => new
            {
                Role = db.CommunityMembers.Where(m => m.CommunityId == c.Id && m.MemberId == memberId).Select(m => (CommunityRole?)m.Role).FirstOrDefault(),
                Sanctioned = db.CommunitySanctions.Any(s => s.CommunityId == c.Id && s.MemberId == memberId && s.LiftedAt == null && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now)),
                PersonalFeed = db.Blocks.Any(b => b.BlockerId == memberId || b.BlockedId == memberId)
                    || db.Posts.Any(p => p.AuthorId == memberId && p.CommunityId == c.Id && p.Moderation != ModerationState.Visible),
            })
            .SingleOrDefaultAsync();
        return new Standing(
            standing?.Role, standing?.Sanctioned == true ? await SanctionAsync(communityId, memberId) : null, standing?.PersonalFeed ?? true);
    }

    public sealed record Standing(CommunityRole? Role, CommunitySanction? Sanction, bool PersonalFeed);

    /// <summary>For a page that already holds the member's role and sanction (see <see cref="StandingAsync"/>).</summary>
    public async Task<bool> CanReadAsync(Community community, CommunityRole? role, Guid memberId, CommunitySanction? sanction) =>
        community.Status == CommunityStatus.Approved
        && sanction?.Kind != SanctionKind.Ban
        && (role is not null || (community.OpenToParentsNearby && await LivesNearbyAsync(community, memberId)));

    /// <summary>The member's mute or ban in force in this community, the ban first; null when free to write.</summary>
    public async Task<CommunitySanction?> SanctionAsync(Guid communityId, Guid memberId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.CommunitySanctions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.MemberId == memberId && s.LiftedAt == null && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now))
            .OrderByDescending(s => s.Kind).ThenByDescending(s => s.EndsAt == null).ThenByDescending(s => s.EndsAt)
            .FirstOrDefaultAsync();
    }

    private async Task<bool> LivesNearbyAsync(Community community, Guid memberId)
    {
        var home = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => new { p.Latitude, p.Longitude }).SingleOrDefaultAsync();
        return home is { Latitude: double lat, Longitude: double lon } && community is { Latitude: double centreLat, Longitude: double centreLon }
            && Coordinates.DistanceKm(lat, lon, centreLat, centreLon) <= community.RadiusKm;
    }

    public sealed record Access(Community Community, CommunityRole? Role, bool CanRead, CommunitySanction? Sanction = null)
    {
        public bool IsMember => Role is not null;

        public bool IsAdmin => Role == CommunityRole.Admin;

        /// <summary>The member's feed here is their own (see <see cref="StandingAsync"/>).</summary>
        public bool PersonalFeed { get; init; } = true;

        /// <summary>May post, comment and say merci here: a member neither muted nor banned.</summary>
        public bool MayWrite => IsMember && CanRead && Sanction is null;
    }
}

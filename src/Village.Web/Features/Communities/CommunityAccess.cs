using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Moderation;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Communities;

/// <summary>What a member may do in a community: read its content (members, or parents nearby when its admins
/// opened it), post (members), and run it (admins). A ban stops reading and writing, a mute stops writing.</summary>
public sealed class CommunityAccess(VillageDb db, CommunityDirectory directory, TimeProvider clock)
{
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
    /// moderators hid one of their posts here (see <see cref="Posts.CommunityFeed"/>). One query.</summary>
    public async Task<Standing> StandingAsync(Guid communityId, Guid memberId)
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

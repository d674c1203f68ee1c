using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Communities;

/// <summary>What a member may do in a community: read its content (members, or parents nearby when its admins
/// opened it), post (members), and run it (admins).</summary>
public sealed class CommunityAccess(VillageDb db)
{
    public async Task<Access?> ForAsync(string slug, Guid memberId)
    {
        var community = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug && c.Status == CommunityStatus.Approved);
        if (community is null)
        {
            return null;
        }

        var role = await db.CommunityMembers.Where(m => m.CommunityId == community.Id && m.MemberId == memberId)
            .Select(m => (CommunityRole?)m.Role).SingleOrDefaultAsync();
        return new Access(community, role, await CanReadAsync(community, role, memberId));
    }

    /// <summary>For a page that already holds the community and the member's role.</summary>
    public async Task<bool> CanReadAsync(Community community, CommunityRole? role, Guid memberId) =>
        community.Status == CommunityStatus.Approved
        && (role is not null || (community.OpenToParentsNearby && await LivesNearbyAsync(community, memberId)));

    private async Task<bool> LivesNearbyAsync(Community community, Guid memberId)
    {
        var home = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => new { p.Latitude, p.Longitude }).SingleOrDefaultAsync();
        return home is { Latitude: double lat, Longitude: double lon } && community is { Latitude: double centreLat, Longitude: double centreLon }
            && Coordinates.DistanceKm(lat, lon, centreLat, centreLon) <= community.RadiusKm;
    }

    public sealed record Access(Community Community, CommunityRole? Role, bool CanRead)
    {
        public bool IsMember => Role is not null;

        public bool IsAdmin => Role == CommunityRole.Admin;
    }
}

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Communities;

/// <summary>The approved local communities whose area covers a parent's home, nearest first, with whether the
/// parent already belongs. Shared by the home page and the communities page.</summary>
public sealed class NearbyCommunities(VillageDb db)
{
    /// <summary>No community reaches further than this: the first, coarse filter in the database.</summary>
    private const double MaxReachDegrees = 0.5;

    public async Task<IReadOnlyList<CommunityCard>> AroundAsync(Guid memberId, double latitude, double longitude, int take)
    {
        var candidates = await db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Approved && c.Kind == CommunityKind.Local
                && c.Latitude >= latitude - MaxReachDegrees && c.Latitude <= latitude + MaxReachDegrees
                && c.Longitude >= longitude - (2 * MaxReachDegrees) && c.Longitude <= longitude + (2 * MaxReachDegrees))
            .Select(CommunityCard.Projection(memberId))
            .ToListAsync();
        return [.. candidates
            .Select(c => c with { DistanceKm = Coordinates.DistanceKm(latitude, longitude, c.Latitude!.Value, c.Longitude!.Value) })
            .Where(c => c.DistanceKm <= c.RadiusKm)
            .OrderBy(c => c.DistanceKm)
            .Take(take)];
    }
}

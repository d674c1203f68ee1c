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
        // First the areas alone (a light, index-only read); the cards, with their counts, only for those that reach.
        var areas = await db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Approved && c.Kind == CommunityKind.Local
                && c.Latitude >= latitude - MaxReachDegrees && c.Latitude <= latitude + MaxReachDegrees
                && c.Longitude >= longitude - (2 * MaxReachDegrees) && c.Longitude <= longitude + (2 * MaxReachDegrees))
            .Select(c => new { c.Id, c.Latitude, c.Longitude, c.RadiusKm })
            .ToListAsync();
        var distances = areas
            .Select(c => (c.Id, Km: Coordinates.DistanceKm(latitude, longitude, c.Latitude!.Value, c.Longitude!.Value), c.RadiusKm))
            .Where(c => c.Km <= c.RadiusKm)
            .OrderBy(c => c.Km)
            .Take(take)
            .ToDictionary(c => c.Id, c => c.Km);
        if (distances.Count == 0)
        {
            return [];
        }

        var ids = distances.Keys.ToList();
        var cards = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(CommunityCard.Projection(memberId)).ToListAsync();
        return [.. cards.Select(c => c with { DistanceKm = distances[c.Id] }).OrderBy(c => c.DistanceKm)];
    }
}

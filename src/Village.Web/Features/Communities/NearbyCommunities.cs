using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Communities;

/// <summary>The approved local communities whose area covers a parent's home, nearest first, with whether the
/// parent already belongs. Shared by the home page and the communities page.</summary>
public sealed class NearbyCommunities(VillageDb db, CommunityDirectory directory)
{
    // A cheap first filter before measuring distances: areas whose latitude alone puts them out of reach.
    private const double KmPerDegreeOfLatitude = 111.2;

    public async Task<IReadOnlyList<CommunityCard>> AroundAsync(Guid memberId, double latitude, double longitude, int take)
    {
        // The areas are kept in memory; the cards, with their counts, are read only for those that reach.
        var distances = (await directory.LocalAreasAsync())
            .Where(c => Math.Abs(c.Latitude - latitude) * KmPerDegreeOfLatitude <= c.RadiusKm)
            .Select(c => (c.Id, Km: Coordinates.DistanceKm(latitude, longitude, c.Latitude, c.Longitude), c.RadiusKm))
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

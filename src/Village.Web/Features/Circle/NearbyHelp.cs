using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Outings;
using Village.Web.Features.Profiles;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.ServiceDirectory.Search;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.Circle;

/// <summary>Concrete help near a parent, for the check-in's next steps and the circle's suggestions: an outing this
/// week for their child's age, the nearest free drop-in place open soon, their community, and how many people their
/// circle holds. Without a home position nothing near is looked for (the circle's count is still given).</summary>
public sealed class NearbyHelp(
    VillageDb db, ParentHomes homes, OutingSearch outings, NearbyCommunities communities, TimeProvider clock, IStringLocalizer<Texts> t)
{
    /// <summary>How far an outing may be, in km.</summary>
    public const int OutingKm = 10;

    /// <summary>How far a drop-in place may be, in km.</summary>
    public const int DropInKm = 20;

    /// <summary>How soon a drop-in place must open.</summary>
    public static readonly TimeSpan DropInWithin = TimeSpan.FromHours(48);

    /// <summary>The directory's categories of places where a parent can simply walk in with their child and meet others
    /// (the "meet" need: lieux d'accueil enfants-parents, family third places, parents' associations).</summary>
    public static readonly string[] DropInCategories = VillageTaxonomy.Needs["meet"];

    /// <summary>At most this many of the nearest free places are weighed by their hours.</summary>
    private const int CandidatesMax = 30;

    public async Task<NearbyHelpView> FindAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var circlePeople = await db.CirclePeople.CountAsync(p => p.OwnerId == memberId, cancellationToken);
        var home = await homes.ForAsync(memberId);
        if (home is not { TownName: { } town, Latitude: double lat, Longitude: double lon })
        {
            return new NearbyHelpView(null, null, null, null, circlePeople);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var youngest = home.Children.Select(c => c.AgeInMonths(today)).OfType<int>().DefaultIfEmpty(-1).Min();
        var outing = (await outings.SearchAsync(
            outings.For(lat, lon, OutingKm, OutingPeriod.Week, youngest >= 0 ? youngest : null) with { PageSize = 1 }, memberId, cancellationToken)).Items
            is [var first, ..] ? first : null;
        var dropIn = await DropInAsync(lat, lon, now, cancellationToken);
        var community = await db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Approved && c.Members.Any(m => m.MemberId == memberId))
            .OrderBy(c => c.Kind != CommunityKind.Local).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(CommunityCard.Projection(memberId)).FirstOrDefaultAsync(cancellationToken)
            ?? ((await communities.AroundAsync(memberId, lat, lon, 1)) is [var near, ..] ? near : null);
        return new NearbyHelpView(town, outing, dropIn, community, circlePeople);
    }

    /// <summary>The nearest published, active, free place of the drop-in categories within <see cref="DropInKm"/> whose
    /// next opening starts within <see cref="DropInWithin"/> (or that is open now).</summary>
    private async Task<NearbyService?> DropInAsync(double lat, double lon, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var termIds = DropInCategories.Select(code => VillageTaxonomy.ByCode(code)!.Id).ToList();
        var latDelta = DropInKm / 111.0;
        var lonDelta = DropInKm / (111.0 * Math.Max(0.2, Math.Cos(lat * Math.PI / 180)));
        var (minLat, maxLat, minLon, maxLon) = (lat - latDelta, lat + latDelta, lon - lonDelta, lon + lonDelta);
        var rows = await (
            from l in db.Locations.AsNoTracking()
            where l.Latitude >= minLat && l.Latitude <= maxLat && l.Longitude >= minLon && l.Longitude <= maxLon
            join sl in db.ServiceAtLocations on l.Id equals sl.LocationId
            join s in db.Services on sl.ServiceId equals s.Id
            where s.ListingStatus == ListingStatus.Published && s.Status == ServiceStatus.Active
                && db.ServiceTerms.Any(st => st.ServiceId == s.Id && termIds.Contains(st.TaxonomyTermId))
                && db.CostOptions.Any(c => c.ServiceId == s.Id && c.Amount == 0)
            select new
            {
                s.Id,
                s.Name,
                s.TimeZone,
                Latitude = l.Latitude!.Value,
                Longitude = l.Longitude!.Value,
                Town = db.Addresses.Where(a => a.LocationId == l.Id).Select(a => a.City).FirstOrDefault(),
            })
            .Take(500)
            .ToListAsync(cancellationToken);
        var nearest = rows
            .Select(r => (Row: r, Km: Coordinates.DistanceKm(lat, lon, r.Latitude, r.Longitude)))
            .Where(r => r.Km <= DropInKm)
            .GroupBy(r => r.Row.Id).Select(g => g.MinBy(r => r.Km))
            .OrderBy(r => r.Km).ThenBy(r => r.Row.Name, StringComparer.Ordinal)
            .Take(CandidatesMax)
            .ToList();
        if (nearest.Count == 0)
        {
            return null;
        }

        var schedules = await db.ByServiceAsync([.. nearest.Select(r => r.Row.Id)]);
        foreach (var (row, km) in nearest)
        {
            var hours = new OpeningHours(schedules[row.Id], row.TimeZone);
            if (!hours.Known || hours.Next(now) is not { } next)
            {
                continue;
            }

            var localNow = TimeZoneInfo.ConvertTime(now, hours.Zone).DateTime;
            if (!next.OpenNow && next.At > localNow + DropInWithin)
            {
                continue;
            }

            return new NearbyService(row.Id, row.Name, row.Town, km, Words(hours, next, DateOnly.FromDateTime(localNow)), true);
        }

        return null;
    }

    /// <summary>"ouvert maintenant jusqu'à 12 h", "aujourd'hui de 14 h à 17 h", "demain de 9 h à 12 h", "jeudi de 9 h à 12 h".</summary>
    private string Words(OpeningHours hours, NextOpening next, DateOnly today)
    {
        if (next.OpenNow)
        {
            return t["NearbyHelp.OpenUntil", DirectoryWords.Time(next.At, t)];
        }

        var day = DateOnly.FromDateTime(next.At);
        var closes = hours.On(day).Where(s => s.Opens == next.At).Select(s => s.Closes).DefaultIfEmpty(next.At).First();
        var (opensAt, closesAt) = (DirectoryWords.Time(next.At, t), DirectoryWords.Time(closes, t));
        return (day.DayNumber - today.DayNumber) switch
        {
            0 => t["NearbyHelp.OpensToday", opensAt, closesAt],
            1 => t["NearbyHelp.OpensTomorrow", opensAt, closesAt],
            _ => t["NearbyHelp.OpensOn", DirectoryWords.DayName(day), opensAt, closesAt],
        };
    }
}

/// <param name="TownName">The parent's home town, or null when they have not given one (then nothing near is found).</param>
/// <param name="Outing">An outing this week within reach, for their child's age.</param>
/// <param name="DropIn">The nearest free drop-in place (lieu d'accueil enfants-parents, parent support) open soon.</param>
/// <param name="Community">A community they belong to, or the nearest one to join.</param>
/// <param name="CirclePeople">How many people their circle lists.</param>
public sealed record NearbyHelpView(
    string? TownName,
    OutingCard? Outing,
    NearbyService? DropIn,
    CommunityCard? Community,
    int CirclePeople);

/// <summary>A directory service near the parent; <c>NextOpening</c> in words, in the current culture ("demain de 9 h à
/// 12 h").</summary>
public sealed record NearbyService(Guid Id, string Name, string? TownName, double? Kilometres, string NextOpening, bool IsFree);

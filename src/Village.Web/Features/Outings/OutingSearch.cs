using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Outings;

/// <summary>When a parent wants to go out: the rest of this week (to Sunday night), this weekend, or the next 4 weeks.
/// Weeks and weekends are those of each outing's own time zone.</summary>
public enum OutingPeriod
{
    Week = 0,
    Weekend = 1,
    FourWeeks = 2,
}

/// <summary>What a search asks: around a coarse position, within a distance as the crow flies, in a time window, with
/// optional filters. <see cref="Period"/>, when given, is checked again in each outing's time zone.</summary>
public sealed record OutingQuery(
    double Latitude,
    double Longitude,
    int Km,
    DateTime From,
    DateTime To,
    OutingPeriod? Period = null,
    int? AgeMonths = null,
    bool FreeOnly = false,
    bool IndoorOnly = false,
    int Page = 1,
    int PageSize = OutingSearch.PageSize);

/// <summary>One date of an outing as lists show it. <see cref="DistanceKm"/> is null when the list is not about a place
/// (my outings). Never the meeting point.</summary>
public sealed record OutingCard(
    Guid OutingId,
    Guid OccurrenceId,
    string Title,
    string TownName,
    double Latitude,
    double Longitude,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZone,
    int MinAgeMonths,
    int MaxAgeMonths,
    int GoingCount,
    int MaxFamilies,
    bool IsFree,
    OutingSetting Setting,
    WelcomeOffer Welcome,
    RhythmTags Rhythm,
    bool IsCancelled,
    double? DistanceKm = null,
    ParticipationStatus? Participation = null,
    bool IsOrganizer = false)
{
    public bool IsFull => GoingCount >= MaxFamilies;

    public string Path => $"/outings/{OutingId}";

    /// <summary>The start in the outing's own time zone, as the organiser wrote it.</summary>
    public DateTime LocalStart => OutingSchedule.ToLocal(StartsAt, TimeZone);
}

public sealed record OutingResults(IReadOnlyList<OutingCard> Items, bool HasNextPage);

/// <summary>Upcoming dates of outings near a point, for /outings, the home page and the API. One query gathers the dates in
/// the window near the point for everyone (a box and the squared flat-earth distance, exact enough at 50 km), kept a
/// few seconds (<c>Outings:SearchCacheSeconds</c>, 10 by default) for every parent around the same town with the same
/// filters, and forgotten as soon as this instance changes an outing (<see cref="Changed"/>). Each reader's part of
/// <see cref="OutingVisibility"/> (their communities, their blocks) is applied in memory from
/// <see cref="CommunityAccess.CircleAsync"/>. A search shows at most the first <see cref="MaxDates"/> dates.</summary>
public sealed class OutingSearch(VillageDb db, TimeProvider time, CommunityAccess access, IMemoryCache cache, IConfiguration configuration)
{
    public const int MaxDates = 1_000;

    private readonly TimeSpan keptFor = TimeSpan.FromSeconds(configuration.GetValue("Outings:SearchCacheSeconds", 10.0));

    public const int PageSize = 20;

    public static readonly int[] Distances = [2, 5, 10, 20, 50];

    public const int DefaultKm = 10;

    public const int MaxKm = 50;

    /// <summary>The time zones outings are written in (France, Belgium, Luxembourg, Switzerland).</summary>
    public static readonly string[] TimeZones = ["Europe/Paris", "Europe/Brussels", "Europe/Luxembourg", "Europe/Zurich"];

    private const double KmPerDegree = 111.2;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A query for a period: its window is the widest over the time zones outings use (they agree today).</summary>
    public OutingQuery For(double latitude, double longitude, int km, OutingPeriod period, int? ageMonths = null, bool freeOnly = false, bool indoorOnly = false, int page = 1)
    {
        var now = Now;
        var windows = TimeZones.Select(z => Window(period, now, z)).ToList();
        return new OutingQuery(latitude, longitude, km, windows.Min(w => w.From), windows.Max(w => w.To), period, ageMonths, freeOnly, indoorOnly, page);
    }

    /// <summary>The UTC window of a period as seen in a time zone: from now to Monday 00:00 for the week, Saturday 00:00
    /// (or now, during the weekend) to Monday 00:00 for the weekend, now to the end of the 28th day (UTC) for four weeks.</summary>
    public static (DateTime From, DateTime To) Window(OutingPeriod period, DateTime nowUtc, string timeZone)
    {
        var zone = OutingSchedule.Zone(timeZone);
        var today = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone).Date;
        var nextMonday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return period switch
        {
            OutingPeriod.Week => (nowUtc, Utc(nextMonday)),
            OutingPeriod.Weekend => (Max(nowUtc, Utc(nextMonday.AddDays(-2))), Utc(nextMonday)),
            // To the end of the 28th day, so that every search of the day shares one window (and its kept dates).
            _ => (nowUtc, nowUtc.Date.AddDays(29)),
        };
    }

    public async Task<OutingResults> SearchAsync(OutingQuery query, Guid? viewerId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var start = Max(query.From, now);
        var dates = await DatesAsync(query, now, cancellationToken);
        Func<Found, bool> visible = f => f.CommunityId is null;
        if (viewerId is Guid id)
        {
            var circle = await access.CircleAsync(id);
            visible = f => (f.CommunityId is not Guid community || circle.Communities.Contains(community))
                && (f.OrganizerId is not Guid organizer || !circle.Blocked.Contains(organizer));
        }

        var rows = dates
            .Where(f => f.Card.StartsAt >= start && visible(f) && (query.Period is not OutingPeriod period || InWindow(f.Card, period, now)))
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize + 1)
            .Select(f => f.Card with { DistanceKm = Coordinates.DistanceKm(query.Latitude, query.Longitude, f.Card.Latitude, f.Card.Longitude) })
            .ToList();
        return new OutingResults([.. rows.Take(query.PageSize)], rows.Count > query.PageSize);
    }

    /// <summary>After this instance created, changed or cancelled an outing, or a family joined or left a date.</summary>
    public void Changed() => Interlocked.Increment(ref Version.Value);

    private StrongBox<long> Version => cache.GetOrCreate(nameof(OutingSearch), entry =>
    {
        entry.Priority = CacheItemPriority.NeverRemove;
        return new StrongBox<long>();
    })!;

    /// <summary>A date near the point for everyone, with what decides who may see it.</summary>
    private sealed record Found(OutingCard Card, Guid? CommunityId, Guid? OrganizerId);

    private async Task<IReadOnlyList<Found>> DatesAsync(OutingQuery query, DateTime now, CancellationToken cancellationToken)
    {
        // A period's window (the pages) is the same for every reader until it ends, so its dates are kept; a window
        // of the caller's own (the API's from and to) is read each time.
        var keep = keptFor > TimeSpan.Zero && query.Period is not null;
        var key = (nameof(OutingSearch), Version.Value, query.Latitude, query.Longitude, query.Km, query.To,
            query.AgeMonths, query.FreeOnly, query.IndoorOnly);
        if (keep && cache.TryGetValue(key, out IReadOnlyList<Found>? kept))
        {
            return kept!;
        }

        var (lat, lon) = (query.Latitude, query.Longitude);
        var dLat = query.Km / KmPerDegree;
        var cos = Math.Max(0.2, Math.Cos(lat * Math.PI / 180));
        var dLon = dLat / cos;
        var cos2 = cos * cos;
        var radius2 = dLat * dLat;
        var outings = db.Outings.AsNoTracking().Where(o => o.Status == OutingStatus.Scheduled
            && o.Latitude >= lat - dLat && o.Latitude <= lat + dLat && o.Longitude >= lon - dLon && o.Longitude <= lon + dLon
            && ((o.Latitude - lat) * (o.Latitude - lat)) + ((o.Longitude - lon) * (o.Longitude - lon) * cos2) <= radius2);
        if (query.AgeMonths is int age)
        {
            outings = outings.Where(o => o.MinAgeMonths <= age && o.MaxAgeMonths >= age);
        }

        if (query.FreeOnly)
        {
            outings = outings.Where(o => o.IsFree);
        }

        if (query.IndoorOnly)
        {
            outings = outings.Where(o => o.Setting != OutingSetting.Outdoor);
        }

        var earliest = Max(query.From, now);
        var dates = await (
                from occurrence in db.OutingOccurrences.AsNoTracking()
                where occurrence.StartsAt >= earliest && occurrence.StartsAt < query.To && !occurrence.IsCancelled
                join o in outings on occurrence.OutingId equals o.Id
                orderby occurrence.StartsAt, occurrence.Id
                select new Found(
                    new OutingCard(
                        o.Id, occurrence.Id, o.Title, o.TownName, o.Latitude, o.Longitude, occurrence.StartsAt, occurrence.EndsAt, o.TimeZone,
                        o.MinAgeMonths, o.MaxAgeMonths, occurrence.GoingCount, o.MaxFamilies, o.IsFree, o.Setting, o.Welcome, o.Rhythm,
                        false, null, null, false),
                    o.CommunityId,
                    o.OrganizerId))
            .Take(MaxDates)
            .ToListAsync(cancellationToken);
        if (keep)
        {
            cache.Set(key, dates, keptFor);
        }

        return dates;
    }

    /// <summary>The outings a parent organises and the dates they joined (going or waiting), from a moment on.</summary>
    public async Task<IReadOnlyList<OutingCard>> MineAsync(Guid memberId, DateTime since, int take, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from occurrence in db.OutingOccurrences.AsNoTracking()
                where occurrence.EndsAt >= since
                join o in db.Outings.AsNoTracking() on occurrence.OutingId equals o.Id
                let participation = db.OutingParticipations.Where(p => p.OccurrenceId == occurrence.Id && p.MemberId == memberId)
                    .Select(p => (ParticipationStatus?)p.Status).FirstOrDefault()
                where o.OrganizerId == memberId || participation != null
                orderby occurrence.StartsAt, occurrence.Id
                select new OutingCard(
                    o.Id, occurrence.Id, o.Title, o.TownName, o.Latitude, o.Longitude, occurrence.StartsAt, occurrence.EndsAt, o.TimeZone,
                    o.MinAgeMonths, o.MaxAgeMonths, occurrence.GoingCount, o.MaxFamilies, o.IsFree, o.Setting, o.Welcome, o.Rhythm,
                    occurrence.IsCancelled || o.Status == OutingStatus.Cancelled, null, participation, o.OrganizerId == memberId))
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows;
    }

    private static bool InWindow(OutingCard card, OutingPeriod period, DateTime now)
    {
        var (from, to) = Window(period, now, card.TimeZone);
        return card.StartsAt >= from && card.StartsAt < to;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

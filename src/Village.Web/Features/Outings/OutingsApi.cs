using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Outings;

/// <summary>Read endpoints for outings: upcoming dates near a point, and one outing. Anonymous callers get the outings
/// open to every parent nearby; signed-in callers also those of their communities (<see cref="OutingVisibility"/>).
/// Never the exact meeting point: it is for participants, on the outing's page.</summary>
public static class OutingsApi
{
    /// <summary>The longest window one search may cover.</summary>
    public const int MaxDays = 62;

    public static void MapOutingsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/outings").WithTags("Outings");
        api.MapGet("", SearchAsync).WithName("SearchOutings")
            .WithSummary("Upcoming dates of outings within km (1 to 50, default 10) of a point, soonest first, 20 per page (p=2 for the next). "
                + "from and to (ISO 8601, default now and 28 days later, at most 62 days apart) bound the start; ageMonths keeps outings suited to "
                + "that age; free and indoor keep free and indoor (or partly indoor) ones.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("{id:guid}", OutingAsync).WithName("GetOuting")
            .WithSummary("An outing with its upcoming dates (without the meeting point, which only participants see).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<OutingsResponse>, ProblemHttpResult>> SearchAsync(
        double? lat, double? lon, int? km, DateTimeOffset? from, DateTimeOffset? to, int? ageMonths, bool? free, bool? indoor, int? p,
        HttpContext http, OutingSearch search)
    {
        var now = search.Now;
        var start = from?.UtcDateTime ?? now;
        var end = to?.UtcDateTime ?? start.AddDays(28);
        var page = p ?? 1;
        var distance = km ?? OutingSearch.DefaultKm;
        if (lat is not double latitude || lon is not double longitude || !Coordinates.IsValid(latitude, longitude)
            || distance is < 1 or > OutingSearch.MaxKm || end <= start || end - start > TimeSpan.FromDays(MaxDays)
            || ageMonths is < 0 or > OutingConfiguration.MaxAgeMonthsLimit || page is < 1 or > 1000)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "lat and lon must be a position, km 1 to 50, to after from and at most 62 days later, ageMonths 0 to 72, p at least 1.");
        }

        Guid? viewer = http.User.Identity?.IsAuthenticated == true ? http.User.MemberId() : null;
        var query = new OutingQuery(Coordinates.Round(latitude), Coordinates.Round(longitude), distance, start, end, null, ageMonths, free == true, indoor == true, page);
        var result = await search.SearchAsync(query, viewer, http.RequestAborted);
        return TypedResults.Ok(new OutingsResponse(page, result.HasNextPage, [.. result.Items.Select(c => new OutingDate(
            c.OutingId, c.OccurrenceId, c.Title, c.TownName, c.Latitude, c.Longitude, Utc(c.StartsAt), Utc(c.EndsAt), c.TimeZone,
            c.MinAgeMonths, c.MaxAgeMonths, c.GoingCount, c.MaxFamilies, c.IsFull, c.IsFree, c.Setting, c.Welcome, Tags(c.Rhythm),
            Math.Round(c.DistanceKm ?? 0, 1), c.Path))]));
    }

    private static async Task<Results<Ok<OutingResponse>, ProblemHttpResult>> OutingAsync(Guid id, HttpContext http, VillageDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Guid? viewer = http.User.Identity?.IsAuthenticated == true ? http.User.MemberId() : null;
        var outings = viewer is Guid member ? db.Outings.AsNoTracking().VisibleTo(db, member, now) : db.Outings.AsNoTracking().Public();
        var found = await outings.Where(o => o.Id == id)
            .Select(o => new
            {
                Outing = o,
                Organizer = db.Profiles.Where(a => a.MemberId == o.OrganizerId).Select(a => a.DisplayName).FirstOrDefault(),
                Community = db.Communities.Where(c => c.Id == o.CommunityId).Select(c => new OutingCommunity(c.Slug, c.Name)).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(http.RequestAborted);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found, or not visible to you.");
        }

        var o = found.Outing;
        var dates = await db.OutingOccurrences.AsNoTracking().Where(d => d.OutingId == id && d.EndsAt >= now).OrderBy(d => d.StartsAt)
            .Take(100)
            .Select(d => new OutingDateState(d.Id, d.StartsAt, d.EndsAt, d.IsCancelled || o.Status == OutingStatus.Cancelled, d.GoingCount, d.Sequence))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new OutingResponse(
            o.Id, o.Title, o.Description, o.Address, o.TownName, o.Country, o.Latitude, o.Longitude, o.TimeZone, o.Recurrence,
            o.MinAgeMonths, o.MaxAgeMonths, o.MaxFamilies, o.IsFree, o.PriceNote, o.Setting, o.Welcome, o.WelcomeNote, Tags(o.Rhythm), o.Status,
            found.Organizer, found.Community, $"/outings/{o.Id}", $"/outings/{o.Id}/calendar.ics",
            [.. dates.Select(d => d with { StartsAt = Utc(d.StartsAt), EndsAt = Utc(d.EndsAt) })]));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static IReadOnlyList<RhythmTags> Tags(RhythmTags rhythm) =>
        [.. Enum.GetValues<RhythmTags>().Where(r => r != RhythmTags.None && rhythm.HasFlag(r))];

    public sealed record OutingsResponse(int Page, bool HasNextPage, IReadOnlyList<OutingDate> Dates);

    /// <summary>One date of an outing. Times are UTC; <c>TimeZone</c> is the zone the organiser wrote them in.
    /// Positions are coarse (0.01 degree); the distance is as the crow flies, in km.</summary>
    public sealed record OutingDate(
        Guid OutingId, Guid DateId, string Title, string Town, double Latitude, double Longitude, DateTime StartsAt, DateTime EndsAt,
        string TimeZone, int MinAgeMonths, int MaxAgeMonths, int FamiliesGoing, int MaxFamilies, bool IsFull, bool IsFree,
        OutingSetting Setting, WelcomeOffer Welcome, IReadOnlyList<RhythmTags> Rhythm, double DistanceKm, string Url);

    /// <summary>An outing: its public address (never the meeting point), its organiser's display name (null once they
    /// left Village), its community (null when every parent nearby may come), and its upcoming dates.</summary>
    public sealed record OutingResponse(
        Guid Id, string Title, string Description, string Address, string Town, string Country, double Latitude, double Longitude,
        string TimeZone, OutingRecurrence Recurrence, int MinAgeMonths, int MaxAgeMonths, int MaxFamilies, bool IsFree, string? PriceNote,
        OutingSetting Setting, WelcomeOffer Welcome, string? WelcomeNote, IReadOnlyList<RhythmTags> Rhythm, OutingStatus Status,
        string? Organizer, OutingCommunity? Community, string Url, string CalendarUrl, IReadOnlyList<OutingDateState> Dates);

    public sealed record OutingCommunity(string Slug, string Name);

    public sealed record OutingDateState(Guid Id, DateTime StartsAt, DateTime EndsAt, bool IsCancelled, int FamiliesGoing, int Sequence);
}

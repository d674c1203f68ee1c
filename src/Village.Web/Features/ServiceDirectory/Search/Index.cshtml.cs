using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Profiles;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.ServiceDirectory.Search;

/// <summary>The support services directory, open to anyone: published, active services around the parent's home or a
/// town, by need or category, text, open now or on a day's part, free, language spoken, a child's age, pregnancy.
/// Candidates come from a latitude/longitude box on the locations index with the cheap filters in SQL; the hours of
/// those few candidates are then read in memory.</summary>
public sealed class IndexModel(
    VillageDb db, ParentHomes homes, Gazetteer gazetteer, TimeProvider clock, IMemoryCache cache, ServiceFacts serviceFacts, IConfiguration configuration, IStringLocalizer<Texts> t)
    : PageModel
{
    public const int PageSize = 20;
    public const int DefaultKm = 10;
    public const int TextMax = 100;

    /// <summary>Without a position, at most this many services are weighed by their hours.</summary>
    private const int UnplacedCap = 2000;

    public static readonly int[] Distances = [2, 5, 10, 20, 50];
    public static readonly int[] AgesInMonths = [0, 3, 6, 12, 18, 24, 36, 48, 60, 72];

    [BindProperty(SupportsGet = true)]
    public TownSearch Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    [StringLength(TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Directory.TextLabel")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(32)]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(32)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Km { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool OpenNow { get; set; }

    [BindProperty(SupportsGet = true)]
    public DayOfWeek? Day { get; set; }

    [BindProperty(SupportsGet = true)]
    public PartOfDay? Part { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Free { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(8)]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? AgeMonths { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Pregnancy { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Town> TownChoices => Input.Choices;

    public string? AroundName { get; private set; }

    public bool AroundHome { get; private set; }

    public IReadOnlyList<ServiceCard> Services { get; private set; } = [];

    public bool HasNext { get; private set; }

    public DateOnly Today { get; private set; }

    public bool Filtered => Q is { Length: > 0 } || Need is { Length: > 0 } || Category is { Length: > 0 } || OpenNow || Day is not null
        || Free || Lang is { Length: > 0 } || AgeMonths is not null || Pregnancy;

    public async Task<IActionResult> OnGetAsync()
    {
        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(DirectoryDefaults.TimeZone)).DateTime);
        if (!ModelState.IsValid
            || (Need is { Length: > 0 } && !VillageTaxonomy.Needs.ContainsKey(Need))
            || (Category is { Length: > 0 } && !VillageTaxonomy.Categories.Any(c => c.Code == Category))
            || (Km is { } km && !Distances.Contains(km))
            || (Day is { } day && !Enum.IsDefined(day)) || (Part is { } part && !Enum.IsDefined(part)) || (Part is not null && Day is null)
            || (Lang is { Length: > 0 } && !Languages.IsKnown(Lang))
            || (AgeMonths is { } age && !AgesInMonths.Contains(age))
            || PageNumber is < 1 or > 10_000)
        {
            ModelState.AddModelError("", t["Directory.SearchInvalid"]);
            return this.InvalidPage();
        }

        var around = await Input.OriginAsync(this, gazetteer, homes, t);
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        (double Latitude, double Longitude)? origin = around is null ? null : (around.Latitude, around.Longitude);
        AroundName = around?.TownName;
        AroundHome = around?.IsHome == true;

        var services = Filter(db.Services.AsNoTracking()
            .Where(s => s.ListingStatus == ListingStatus.Published && s.Status == ServiceStatus.Active));
        List<Candidate> candidates;
        var byHours = OpenNow || Day is not null;
        if (origin is { } from)
        {
            Km ??= DefaultKm;
            candidates = await NearbyAsync(services, from, Km.Value);
        }
        else
        {
            // Nowhere to measure from: by name. Without an hours filter the database pages; with one, the hours of at
            // most UnplacedCap services are weighed.
            var byName = services.OrderBy(s => s.Name).ThenBy(s => s.Id);
            var unplaced = await (byHours ? byName.Take(UnplacedCap) : byName.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1))
                .Select(s => new
                {
                    s.Id,
                    s.Name,
                    s.TimeZone,
                    Place = db.ServiceAtLocations.Where(sl => sl.ServiceId == s.Id)
                        .Join(db.Locations, sl => sl.LocationId, l => l.Id, (sl, l) => new { l.Id, l.Latitude, l.Longitude }).FirstOrDefault(),
                })
                .ToListAsync();
            candidates = [.. unplaced.Select(s => new Candidate(s.Id, s.Name, s.TimeZone, s.Place?.Id, s.Place?.Latitude, s.Place?.Longitude, null))];
        }

        var facts = await serviceFacts.ForAsync([.. candidates.Select(c => (c.Id, c.TimeZone))]);
        if (OpenNow)
        {
            candidates = [.. candidates.Where(c => facts[c.Id].Hours.IsOpenAt(now))];
        }

        if (Day is { } weekday)
        {
            var parts = Part is { } chosen ? [chosen] : Enum.GetValues<PartOfDay>();
            candidates = [.. candidates.Where(c => parts.Any(p => facts[c.Id].Hours.IsOpenDuring(weekday, p, now)))];
        }

        var pagedInDatabase = origin is null && !byHours;
        var page = candidates
            .OrderBy(c => c.DistanceKm is null).ThenBy(c => c.DistanceKm).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .Skip(pagedInDatabase ? 0 : (PageNumber - 1) * PageSize).Take(PageSize + 1).ToList();
        HasNext = page.Count > PageSize;
        Services = Cards([.. page.Take(PageSize)], facts, now);
        return Page();
    }

    /// <summary>The services within <paramref name="km"/> of a point that pass the filters kept in SQL, nearest place
    /// each, and those without a place. Every parent around the same spot with the same filters shares them for
    /// <c>Directory:SearchCacheSeconds</c> (10 by default, 0: never), as with outings; the hours are weighed afresh.</summary>
    private async Task<List<Candidate>> NearbyAsync(IQueryable<Service> services, (double Latitude, double Longitude) from, int km)
    {
        var keep = TimeSpan.FromSeconds(configuration.GetValue("Directory:SearchCacheSeconds", 10.0));
        var key = (nameof(NearbyAsync), Coordinates.Round(from.Latitude), Coordinates.Round(from.Longitude), km, Need, Category, Free, Lang, AgeMonths, Pregnancy, Q?.Trim());
        if (keep > TimeSpan.Zero && cache.TryGetValue(key, out List<Candidate>? kept) && kept is not null)
        {
            return kept;
        }

        var latDelta = km / 111.0;
        var lonDelta = km / (111.0 * Math.Max(0.2, Math.Cos(from.Latitude * Math.PI / 180)));
        var (minLat, maxLat, minLon, maxLon) = (from.Latitude - latDelta, from.Latitude + latDelta, from.Longitude - lonDelta, from.Longitude + lonDelta);
        var placed = await (
            from l in db.Locations
            where l.Latitude >= minLat && l.Latitude <= maxLat && l.Longitude >= minLon && l.Longitude <= maxLon
            join sl in db.ServiceAtLocations on l.Id equals sl.LocationId
            join s in services on sl.ServiceId equals s.Id
            select new { s.Id, s.Name, s.TimeZone, LocationId = l.Id, Latitude = l.Latitude!.Value, Longitude = l.Longitude!.Value })
            .ToListAsync();
        List<Candidate> candidates = [.. placed
            .Select(c => new Candidate(c.Id, c.Name, c.TimeZone, c.LocationId, c.Latitude, c.Longitude, Coordinates.DistanceKm(from.Latitude, from.Longitude, c.Latitude, c.Longitude)))
            .Where(c => c.DistanceKm <= km)
            .GroupBy(c => c.Id).Select(g => g.MinBy(c => c.DistanceKm)!)];

        // Services without a place (a listening line, online help) answer wherever one lives. Finding them scans
        // every service, so their ids are kept a minute; the filters then apply to those few.
        var remoteIds = await RemoteIdsAsync();
        if (remoteIds.Count > 0)
        {
            var remote = await services.Where(s => remoteIds.Contains(s.Id))
                .OrderBy(s => s.Name).Take(50).Select(s => new { s.Id, s.Name, s.TimeZone }).ToListAsync();
            candidates.AddRange(remote.Select(s => new Candidate(s.Id, s.Name, s.TimeZone, null, null, null, null)));
        }

        if (keep > TimeSpan.Zero)
        {
            cache.Set(key, candidates, keep);
        }

        return candidates;
    }

    private async Task<List<Guid>> RemoteIdsAsync() =>
        await cache.GetOrCreateAsync((nameof(IndexModel), "remote"), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Services.Where(s => s.ListingStatus == ListingStatus.Published && !db.ServiceAtLocations.Any(sl => sl.ServiceId == s.Id))
                .OrderBy(s => s.Name).Take(500).Select(s => s.Id).ToListAsync();
        }) ?? [];

    private IQueryable<Service> Filter(IQueryable<Service> services)
    {
        var termIds = new List<Guid>();
        if (Need is { Length: > 0 })
        {
            termIds.AddRange(VillageTaxonomy.Needs[Need].Select(code => VillageTaxonomy.ByCode(code)!.Id));
        }
        else if (Category is { Length: > 0 })
        {
            termIds.Add(VillageTaxonomy.ByCode(Category)!.Id);
        }

        if (termIds.Count > 0)
        {
            services = services.Where(s => db.ServiceTerms.Any(st => st.ServiceId == s.Id && termIds.Contains(st.TaxonomyTermId)));
        }

        if (Pregnancy)
        {
            var pregnancy = VillageTaxonomy.ByCode("pregnancy")!.Id;
            services = services.Where(s => db.ServiceTerms.Any(st => st.ServiceId == s.Id && st.TaxonomyTermId == pregnancy));
        }

        if (Free)
        {
            services = services.Where(s => db.CostOptions.Any(c => c.ServiceId == s.Id && c.Amount == 0));
        }

        if (Lang is { Length: > 0 } code)
        {
            services = services.Where(s => db.ServiceLanguages.Any(l => l.ServiceId == s.Id && l.Code == code));
        }

        if (AgeMonths is { } months)
        {
            var years = months / 12m;
            services = services.Where(s => (s.MinimumAge == null || s.MinimumAge <= years) && (s.MaximumAge == null || s.MaximumAge >= years));
        }

        if (Q?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            // Translated to SQL (lower(...) LIKE), where a StringComparison overload would not be.
#pragma warning disable CA1862
            services = services.Where(s => s.Name.ToLower().Contains(lower) || s.Description.ToLower().Contains(lower));
#pragma warning restore CA1862
        }

        return services;
    }

    private static List<ServiceCard> Cards(List<Candidate> page, IReadOnlyDictionary<Guid, ServiceFact> facts, DateTimeOffset now) =>
        [.. page.Select(c =>
        {
            var fact = facts[c.Id];
            return new ServiceCard(
                c.Id, c.Name, c.LocationId is { } l && fact.Towns.TryGetValue(l, out var town) ? town : null, c.LocationId is null,
                c.Latitude, c.Longitude, c.DistanceKm, fact.Categories, fact.Free, fact.Languages,
                fact.Hours.Known ? fact.Hours.Next(now) : null, fact.Hours.LocalDay(now));
        })];

    /// <summary>This page's address with another page number, every filter kept.</summary>
    public string PageLink(int number)
    {
        var query = Request.Query.Where(q => !string.Equals(q.Key, "p", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))
            .Append(new("p", number.ToString(CultureInfo.InvariantCulture)));
        return "/services" + new QueryBuilder(query).ToQueryString();
    }

    private sealed record Candidate(Guid Id, string Name, string TimeZone, Guid? LocationId, double? Latitude, double? Longitude, double? DistanceKm);
}

/// <summary>A service as the list shows it: its place is public (unlike a parent's), its distance rounded.</summary>
public sealed record ServiceCard(
    Guid Id, string Name, string? Town, bool Remote, double? Latitude, double? Longitude, double? DistanceKm,
    IReadOnlyList<string> Categories, bool Free, IReadOnlyList<string> Languages, NextOpening? Next, DateOnly LocalToday);

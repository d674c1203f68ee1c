using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Profiles;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.Places;

/// <summary>The shared list of family-friendly places: approved ones, nearest first around the parent's home or a
/// town they choose, filtered by category, price, amenities and distance, 20 a page. Visitors may browse too.</summary>
public sealed class IndexModel(VillageDb db, ParentHomes homes, Gazetteer gazetteer, IStringLocalizer<Texts> t) : PageModel
{
    public const int PageSize = 20;

    public static readonly int[] Distances = [2, 5, 10, 20, 50];

    public const int DefaultKm = 20;

    /// <summary>The town typed in the search form (same field names as every form's town field).</summary>
    [BindProperty(SupportsGet = true)]
    public TownSearch Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public PlaceCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Free { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<PlaceAmenities> Amenity { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Km { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Town> TownChoices => Input.Choices;

    /// <summary>Where distances are measured from: the chosen town, or the parent's home; null when neither.</summary>
    public string? AroundName { get; private set; }

    public bool AroundHome { get; private set; }

    public IReadOnlyList<PlaceCard> Places { get; private set; } = [];

    public bool HasNext { get; private set; }

    public bool Filtered => Category is not null || Free || Amenity.Count > 0;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid || (Category is { } category && !Enum.IsDefined(category))
            || !Amenity.All(a => a != PlaceAmenities.None && Enum.IsDefined(a))
            || (Km is { } km && !Distances.Contains(km)) || PageNumber is < 1 or > 10_000)
        {
            ModelState.AddModelError("", t["Place.SearchInvalid"]);
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

        var places = db.Places.AsNoTracking().Where(p => p.Status == PlaceStatus.Approved);
        if (Category is { } chosen)
        {
            places = places.Where(p => p.Category == chosen);
        }

        if (Free)
        {
            places = places.Where(p => p.IsFree);
        }

        var mask = Amenity.Aggregate(PlaceAmenities.None, (all, a) => all | a);
        if (mask != PlaceAmenities.None)
        {
            places = places.Where(p => (p.Amenities & mask) == mask);
        }

        if (origin is not { } from)
        {
            // No position: by name, paged in the database.
            var named = await places.OrderBy(p => p.NormalizedName).ThenBy(p => p.Id)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).Select(PlaceCard.Projection).ToListAsync();
            HasNext = named.Count > PageSize;
            Places = [.. named.Take(PageSize)];
            return Page();
        }

        // Around a position: the places in a box around it from the (Status, Latitude, Longitude) index, then the
        // real distance, nearest first.
        Km ??= DefaultKm;
        var latDelta = Km.Value / 111.0;
        var lonDelta = Km.Value / (111.0 * Math.Max(0.2, Math.Cos(from.Latitude * Math.PI / 180)));
        var near = await places
            .Where(p => p.Latitude >= from.Latitude - latDelta && p.Latitude <= from.Latitude + latDelta
                && p.Longitude >= from.Longitude - lonDelta && p.Longitude <= from.Longitude + lonDelta)
            .Select(PlaceCard.Projection).ToListAsync();
        var sorted = near
            .Select(c => c with { DistanceKm = Coordinates.DistanceKm(from.Latitude, from.Longitude, c.Latitude, c.Longitude) })
            .Where(c => c.DistanceKm <= Km.Value)
            .OrderBy(c => c.DistanceKm).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToList();
        HasNext = sorted.Count > PageSize;
        Places = [.. sorted.Take(PageSize)];
        return Page();
    }

    /// <summary>This page's address with another page number, every filter kept.</summary>
    public string PageLink(int number)
    {
        var query = Request.Query.Where(q => !string.Equals(q.Key, "p", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))
            .Append(new("p", number.ToString(CultureInfo.InvariantCulture)));
        return "/places" + new QueryBuilder(query).ToQueryString();
    }

}

/// <summary>A place as the list shows it.</summary>
public sealed record PlaceCard(
    Guid Id, string Name, PlaceCategory Category, string TownName, bool IsFree, PlaceAmenities Amenities, int ReviewCount,
    double Latitude, double Longitude, double? DistanceKm = null)
{
    public static readonly Expression<Func<Place, PlaceCard>> Projection = p =>
        new PlaceCard(p.Id, p.Name, p.Category, p.TownName, p.IsFree, p.Amenities, p.ReviewCount, p.Latitude, p.Longitude, null);
}

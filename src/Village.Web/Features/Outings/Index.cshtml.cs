using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Features.Profiles;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.Outings;

/// <summary>Upcoming outings near me: around the profile's town, or a town the visitor types; this week, this weekend
/// or the next 4 weeks; for a child's age, free, indoor, within a distance. A list, and a map when JavaScript is on.
/// Everything is in the query string, so a search is a link and works without JavaScript.</summary>
public sealed class IndexModel(ParentHomes homes, OutingSearch search, Gazetteer gazetteer, IStringLocalizer<Texts> t) : PageModel
{
    public const int TownMax = Gazetteer.MaxQueryLength;

    /// <summary>Ages offered in the filter besides the parent's own children, in months.</summary>
    public static readonly int[] AgeChoices = [0, 3, 6, 9, 12, 18, 24, 36, 48, 60];

    [BindProperty(SupportsGet = true, Name = "when")]
    public OutingPeriod When { get; set; }

    [BindProperty(SupportsGet = true, Name = "km")]
    public int Km { get; set; } = OutingSearch.DefaultKm;

    [BindProperty(SupportsGet = true, Name = "age")]
    public int? Age { get; set; }

    [BindProperty(SupportsGet = true, Name = "free")]
    public bool Free { get; set; }

    [BindProperty(SupportsGet = true, Name = "indoor")]
    public bool Indoor { get; set; }

    [BindProperty(SupportsGet = true, Name = "town")]
    public string? Town { get; set; }

    [BindProperty(SupportsGet = true, Name = "townId")]
    public string? TownId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int P { get; set; } = 1;

    /// <summary>The place the search is around: the profile's town or the town typed.</summary>
    public string? AroundName { get; private set; }

    public bool FromProfile { get; private set; }

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    /// <summary>The parent's children's ages in months (born ones), youngest first.</summary>
    public IReadOnlyList<int> ChildrenAges { get; private set; } = [];

    public OutingResults Results { get; private set; } = new([], false);

    public async Task<IActionResult> OnGetAsync()
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        Guid? viewer = signedIn ? User.MemberId() : null;
        if (!ModelState.IsValid || Town is { Length: > TownMax } || !OutingSearch.Distances.Contains(Km) || P < 1 || P > 1000 || Age is < 0 or > 72 || !Enum.IsDefined(When))
        {
            // Nonsense in the address (a hand-made link): one clear message, the form back with sane values.
            ModelState.Clear();
            ModelState.AddModelError("", t["Outings.BadFilters"]);
            Town = Town is { Length: > TownMax } ? Town[..TownMax] : Town;
            Km = OutingSearch.Distances.Contains(Km) ? Km : OutingSearch.DefaultKm;
            Age = Age is < 0 or > 72 ? null : Age;
            P = 1;
            When = Enum.IsDefined(When) ? When : OutingPeriod.Week;
            return this.InvalidPage();
        }

        double? lat = null, lon = null;
        if (viewer is Guid id)
        {
            if (await homes.ForAsync(id) is { } profile)
            {
                var today = DateOnly.FromDateTime(search.Now);
                ChildrenAges = [.. profile.Children.Select(c => c.AgeInMonths(today)).OfType<int>().Where(m => m <= 72).Distinct().Order()];
                if (profile is { Latitude: double plat, Longitude: double plon } && string.IsNullOrWhiteSpace(Town))
                {
                    (lat, lon, AroundName, FromProfile) = (plat, plon, profile.TownName, true);
                }
            }

            // The first visit is for the youngest child; the form always sends "age" (empty for every age).
            if (!Request.Query.ContainsKey("age") && ChildrenAges.Count > 0)
            {
                Age = ChildrenAges[0];
            }
        }

        if (lat is null && !string.IsNullOrWhiteSpace(Town))
        {
            var (town, choices) = gazetteer.Resolve(Town, TownId, null);
            if (town is null)
            {
                TownChoices = choices;
                ModelState.AddModelError("town", t[choices.Count == 0 ? "Outings.TownUnknown" : "Outings.TownChoose"]);
                return this.InvalidPage();
            }

            (lat, lon, AroundName, Town, TownId) = (town.Latitude, town.Longitude, town.Name, town.Label, town.Id);
        }

        if (lat is double latitude && lon is double longitude)
        {
            Results = await search.SearchAsync(search.For(latitude, longitude, Km, When, Age, Free, Indoor, P), viewer, HttpContext.RequestAborted);
        }

        return Page();
    }

    /// <summary>This search's address with some values changed (the period links, the next page).</summary>
    public string Link(OutingPeriod? when = null, int? page = null)
    {
        var values = new List<string>
        {
            $"when={when ?? When}",
            $"km={Km}",
            $"age={Age}",
        };
        if (Free)
        {
            values.Add("free=true");
        }

        if (Indoor)
        {
            values.Add("indoor=true");
        }

        if (!FromProfile && !string.IsNullOrWhiteSpace(Town))
        {
            values.Add($"town={Uri.EscapeDataString(Town)}");
            if (TownId is not null)
            {
                values.Add($"townId={Uri.EscapeDataString(TownId)}");
            }
        }

        if ((page ?? 1) > 1)
        {
            values.Add($"p={page}");
        }

        return "/outings?" + string.Join("&", values);
    }
}

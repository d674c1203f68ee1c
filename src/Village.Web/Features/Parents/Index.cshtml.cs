using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Features.Profiles;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Parents;

/// <summary>Parents nearby who chose to be visible, best suggestions first. The filters live in the query string:
/// a search is a link and works without JavaScript.</summary>
[Authorize]
public sealed class IndexModel(ParentDiscovery discovery, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "km")]
    public int Km { get; set; } = ParentDiscovery.DefaultKm;

    [BindProperty(SupportsGet = true, Name = "age")]
    public bool SameAge { get; set; }

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "interest")]
    public Interest? Interest { get; set; }

    [BindProperty(SupportsGet = true, Name = "free")]
    public Availability? Free { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int P { get; set; } = 1;

    /// <summary>The viewer's home and side, or null when they have no town yet.</summary>
    public Viewer? Viewer { get; private set; }

    public DiscoveryResults Results { get; private set; } = new([], 0, false);

    public DateOnly Today => discovery.Today;

    public bool Filtered => SameAge || Language is not null || Interest is not null || Free is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        Viewer = await discovery.ViewerAsync(User.MemberId(), HttpContext.RequestAborted);
        if (!ModelState.IsValid || !ParentDiscovery.Distances.Contains(Km) || P is < 1 or > 1000
            || (Language is not null && !Languages.IsKnown(Language))
            || (Interest is { } i && (i == Profiles.Interest.None || !Enum.IsDefined(i)))
            || (Free is { } f && (f == Availability.None || !Enum.IsDefined(f))))
        {
            // A hand-made address: one clear message, the form back with sane values.
            ModelState.Clear();
            ModelState.AddModelError("", t["Parents.BadFilters"]);
            Km = ParentDiscovery.Distances.Contains(Km) ? Km : ParentDiscovery.DefaultKm;
            Language = Language is not null && Languages.IsKnown(Language) ? Language : null;
            Interest = Interest is { } ii && ii != Profiles.Interest.None && Enum.IsDefined(ii) ? ii : null;
            Free = Free is { } ff && ff != Availability.None && Enum.IsDefined(ff) ? ff : null;
            P = 1;
            return this.InvalidPage();
        }

        if (Viewer is not null)
        {
            Results = await discovery.SearchAsync(Viewer, new DiscoveryFilters(Km, SameAge, Language, Interest, Free, P), HttpContext.RequestAborted);
        }

        return Page();
    }

    /// <summary>This search's address on another page.</summary>
    public string Link(int page)
    {
        var values = new List<string> { $"km={Km}" };
        if (SameAge)
        {
            values.Add("age=true");
        }

        if (Language is not null)
        {
            values.Add($"lang={Uri.EscapeDataString(Language)}");
        }

        if (Interest is not null)
        {
            values.Add($"interest={Interest}");
        }

        if (Free is not null)
        {
            values.Add($"free={Free}");
        }

        if (page > 1)
        {
            values.Add($"p={page}");
        }

        return "/parents?" + string.Join("&", values);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Circle;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.CheckIn;

/// <summary>"Besoin d'aide maintenant ?": open to anyone, no account. The emergency numbers first, then the listening
/// lines of a country: the one chosen (?country=BE), else the signed-in parent's, else the region of the browser's
/// language (fr-BE → BE), else France. A signed-in parent also sees help near them.</summary>
public sealed class HelpNowModel(VillageDb db, NearbyHelp nearby, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public CrisisLinesView Lines { get; private set; } = new(CrisisLines.Countries[0], []);

    public NearbyHelpView? Nearby { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync()
    {
        var invalid = Country is { Length: > 0 } && !CrisisLines.Countries.Contains(Country.ToUpperInvariant());
        var country = invalid || Country is not { Length: > 0 } ? await DefaultCountryAsync() : Country.ToUpperInvariant();
        Lines = await CrisisLines.ForCountryAsync(db, country, HttpContext.RequestAborted);
        if (SignedIn)
        {
            Nearby = await nearby.FindAsync(User.MemberId(), HttpContext.RequestAborted);
        }

        if (invalid)
        {
            // The lines are still shown: a wrong link must never hide them.
            ModelState.AddModelError("", t["CrisisLine.UnknownCountry"]);
            return this.InvalidPage();
        }

        return Page();
    }

    private async Task<string> DefaultCountryAsync()
    {
        if (SignedIn)
        {
            var id = User.MemberId();
            var profileCountry = await db.Profiles.AsNoTracking().Where(p => p.MemberId == id).Select(p => p.Country).FirstOrDefaultAsync();
            if (profileCountry?.ToUpperInvariant() is { } code && CrisisLines.Countries.Contains(code))
            {
                return code;
            }
        }

        var region = Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-') is [_, var r, ..] ? r.ToUpperInvariant() : null)
            .FirstOrDefault(r => r is not null && CrisisLines.Countries.Contains(r));
        return region ?? CrisisLines.Countries[0];
    }
}

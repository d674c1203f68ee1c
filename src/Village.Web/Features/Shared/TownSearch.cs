using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Features.Places;
using Village.Web.Features.Profiles;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Shared;

/// <summary>The optional town of a search page (/places, /services), bound as Input.TownQuery, Input.TownId and
/// Input.TownChoice.</summary>
public sealed class TownSearch
{
    [StringLength(Gazetteer.MaxQueryLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Profile.Town")]
    public string? TownQuery { get; set; }

    [StringLength(32)]
    public string? TownId { get; set; }

    [StringLength(32)]
    public string? TownChoice { get; set; }

    /// <summary>The towns to choose from when the typed name was ambiguous.</summary>
    [BindNever]
    public IReadOnlyList<Town> Choices { get; private set; } = [];

    /// <summary>Where the search measures from: the typed town, else the signed-in parent's home, else nowhere (null).
    /// A typed town the gazetteer does not know, or knows several of, leaves a message on the page and null.</summary>
    public async Task<SearchOrigin?> OriginAsync(PageModel page, Gazetteer gazetteer, ParentHomes homes, IStringLocalizer t)
    {
        if (!string.IsNullOrWhiteSpace(TownQuery))
        {
            (var town, Choices) = gazetteer.Resolve(TownQuery.Trim(), TownId, TownChoice);
            if (town is null)
            {
                page.ModelState.AddModelError("Input.TownQuery", Choices.Count == 0 ? t["Profile.TownNotFound"] : t["Profile.TownChoose"]);
                return null;
            }

            TownQuery = town.Label;
            TownId = town.Id;
            return new(town.Latitude, town.Longitude, town.Name, false);
        }

        return page.User.ViewerId() is { } viewerId && await homes.ForAsync(viewerId) is { Latitude: double lat, Longitude: double lon } home
            ? new(lat, lon, home.TownName, true)
            : null;
    }
}

/// <summary>The point a search measures distances from, and its town's name.</summary>
public sealed record SearchOrigin(double Latitude, double Longitude, string? TownName, bool IsHome);

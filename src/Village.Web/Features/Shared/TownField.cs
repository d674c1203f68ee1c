using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Shared;

/// <summary>What the town field shows: the typed town, the town picked in the autocomplete, and the towns to choose
/// from when the typed name was ambiguous. Forms bind it as Input.TownQuery, Input.TownId and Input.TownChoice.</summary>
public sealed record TownField(string? Query, string? TownId, IReadOnlyList<Town> Choices, string? HintId = null);

/// <summary>A form whose town is required: the input's own problems go on the page first, then the typed town is
/// looked up in the gazetteer, with a message when it is missing, unknown or ambiguous (then the towns to choose from).</summary>
public static class RequiredTown
{
    public static Town? Resolve(
        PageModel page, IEnumerable<(string Field, string MessageKey)> problems, string? query, string? townId, string? townChoice,
        string requiredKey, Gazetteer gazetteer, IStringLocalizer t, out IReadOnlyList<Town> choices)
    {
        choices = [];
        foreach (var (field, key) in problems)
        {
            page.ModelState.AddModelError(field, t[key]);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            page.ModelState.AddModelError("Input.TownQuery", t[requiredKey]);
            return null;
        }

        if (page.ModelState["Input.TownQuery"]?.Errors.Count > 0)
        {
            return null;
        }

        (var town, choices) = gazetteer.Resolve(query.Trim(), townId, townChoice);
        if (town is null)
        {
            page.ModelState.AddModelError("Input.TownQuery", choices.Count == 0 ? t["Profile.TownNotFound"] : t["Profile.TownChoose"]);
        }

        return town;
    }
}

using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Shared;

/// <summary>What the town field shows: the typed town, the town picked in the autocomplete, and the towns to choose
/// from when the typed name was ambiguous. Forms bind it as Input.TownQuery, Input.TownId and Input.TownChoice.</summary>
public sealed record TownField(string? Query, string? TownId, IReadOnlyList<Town> Choices, string? HintId = null);

using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>What _ListingForm shows: the input, the towns to choose from, and — when applying — the organisations
/// the member already works for (null on the edit page, where the organisation is fixed).</summary>
public sealed record ListingForm(
    ListingInput Input, IReadOnlyList<Town> TownChoices, IReadOnlyList<(Guid Id, string Name)>? Organizations, string Submit);

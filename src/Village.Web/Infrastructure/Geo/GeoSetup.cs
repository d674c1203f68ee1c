namespace Village.Web.Infrastructure.Geo;

public static class GeoSetup
{
    public static WebApplicationBuilder AddGeo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => Gazetteer.LoadEmbedded());
        return builder;
    }

    /// <summary>GET /api/towns?q=nam: the town autocomplete. Coordinates are already rounded in the gazetteer.</summary>
    public static void MapTowns(this WebApplication app) =>
        app.MapGet("/api/towns", (string? q, Gazetteer gazetteer) =>
                TypedResults.Ok(gazetteer.Search(q ?? "", 8).Select(t => new TownResult(t.Id, t.Label, t.Country, t.Latitude, t.Longitude))))
            .WithTags("Towns").WithName("SearchTowns")
            .WithSummary("Up to 8 towns whose name starts with q (accents and case ignored), the most populous first.");

    public sealed record TownResult(string Id, string Label, string Country, double Latitude, double Longitude);
}

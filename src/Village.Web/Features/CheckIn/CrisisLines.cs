using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.CheckIn;

/// <summary>The crisis lines a parent sees: those of their country, emergencies first.</summary>
public static class CrisisLines
{
    /// <summary>Countries with lines, in the order the "need help now" page offers them.</summary>
    public static readonly string[] Countries = ["FR", "BE", "LU", "CH"];

    public static async Task<CrisisLinesView> ForCountryAsync(VillageDb db, string? country, CancellationToken cancellationToken = default)
    {
        var code = Countries.Contains(country?.ToUpperInvariant()) ? country!.ToUpperInvariant() : Countries[0];
        var lines = await db.CrisisLines.AsNoTracking().Where(l => l.Country == code).OrderBy(l => l.Rank).ToListAsync(cancellationToken);
        return new CrisisLinesView(code, lines);
    }

    /// <summary>The lines first written into the database, from crisis-lines.json (embedded): read by the migration.</summary>
    public static IReadOnlyList<CrisisLine> Seed()
    {
        using var stream = typeof(CrisisLines).Assembly.GetManifestResourceStream("crisis-lines.json")
            ?? throw new InvalidOperationException("crisis-lines.json is not embedded.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        return JsonSerializer.Deserialize<SeedFile>(stream, options)!.Lines;
    }

    private sealed record SeedFile(List<CrisisLine> Lines);
}

/// <summary>A country's lines; <see cref="Emergencies"/> alone for "I am not safe right now".</summary>
public sealed record CrisisLinesView(string Country, IReadOnlyList<CrisisLine> Lines)
{
    public IEnumerable<CrisisLine> Emergencies => Lines.Where(l => l.IsEmergency);

    public IEnumerable<CrisisLine> Others => Lines.Where(l => !l.IsEmergency);
}

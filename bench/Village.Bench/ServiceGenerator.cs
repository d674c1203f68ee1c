using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Village.Web.Features.ServiceDirectory;

namespace Village.Bench;

/// <summary>
/// The directory part of <c>generate</c>: <c>--services</c> published support services (20,000 by default), one
/// organisation and one location each at a bench parent's home position (so they are spread like the parents), with
/// weekly hours (a third open on Saturday morning), languages (French always, Arabic for one in six, another for some),
/// free for about 60 %, one or two Village categories, and an age range for some. Marked by the organisations' URI
/// <see cref="OrganizationUri"/>, deleted and rebuilt on each run.
/// </summary>
internal static class ServiceGenerator
{
    public const string OrganizationUri = "urn:village-bench";

    private static readonly string[] Names = ["Maison verte", "Lieu d'accueil parents-enfants", "Consultation ONE", "Planning familial", "Halte-accueil", "Café-poussette", "Ligne d'écoute", "Sages-femmes du quartier"];

    private static readonly string[] OtherLanguages = ["nl", "en", "tr", "es", "pt", "pl"];

    private static readonly (string Days, int Opens, int Closes)[] Patterns =
    [
        ("MO,TU,TH,FR", 9, 17), ("TU,TH", 13, 17), ("MO,WE,FR", 9, 12), ("WE,SA", 9, 12), ("SA", 10, 13), ("MO,TU,WE,TH,FR", 8, 18), ("MO,TU,WE,TH,FR,SA,SU", 20, 2),
    ];

    public static async Task DeleteAsync(NpgsqlConnection conn)
    {
        await using var services = new NpgsqlCommand(
            $"DELETE FROM \"Services\" WHERE \"OrganizationId\" IN (SELECT \"Id\" FROM \"Organizations\" WHERE \"Uri\" = '{OrganizationUri}')", conn)
        { CommandTimeout = 900 };
        var deleted = await services.ExecuteNonQueryAsync();
        await using var organizations = new NpgsqlCommand($"DELETE FROM \"Organizations\" WHERE \"Uri\" = '{OrganizationUri}'", conn) { CommandTimeout = 900 };
        await organizations.ExecuteNonQueryAsync();
        if (deleted > 0)
        {
            Console.WriteLine($"Deleted {deleted:N0} earlier bench services.");
        }
    }

    public static async Task GenerateAsync(NpgsqlConnection conn, IReadOnlyList<(Guid Id, double Latitude, double Longitude, DateTime CreatedAt)> parents, int count, int seed, DateTime today)
    {
        var step = Stopwatch.StartNew();
        var random = new Random(seed + 3);
        var categories = VillageTaxonomy.Categories;
        var pregnancy = VillageTaxonomy.ByCode("pregnancy")!.Id;
        await using var organizations = await conn.BeginBinaryImportAsync(
            "COPY \"Organizations\" (\"Id\", \"Name\", \"Description\", \"Uri\", \"IsFictional\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)");
        var rows = new List<(Guid Org, Guid Service, Guid Location, double Lat, double Lon, string Name, DateTime At)>(count);
        for (var n = 0; n < count; n++)
        {
            var home = parents[random.Next(parents.Count)];
            var at = today.AddDays(-random.Next(1, 365));
            var row = (BenchData.Version7(random, at), BenchData.Version7(random, at), BenchData.Version7(random, at),
                home.Latitude + ((random.NextDouble() - 0.5) * 0.02), home.Longitude + ((random.NextDouble() - 0.5) * 0.02),
                $"{Names[random.Next(Names.Length)]} {n + 1}", at);
            rows.Add(row);
            await organizations.StartRowAsync();
            await organizations.WriteAsync(row.Item1, NpgsqlDbType.Uuid);
            await organizations.WriteAsync($"Association {n + 1}", NpgsqlDbType.Text);
            await organizations.WriteAsync("Une association qui accueille les familles.", NpgsqlDbType.Text);
            await organizations.WriteAsync(OrganizationUri, NpgsqlDbType.Text);
            await organizations.WriteAsync(true, NpgsqlDbType.Boolean);
            await organizations.WriteAsync(at, NpgsqlDbType.TimestampTz);
            await organizations.WriteAsync(at, NpgsqlDbType.TimestampTz);
        }

        await organizations.CompleteAsync();
        await organizations.DisposeAsync();

        await using (var services = await conn.BeginBinaryImportAsync(
            "COPY \"Services\" (\"Id\", \"OrganizationId\", \"Name\", \"Description\", \"Status\", \"MinimumAge\", \"MaximumAge\", \"LastModified\", \"TimeZone\", \"ListingStatus\", \"ToComplete\", \"CreatedAt\", \"PublishedAt\", \"AssuredDate\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await services.StartRowAsync();
                await services.WriteAsync(r.Service, NpgsqlDbType.Uuid);
                await services.WriteAsync(r.Org, NpgsqlDbType.Uuid);
                await services.WriteAsync(r.Name, NpgsqlDbType.Text);
                await services.WriteAsync("Un lieu où venir avec son enfant, sans rendez-vous, rencontrer d'autres parents.", NpgsqlDbType.Text);
                await services.WriteAsync((int)ServiceStatus.Active, NpgsqlDbType.Integer);
                var aged = random.NextDouble() < 0.3;
                await WriteNullableAsync(services, aged ? 0m : null, NpgsqlDbType.Numeric);
                await WriteNullableAsync(services, aged ? 6m : null, NpgsqlDbType.Numeric);
                await services.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
                await services.WriteAsync(DirectoryDefaults.TimeZone, NpgsqlDbType.Text);
                await services.WriteAsync((int)ListingStatus.Published, NpgsqlDbType.Integer);
                await services.WriteAsync(false, NpgsqlDbType.Boolean);
                await services.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
                await services.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
                await services.WriteAsync(DateOnly.FromDateTime(r.At), NpgsqlDbType.Date);
            }

            await services.CompleteAsync();
        }

        await using (var locations = await conn.BeginBinaryImportAsync(
            "COPY \"Locations\" (\"Id\", \"OrganizationId\", \"LocationType\", \"Name\", \"Latitude\", \"Longitude\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await locations.StartRowAsync();
                await locations.WriteAsync(r.Location, NpgsqlDbType.Uuid);
                await locations.WriteAsync(r.Org, NpgsqlDbType.Uuid);
                await locations.WriteAsync((int)LocationType.Physical, NpgsqlDbType.Integer);
                await locations.WriteAsync(r.Name, NpgsqlDbType.Text);
                await locations.WriteAsync(Math.Round(r.Lat, 4), NpgsqlDbType.Double);
                await locations.WriteAsync(Math.Round(r.Lon, 4), NpgsqlDbType.Double);
            }

            await locations.CompleteAsync();
        }

        await using (var links = await conn.BeginBinaryImportAsync(
            "COPY \"ServiceAtLocations\" (\"Id\", \"ServiceId\", \"LocationId\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await links.WriteRowAsync(default, BenchData.Version7(random, r.At), r.Service, r.Location);
            }

            await links.CompleteAsync();
        }

        await using (var addresses = await conn.BeginBinaryImportAsync(
            "COPY \"Addresses\" (\"Id\", \"LocationId\", \"Address1\", \"City\", \"StateProvince\", \"PostalCode\", \"Country\", \"AddressType\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await addresses.StartRowAsync();
                await addresses.WriteAsync(BenchData.Version7(random, r.At), NpgsqlDbType.Uuid);
                await addresses.WriteAsync(r.Location, NpgsqlDbType.Uuid);
                await addresses.WriteAsync($"{random.Next(1, 200)} rue de la Gare", NpgsqlDbType.Text);
                await addresses.WriteAsync("Ville", NpgsqlDbType.Text);
                await addresses.WriteAsync("Région", NpgsqlDbType.Text);
                await addresses.WriteAsync("5000", NpgsqlDbType.Text);
                await addresses.WriteAsync("BE", NpgsqlDbType.Text);
                await addresses.WriteAsync((int)LocationType.Physical, NpgsqlDbType.Integer);
            }

            await addresses.CompleteAsync();
        }

        var (schedules, languages, costs, terms) = (0, 0, 0, 0);
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY \"Schedules\" (\"Id\", \"ServiceId\", \"Freq\", \"ByDay\", \"OpensAt\", \"ClosesAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                var patterns = random.NextDouble() < 0.3 ? 2 : 1;
                foreach (var pattern in Enumerable.Range(0, patterns).Select(_ => Patterns[random.Next(Patterns.Length)]).Distinct())
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(BenchData.Version7(random, r.At), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(r.Service, NpgsqlDbType.Uuid);
                    await writer.WriteAsync((int)ScheduleFrequency.Weekly, NpgsqlDbType.Integer);
                    await writer.WriteAsync(pattern.Days, NpgsqlDbType.Text);
                    await writer.WriteAsync(new TimeOnly(pattern.Opens, 0), NpgsqlDbType.Time);
                    await writer.WriteAsync(new TimeOnly(pattern.Closes, 0), NpgsqlDbType.Time);
                    schedules++;
                }
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await conn.BeginBinaryImportAsync("COPY \"ServiceLanguages\" (\"Id\", \"ServiceId\", \"Code\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                var codes = new List<string> { "fr" };
                if (random.NextDouble() < 1 / 6.0)
                {
                    codes.Add("ar");
                }

                if (random.NextDouble() < 0.3)
                {
                    codes.Add(OtherLanguages[random.Next(OtherLanguages.Length)]);
                }

                foreach (var code in codes)
                {
                    await writer.WriteRowAsync(default, BenchData.Version7(random, r.At), r.Service, code);
                    languages++;
                }
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await conn.BeginBinaryImportAsync("COPY \"CostOptions\" (\"Id\", \"ServiceId\", \"Currency\", \"Amount\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await writer.WriteRowAsync(default, BenchData.Version7(random, r.At), r.Service, "EUR", random.NextDouble() < 0.6 ? 0m : random.Next(2, 30));
                costs++;
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await conn.BeginBinaryImportAsync("COPY \"ServiceTerms\" (\"Id\", \"ServiceId\", \"TaxonomyTermId\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                var ids = new HashSet<Guid> { categories[random.Next(categories.Count)].Id, categories[random.Next(categories.Count)].Id };
                if (random.NextDouble() < 0.2)
                {
                    ids.Add(pregnancy);
                }

                foreach (var id in ids)
                {
                    await writer.WriteRowAsync(default, BenchData.Version7(random, r.At), r.Service, id);
                    terms++;
                }
            }

            await writer.CompleteAsync();
        }

        Console.WriteLine($"Copied {rows.Count:N0} services ({schedules:N0} schedules, {languages:N0} languages, {costs:N0} costs, {terms:N0} categories) in {step.Elapsed.TotalSeconds:F1} s.");
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, decimal? value, NpgsqlDbType type) =>
        value is { } v ? writer.WriteAsync(v, type) : writer.WriteNullAsync();
}

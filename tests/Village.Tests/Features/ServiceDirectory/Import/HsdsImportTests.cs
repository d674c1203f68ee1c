using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Data;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.ServiceDirectory.Hsds;

namespace Village.Tests.Features.ServiceDirectory.Import;

/// <summary>A migrated database of the suite's provider, shared by one test class (each test uses ids of its own).</summary>
public sealed class ImportDatabase : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase database = TestDatabase.Create();

    public VillageDb NewContext() => database.NewContext();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.MigrateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => database.Dispose();
}

/// <summary>The HSDS import: JSON (one service, a list, a page envelope, HSDS 3.1 data) and the CSV datapackage
/// (folder and zip) land with all their parts; a re-import changes nothing; a changed file updates and removes what
/// it no longer lists; a bad file is refused with its lines and nothing is written.</summary>
public sealed class HsdsImportTests(ImportDatabase database) : IClassFixture<ImportDatabase>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task A_single_service_lands_published_with_all_its_parts()
    {
        var ids = new Ids();
        var result = await ImportAsync(Service(ids).ToJsonString(Indented));

        AssertSucceeded(result);
        Assert.Equal(new HsdsImportCount("services", 1, 0, 0), result.Counts[0]);
        await AssertLandedAsync(ids);
    }

    [Fact]
    public async Task A_list_and_a_page_envelope_land_and_a_shared_organization_and_location_are_stored_once()
    {
        var first = new Ids();
        var second = first with { Service = Guid.CreateVersion7(), Children = Guid.CreateVersion7() };
        var list = new JsonArray(Service(first), Service(second, "Halte-accueil Les Petits Pas"));

        AssertSucceeded(await ImportAsync(list.ToJsonString(Indented)));

        await AssertLandedAsync(first);
        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await db.Services.CountAsync(s => s.OrganizationId == first.Organization));
            Assert.Equal(1, await db.Organizations.CountAsync(o => o.Id == first.Organization));
            Assert.Equal(2, await db.ServiceAtLocations.CountAsync(s => s.LocationId == first.Location));
            Assert.Equal(1, await db.Addresses.CountAsync(a => a.LocationId == first.Location));
        }

        var third = new Ids();
        var envelope = new JsonObject
        {
            ["total_items"] = 1,
            ["total_pages"] = 1,
            ["page_number"] = 1,
            ["size"] = 1,
            ["first_page"] = true,
            ["last_page"] = true,
            ["empty"] = false,
            ["contents"] = new JsonArray(Service(third)),
        };
        var result = await ImportAsync(envelope.ToJsonString(Indented));
        AssertSucceeded(result);
        await AssertLandedAsync(third);
    }

    [Fact]
    public async Task An_organization_with_its_services_lands()
    {
        var ids = new Ids();
        var service = Service(ids);
        var organization = (JsonObject)service["organization"]!.DeepClone();
        service.Remove("organization");
        organization["services"] = new JsonArray(service);

        AssertSucceeded(await ImportAsync(organization.ToJsonString(Indented)));
        await AssertLandedAsync(ids);
    }

    [Fact]
    public async Task Hsds_3_1_data_loads_its_unknown_fields_ignored()
    {
        var ids = new Ids();
        var service = Service(ids);
        service["wait_time"] = "2 semaines";
        service["funding"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["source"] = "Région" });
        service["required_documents"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["document"] = "Carte d'identité" });
        service["program"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Petite enfance", ["description"] = "x" };
        service["metadata"] = new JsonArray();
        ((JsonObject)service["organization"]!)["organization_identifiers"] = new JsonArray(new JsonObject { ["identifier"] = "BE 0123.456.789" });
        ((JsonObject)service["organization"]!)["logo"] = "https://example.org/logo.png";
        var schedule = (JsonObject)service["schedules"]![0]!;
        schedule["schedule_link"] = "https://example.org/horaires";
        schedule["byweekno"] = "1";
        schedule["wkst"] = "MO";
        schedule["timezone"] = 1;
        var location = (JsonObject)service["service_at_locations"]![0]!["location"]!;
        location["attributes"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["link_entity"] = "location" });
        location["metadata"] = new JsonArray(new JsonObject { ["anything"] = new JsonObject { ["deep"] = new JsonArray(1, 2, "x") } });
        service["attributes"]!.AsArray().Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["link_entity"] = "organization", ["link_id"] = ids.Organization.ToString() });

        AssertSucceeded(await ImportAsync(service.ToJsonString(Indented)));
        await AssertLandedAsync(ids);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_file_updates_and_removes_what_it_no_longer_lists()
    {
        var ids = new Ids();
        var service = Service(ids);
        service.Remove("last_modified");
        var json = service.ToJsonString(Indented);
        AssertSucceeded(await ImportAsync(json, pending: true));
        var before = await SnapshotAsync();
        var stored = await ServiceAsync(ids.Service);
        Assert.Equal(ListingStatus.Pending, stored.ListingStatus);

        var again = await ImportAsync(json);

        AssertSucceeded(again);
        Assert.Equal(new HsdsImportCount("services", 0, 0, 1), again.Counts[0]);
        Assert.All(again.Counts, c => Assert.Equal((0, 0), (c.Created, c.Updated)));
        Assert.Equal(before, await SnapshotAsync());
        var unchanged = await ServiceAsync(ids.Service);
        Assert.Equal(stored.LastModified, unchanged.LastModified);
        Assert.Equal(ListingStatus.Pending, unchanged.ListingStatus);

        service["name"] = "Maison verte (nouveau nom)";
        service["phones"] = new JsonArray();
        service["languages"]!.AsArray().RemoveAt(1);
        ((JsonObject)service["schedules"]![0]!)["closes_at"] = "12:30";
        var location = (JsonObject)service["service_at_locations"]![0]!["location"]!;
        location.Remove("accessibility");

        var changed = await ImportAsync(service.ToJsonString(Indented));

        AssertSucceeded(changed);
        Assert.Equal(new HsdsImportCount("services", 0, 1, 0), changed.Counts[0]);
        var updated = await ServiceAsync(ids.Service);
        Assert.Equal("Maison verte (nouveau nom)", updated.Name);
        Assert.True(updated.LastModified > stored.LastModified);
        Assert.Equal(ListingStatus.Published, updated.ListingStatus);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Phones.CountAsync(p => p.ServiceId == ids.Service));
        Assert.Equal(["fr"], await db.ServiceLanguages.Where(l => l.ServiceId == ids.Service).Select(l => l.Code).ToListAsync());
        Assert.Equal(new TimeOnly(12, 30), (await db.Schedules.SingleAsync(s => s.Id == Child(ids, 20))).ClosesAt);
        Assert.Equal(0, await db.Accessibility.CountAsync(a => a.LocationId == ids.Location));
        Assert.Equal(1, await db.Phones.CountAsync(p => p.ContactId == Child(ids, 60)));
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_at_its_line_and_nothing_is_written()
    {
        var json = $$"""
            [
              {
                "id": "{{Guid.CreateVersion7()}}",
                "name": "Sans virgule"
                "status": "active"
              }
            ]
            """;
        var before = await SnapshotAsync();

        var result = await ImportAsync(json);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("line 5, column 5: not valid JSON", error, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Errors_name_their_line_and_path_and_nothing_of_the_file_is_written()
    {
        var good = new Ids();
        var nameless = new Ids();
        var badTime = new Ids();
        var dangling = new Ids();
        var missingTerm = Guid.CreateVersion7();
        var noName = Service(nameless);
        noName.Remove("name");
        var lateHours = Service(badTime);
        ((JsonObject)lateHours["schedules"]![0]!)["opens_at"] = "25:00";
        var unknownOrganization = Service(dangling);
        unknownOrganization.Remove("organization");
        var danglingTerm = Service(new Ids());
        ((JsonObject)danglingTerm["attributes"]![0]!).Remove("taxonomy_term");
        ((JsonObject)danglingTerm["attributes"]![0]!)["taxonomy_term_id"] = missingTerm.ToString();
        var json = new JsonArray(Service(good), noName, lateHours, unknownOrganization, danglingTerm).ToJsonString(Indented);
        var before = await SnapshotAsync();

        var result = await ImportAsync(json);

        Assert.False(result.Succeeded);
        var nameLine = LineOf(json, $"\"id\": \"{nameless.Service}\"") - 1;
        Assert.Contains($"line {nameLine}, column 3: services[1].name: is required", result.Errors);
        Assert.Contains(result.Errors, e => e.StartsWith($"line {LineOf(json, "25:00")}, ", StringComparison.Ordinal)
            && e.Contains("services[2].schedules[0].opens_at: '25:00' is not a time", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith($"line {LineOf(json, $"\"organization_id\": \"{dangling.Organization}\"")}, ", StringComparison.Ordinal)
            && e.Contains($"services[3].organization_id: no organization with the id {dangling.Organization}", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith($"line {LineOf(json, missingTerm.ToString())}, ", StringComparison.Ordinal)
            && e.Contains("services[4].attributes[0].taxonomy_term_id: no taxonomy term", StringComparison.Ordinal));
        Assert.Equal(4, result.ErrorCount);
        Assert.Equal(before, await SnapshotAsync());
        await using var db = database.NewContext();
        Assert.False(await db.Services.AnyAsync(s => s.Id == good.Service));
    }

    [Fact]
    public async Task Bad_values_are_errors_enums_emails_dates_numbers_and_links()
    {
        var service = Service(new Ids());
        service["status"] = "open";
        service["email"] = "pas une adresse";
        service["url"] = "javascript:alert(1)";
        service["assured_date"] = "01/10/2026";
        service["minimum_age"] = "deux";
        ((JsonObject)service["schedules"]![0]!)["byday"] = "LUNDI";
        ((JsonObject)service["service_at_locations"]![0]!["location"]!)["location_type"] = "outdoor";
        ((JsonObject)service["service_at_locations"]![0]!["location"]!)["latitude"] = 123;
        ((JsonObject)service["phones"]![0]!)["number"] = "";
        service["id"] = "not-a-uuid";

        var result = await ImportAsync(service.ToJsonString(Indented));

        Assert.False(result.Succeeded);
        foreach (var expected in new[]
        {
            "service.status: 'open' is not one of",
            "service.email: 'pas une adresse' is not an email address",
            "service.url: 'javascript:alert(1)' is not a web address",
            "service.assured_date: '01/10/2026' is not a date",
            "service.minimum_age: 'deux' is not a number",
            "service.schedules[0].byday: 'LUNDI' is not a list of days",
            "service.service_at_locations[0].location.location_type: 'outdoor' is not one of",
            "service.service_at_locations[0].location.latitude: '123' is not between -90 and 90",
            "service.phones[0].number: is required",
            "service.id: 'not-a-uuid' is not a UUID",
        })
        {
            Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Hostile_strings_are_stored_as_text_and_too_long_ones_are_errors()
    {
        var ids = new Ids();
        var service = Service(ids);
        const string script = "<script>alert('x')</script>";
        const string sql = "Robert'); DROP TABLE \"Services\";--";
        const string unicode = "\u202Egnp.exe\u200B ẞ 𝔘𝔫𝔦 👶🏽 ﷽ e\u0301";
        service["name"] = script;
        service["description"] = sql;
        service["alert"] = unicode;
        ((JsonObject)service["organization"]!)["name"] = unicode;

        AssertSucceeded(await ImportAsync(service.ToJsonString(Indented)));

        var stored = await ServiceAsync(ids.Service);
        Assert.Equal((script, sql, unicode), (stored.Name, stored.Description, stored.Alert));
        await using (var db = database.NewContext())
        {
            Assert.Equal(unicode, (await db.Organizations.SingleAsync(o => o.Id == ids.Organization)).Name);
        }

        var tooLong = Service(new Ids());
        tooLong["name"] = new string('a', 201);
        tooLong["description"] = new string('b', 100_000);
        tooLong["alert"] = "nul\0char";
        var before = await SnapshotAsync();

        var result = await ImportAsync(tooLong.ToJsonString(Indented));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.EndsWith("service.name: is 201 characters long, more than 200", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.EndsWith("service.description: is 100000 characters long, more than 4000", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.EndsWith("service.alert: contains a NUL character", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_csv_datapackage_lands_from_a_folder_and_from_a_zip_and_again_changes_nothing()
    {
        var ids = new Ids();
        var folder = Directory.CreateTempSubdirectory("hsds-csv-").FullName;
        try
        {
            WritePackage(folder, ids);

            var result = await ImportPathAsync(folder);

            AssertSucceeded(result);
            await AssertLandedAsync(ids, tabular: true);
            await using (var db = database.NewContext())
            {
                var service = await db.Services.SingleAsync(s => s.Id == ids.Service);
                Assert.Equal("Un lieu pour souffler, jouer, \"papoter\",\r\net rencontrer d'autres parents.", service.Description);
            }

            var before = await SnapshotAsync();
            var again = await ImportPathAsync(Path.Combine(folder, "datapackage.json"));
            AssertSucceeded(again);
            Assert.All(again.Counts, c => Assert.Equal((0, 0), (c.Created, c.Updated)));
            Assert.Equal(before, await SnapshotAsync());

            var zipped = new Ids();
            var inner = Directory.CreateTempSubdirectory("hsds-zip-").FullName;
            WritePackage(Path.Combine(inner, "export"), zipped);
            var zip = Path.Combine(folder, "..", $"hsds-{zipped.Service}.zip");
            ZipFile.CreateFromDirectory(inner, zip);
            Directory.Delete(inner, recursive: true);

            var fromZip = await ImportPathAsync(zip);
            File.Delete(zip);

            AssertSucceeded(fromZip);
            await AssertLandedAsync(zipped, tabular: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Csv_errors_name_the_file_line_and_column_and_nothing_is_written()
    {
        var ids = new Ids();
        var folder = Directory.CreateTempSubdirectory("hsds-csv-").FullName;
        try
        {
            WritePackage(folder, ids);
            File.WriteAllText(Path.Combine(folder, "schedules.csv"), $"""
                id,service_id,freq,byday,opens_at,closes_at,description
                {Child(ids, 20)},{ids.Service},WEEKLY,"MO,WE",09:00,12:00,"Le matin"
                {Child(ids, 21)},{ids.Service},WEEKLY,TU,25:00,18:00,
                """);
            File.AppendAllText(Path.Combine(folder, "phones.csv"), $"{Child(ids, 90)},{Guid.CreateVersion7()},,,,,+32 81 99 99 99,,voice,\n");
            var before = await SnapshotAsync();

            var result = await ImportPathAsync(folder);

            Assert.False(result.Succeeded);
            Assert.Contains("schedules.csv line 3, column 85: opens_at: '25:00' is not a time (HH:mm)", result.Errors);
            Assert.Contains(result.Errors, e => e.StartsWith("phones.csv line 5, column 38: service_id: no service with the id", StringComparison.Ordinal));
            Assert.Equal(2, result.ErrorCount);
            Assert.Equal(before, await SnapshotAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_csv_reader_follows_rfc_4180()
    {
        var csv = "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n3,z,\"\"";

        var rows = HsdsCsv.Parse(csv, "t.csv");

        Assert.Equal(4, rows.Count);
        Assert.Equal(["a", "b", "c"], rows[0].Select(f => f.Value));
        Assert.Equal(["1", "x, y", "say \"hi\""], rows[1].Select(f => f.Value));
        Assert.Equal(["2", "two\nlines", ""], rows[2].Select(f => f.Value));
        Assert.Equal(["3", "z", ""], rows[3].Select(f => f.Value));
        Assert.Equal((5, 1), (rows[3][0].Line, rows[3][0].Column));
        Assert.Equal((2, 3), (rows[1][1].Line, rows[1][1].Column));
        var unclosed = Assert.Throws<HsdsFormatException>(() => HsdsCsv.Parse("a,b\n1,\"open\n", "u.csv"));
        Assert.Equal("u.csv line 2, column 3: a quoted field is never closed", unclosed.Message);
    }

    [Fact]
    public async Task Twenty_thousand_services_load_in_one_import()
    {
        var organization = Guid.CreateVersion7();
        var builder = new StringBuilder("[");
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append(i == 0 ? "\n" : ",\n").Append(CultureInfoInvariant($$"""
                {"id":"{{Guid.CreateVersion7()}}","name":"Service {{i}}","status":"active","organization":{"id":"{{organization}}","name":"Grande fédération","description":"Un réseau"},"schedules":[{"id":"{{Guid.CreateVersion7()}}","freq":"WEEKLY","byday":"MO","opens_at":"09:00","closes_at":"12:00"}]}
                """));
        }

        builder.Append("\n]");

        var result = await ImportAsync(builder.ToString());

        AssertSucceeded(result);
        Assert.Equal(new HsdsImportCount("services", 20_000, 0, 0), result.Counts[0]);
        await using var db = database.NewContext();
        Assert.Equal(20_000, await db.Services.CountAsync(s => s.OrganizationId == organization));
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    // ---- the data ----

    /// <summary>The ids of one service's records: children ids are derived from <see cref="Children"/>.</summary>
    private sealed record Ids
    {
        public Guid Service { get; init; } = Guid.CreateVersion7();

        public Guid Organization { get; init; } = Guid.CreateVersion7();

        public Guid Location { get; init; } = Guid.CreateVersion7();

        public Guid Term { get; init; } = Guid.CreateVersion7();

        public Guid Taxonomy { get; init; } = Guid.CreateVersion7();

        public Guid Children { get; init; } = Guid.CreateVersion7();

        /// <summary>The location's own children, shared by the services at it.</summary>
        public Guid LocationChildren { get; init; } = Guid.CreateVersion7();
    }

    private static Guid Child(Ids ids, int n) => Derive(ids.Children, n);

    private static Guid LocationChild(Ids ids, int n) => Derive(ids.LocationChildren, n);

    private static Guid Derive(Guid root, int n)
    {
        var bytes = root.ToByteArray();
        bytes[^1] = (byte)n;
        return new Guid(bytes);
    }

    private static readonly Guid DropIn = VillageTaxonomy.ByCode("drop-in")!.Id;

    private static JsonObject Service(Ids ids, string name = "Maison verte du Parc") => new()
    {
        ["id"] = ids.Service.ToString(),
        ["organization_id"] = ids.Organization.ToString(),
        ["name"] = name,
        ["description"] = "Un lieu d'accueil pour les parents et leurs enfants de moins de 4 ans.",
        ["url"] = "https://example.org/maison-verte",
        ["email"] = "accueil@example.org",
        ["status"] = "active",
        ["application_process"] = "Venez sans rendez-vous.",
        ["minimum_age"] = 0,
        ["maximum_age"] = 3.5,
        ["assured_date"] = "2026-10-01",
        ["last_modified"] = "2026-11-01T10:00:00.000Z",
        ["organization"] = new JsonObject
        {
            ["id"] = ids.Organization.ToString(),
            ["name"] = "Les Amis de la Maison verte",
            ["description"] = "Une association de quartier.",
            ["website"] = "https://example.org",
            ["phones"] = new JsonArray(new JsonObject { ["id"] = Derive(ids.Organization, 1).ToString(), ["number"] = "+32 81 11 11 11" }),
        },
        ["phones"] = new JsonArray(new JsonObject { ["id"] = Child(ids, 10).ToString(), ["number"] = "+32 81 22 22 22", ["type"] = "voice" }),
        ["schedules"] = new JsonArray(
            new JsonObject { ["id"] = Child(ids, 20).ToString(), ["freq"] = "WEEKLY", ["byday"] = "MO,WE", ["opens_at"] = "09:00", ["closes_at"] = "12:00" },
            new JsonObject { ["id"] = Child(ids, 21).ToString(), ["valid_from"] = "2026-12-24", ["valid_to"] = "2027-01-02", ["description"] = "Fermé pendant les fêtes" }),
        ["languages"] = new JsonArray(
            new JsonObject { ["id"] = Child(ids, 30).ToString(), ["name"] = "français", ["code"] = "fr" },
            new JsonObject { ["id"] = Child(ids, 31).ToString(), ["name"] = "arabe", ["code"] = "ar" }),
        ["cost_options"] = new JsonArray(new JsonObject { ["id"] = Child(ids, 40).ToString(), ["amount"] = 0, ["currency"] = "EUR", ["option"] = "Gratuit" }),
        ["service_areas"] = new JsonArray(new JsonObject { ["id"] = Child(ids, 50).ToString(), ["name"] = "Namur" }),
        ["contacts"] = new JsonArray(new JsonObject
        {
            ["id"] = Child(ids, 60).ToString(),
            ["name"] = "Accueil",
            ["email"] = "contact@example.org",
            ["phones"] = new JsonArray(new JsonObject { ["id"] = Child(ids, 61).ToString(), ["number"] = "+32 81 33 33 33" }),
        }),
        ["service_at_locations"] = new JsonArray(new JsonObject
        {
            ["id"] = Child(ids, 70).ToString(),
            ["location"] = new JsonObject
            {
                ["id"] = ids.Location.ToString(),
                ["location_type"] = "physical",
                ["name"] = "Maison de quartier",
                ["latitude"] = 50.4669,
                ["longitude"] = 4.8675,
                ["addresses"] = new JsonArray(new JsonObject
                {
                    ["id"] = LocationChild(ids, 1).ToString(),
                    ["address_1"] = "Rue de Fer 1",
                    ["city"] = "Namur",
                    ["state_province"] = "Namur",
                    ["postal_code"] = "5000",
                    ["country"] = "BE",
                    ["address_type"] = "physical",
                }),
                ["accessibility"] = new JsonArray(new JsonObject { ["id"] = LocationChild(ids, 2).ToString(), ["description"] = "Entrée de plain-pied, parking poussettes" }),
            },
        }),
        ["attributes"] = new JsonArray(
            new JsonObject
            {
                ["id"] = Child(ids, 80).ToString(),
                ["link_id"] = ids.Service.ToString(),
                ["link_entity"] = "service",
                ["link_type"] = "category",
                ["taxonomy_term_id"] = DropIn.ToString(),
                ["taxonomy_term"] = new JsonObject { ["id"] = DropIn.ToString(), ["name"] = "Renamed by someone", ["description"] = "x" },
            },
            new JsonObject
            {
                ["id"] = Child(ids, 81).ToString(),
                ["link_entity"] = "service",
                ["taxonomy_term_id"] = ids.Term.ToString(),
                ["taxonomy_term"] = new JsonObject
                {
                    ["id"] = ids.Term.ToString(),
                    ["name"] = "Soutien à la parentalité",
                    ["description"] = "",
                    ["taxonomy_detail"] = new JsonObject { ["id"] = ids.Taxonomy.ToString(), ["name"] = "Open Eligibility", ["description"] = "Une taxonomie ouverte" },
                },
            }),
    };

    /// <summary>The same service as <see cref="Service"/>, as an HSDS tabular datapackage.</summary>
    private static void WritePackage(string folder, Ids ids)
    {
        Directory.CreateDirectory(folder);
        void Write(string file, string text) => File.WriteAllText(Path.Combine(folder, file), text.ReplaceLineEndings("\r\n") + "\r\n", new UTF8Encoding(true));
        File.WriteAllText(Path.Combine(folder, "datapackage.json"), """
            {"name": "village-test", "resources": [
              {"name": "services", "path": "services.csv"},
              {"name": "service_at_locations", "path": "service_at_location.csv"},
              {"name": "funding", "path": "funding.csv"}
            ]}
            """);
        Write("organizations.csv", $"""
            id,name,description,website,tax_id
            {ids.Organization},Les Amis de la Maison verte,Une association de quartier.,https://example.org,BE0123
            """);
        Write("services.csv", $"""
            id,organization_id,name,description,url,email,status,minimum_age,maximum_age,assured_date,last_modified,wait_time
            {ids.Service},{ids.Organization},Maison verte du Parc,"Un lieu pour souffler, jouer, ""papoter"",
            et rencontrer d'autres parents.",https://example.org/maison-verte,accueil@example.org,active,0,3.5,2026-10-01,2026-11-01T10:00:00.000Z,
            """);
        Write("locations.csv", $"""
            id,location_type,name,latitude,longitude
            {ids.Location},physical,Maison de quartier,50.4669,4.8675
            """);
        Write("service_at_location.csv", $"""
            id,service_id,location_id,description
            {Child(ids, 70)},{ids.Service},{ids.Location},
            """);
        Write("addresses.csv", $"""
            id,location_id,attention,address_1,address_2,city,region,state_province,postal_code,country,address_type
            {LocationChild(ids, 1)},{ids.Location},,Rue de Fer 1,,Namur,,Namur,5000,BE,physical
            """);
        Write("accessibility.csv", $"""
            id,location_id,description
            {LocationChild(ids, 2)},{ids.Location},"Entrée de plain-pied, parking poussettes"
            """);
        Write("phones.csv", $"""
            id,service_id,location_id,organization_id,contact_id,service_at_location_id,number,extension,type,description
            {Derive(ids.Organization, 1)},,,{ids.Organization},,,+32 81 11 11 11,,,
            {Child(ids, 10)},{ids.Service},,,,,+32 81 22 22 22,,voice,
            {Child(ids, 61)},,,,{Child(ids, 60)},,+32 81 33 33 33,,,
            """);
        Write("schedules.csv", $"""
            id,service_id,freq,byday,opens_at,closes_at,valid_from,valid_to,description
            {Child(ids, 20)},{ids.Service},WEEKLY,"MO,WE",09:00,12:00,,,
            {Child(ids, 21)},{ids.Service},,,,,2026-12-24,2027-01-02,Fermé pendant les fêtes
            """);
        Write("languages.csv", $"""
            id,service_id,location_id,phone_id,name,code,note
            {Child(ids, 30)},{ids.Service},,,français,fr,
            {Child(ids, 31)},{ids.Service},,,arabe,ar,
            """);
        Write("cost_options.csv", $"""
            id,service_id,option,currency,amount
            {Child(ids, 40)},{ids.Service},Gratuit,EUR,0
            """);
        Write("service_areas.csv", $"""
            id,service_id,name
            {Child(ids, 50)},{ids.Service},Namur
            """);
        Write("contacts.csv", $"""
            id,service_id,name,email
            {Child(ids, 60)},{ids.Service},Accueil,contact@example.org
            """);
        Write("taxonomies.csv", $"""
            id,name,description
            {ids.Taxonomy},Open Eligibility,Une taxonomie ouverte
            """);
        Write("taxonomy_terms.csv", $"""
            id,name,description,taxonomy_id
            {ids.Term},Soutien à la parentalité,,{ids.Taxonomy}
            """);
        Write("attributes.csv", $"""
            id,link_id,link_type,link_entity,taxonomy_term_id,value
            {Child(ids, 80)},{ids.Service},category,service,{DropIn},
            {Child(ids, 81)},{ids.Service},,service,{ids.Term},
            {Guid.CreateVersion7()},{ids.Location},,location,{ids.Term},
            """);
    }

    // ---- helpers ----

    private async Task<HsdsImportResult> ImportAsync(string json, bool pending = false)
    {
        await using var db = database.NewContext();
        return await new HsdsImport(db, TimeProvider.System).ImportJsonAsync(Encoding.UTF8.GetBytes(json), pending);
    }

    private async Task<HsdsImportResult> ImportPathAsync(string path)
    {
        await using var db = database.NewContext();
        return await new HsdsImport(db, TimeProvider.System).ImportAsync(path);
    }

    private static void AssertSucceeded(HsdsImportResult result) =>
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

    private async Task<Service> ServiceAsync(Guid id)
    {
        await using var db = database.NewContext();
        return await db.Services.SingleAsync(s => s.Id == id);
    }

    /// <summary>Every row of the directory, counted table by table.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = database.NewContext();
        return string.Join(",", new[]
        {
            await db.Organizations.CountAsync(), await db.Services.CountAsync(), await db.Locations.CountAsync(),
            await db.ServiceAtLocations.CountAsync(), await db.Addresses.CountAsync(), await db.Accessibility.CountAsync(),
            await db.Phones.CountAsync(), await db.Contacts.CountAsync(), await db.Schedules.CountAsync(),
            await db.ServiceLanguages.CountAsync(), await db.CostOptions.CountAsync(), await db.ServiceAreas.CountAsync(),
            await db.Taxonomies.CountAsync(), await db.TaxonomyTerms.CountAsync(), await db.ServiceTerms.CountAsync(),
        });
    }

    private async Task AssertLandedAsync(Ids ids, bool tabular = false)
    {
        await using var db = database.NewContext();
        var service = await db.Services.SingleAsync(s => s.Id == ids.Service);
        Assert.Equal(ids.Organization, service.OrganizationId);
        Assert.Equal((ServiceStatus.Active, ListingStatus.Published), (service.Status, service.ListingStatus));
        Assert.NotNull(service.PublishedAt);
        Assert.Equal("https://example.org/maison-verte", service.Url);
        Assert.Equal((0m, 3.5m), (service.MinimumAge, service.MaximumAge));
        Assert.Equal(new DateOnly(2026, 10, 1), service.AssuredDate);
        Assert.Equal(new DateTime(2026, 11, 1, 10, 0, 0), service.LastModified);
        Assert.Equal("Europe/Brussels", service.TimeZone);

        var organization = await db.Organizations.SingleAsync(o => o.Id == ids.Organization);
        Assert.Equal("Les Amis de la Maison verte", organization.Name);
        Assert.Equal("+32 81 11 11 11", (await db.Phones.SingleAsync(p => p.OrganizationId == ids.Organization)).Number);

        var phone = await db.Phones.SingleAsync(p => p.ServiceId == ids.Service);
        Assert.Equal(("+32 81 22 22 22", "voice"), (phone.Number, phone.Type));
        var schedules = await db.Schedules.Where(s => s.ServiceId == ids.Service).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(2, schedules.Count);
        var weekly = schedules.Single(s => s.Id == Child(ids, 20));
        Assert.Equal((ScheduleFrequency.Weekly, "MO,WE", new TimeOnly(9, 0), new TimeOnly(12, 0)), (weekly.Freq!.Value, weekly.ByDay, weekly.OpensAt!.Value, weekly.ClosesAt!.Value));
        var closure = schedules.Single(s => s.Id == Child(ids, 21));
        Assert.Equal((new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 2), null, null), (closure.ValidFrom!.Value, closure.ValidTo!.Value, closure.OpensAt, closure.Freq));
        Assert.Equal(["ar", "fr"], (await db.ServiceLanguages.Where(l => l.ServiceId == ids.Service).Select(l => l.Code).ToListAsync()).Order());
        var cost = await db.CostOptions.SingleAsync(c => c.ServiceId == ids.Service);
        Assert.Equal((0m, "EUR", "Gratuit"), (cost.Amount!.Value, cost.Currency, cost.Option));
        Assert.Equal("Namur", (await db.ServiceAreas.SingleAsync(a => a.ServiceId == ids.Service)).Name);
        var contact = await db.Contacts.SingleAsync(c => c.ServiceId == ids.Service);
        Assert.Equal(("Accueil", "contact@example.org"), (contact.Name, contact.Email));
        Assert.Equal("+32 81 33 33 33", (await db.Phones.SingleAsync(p => p.ContactId == contact.Id)).Number);

        var atLocation = await db.ServiceAtLocations.SingleAsync(s => s.ServiceId == ids.Service);
        Assert.Equal(ids.Location, atLocation.LocationId);
        var location = await db.Locations.SingleAsync(l => l.Id == ids.Location);
        Assert.Equal((LocationType.Physical, "Maison de quartier", 50.4669, 4.8675), (location.LocationType, location.Name, location.Latitude!.Value, location.Longitude!.Value));
        var address = await db.Addresses.SingleAsync(a => a.LocationId == ids.Location);
        Assert.Equal(("Rue de Fer 1", "Namur", "5000", "BE", LocationType.Physical), (address.Address1, address.City, address.PostalCode, address.Country, address.AddressType));
        Assert.Equal("Entrée de plain-pied, parking poussettes", (await db.Accessibility.SingleAsync(a => a.LocationId == ids.Location)).Description);

        var terms = await db.ServiceTerms.Where(t => t.ServiceId == ids.Service).Select(t => t.TaxonomyTermId).ToListAsync();
        Assert.Equal(new[] { DropIn, ids.Term }.Order(), terms.Order());
        Assert.Equal("Lieu d'accueil enfants-parents", (await db.TaxonomyTerms.SingleAsync(t => t.Id == DropIn)).Name);
        var term = await db.TaxonomyTerms.SingleAsync(t => t.Id == ids.Term);
        Assert.Equal(("Soutien à la parentalité", ids.Taxonomy), (term.Name, term.TaxonomyId!.Value));
        Assert.Equal("Open Eligibility", (await db.Taxonomies.SingleAsync(t => t.Id == ids.Taxonomy)).Name);
        if (!tabular)
        {
            Assert.Equal("Un lieu d'accueil pour les parents et leurs enfants de moins de 4 ans.", service.Description);
        }
    }

    private static int LineOf(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, marker);
        return text[..at].Count(c => c == '\n') + 1;
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.ServiceDirectory.Hsds;

namespace Village.Tests.Features.ServiceDirectory.Api;

/// <summary>/api/hsds: every answer conforms to the HSDS 3.0 schemas (ajv), has no null, is open to any origin; only
/// published services show; pages, filters, bad parameters and unknown ids; and the export file.</summary>
public sealed class HsdsApiTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private readonly List<(string Label, string Schema, JsonNode Data)> checks = [];

    [Fact]
    public async Task Every_endpoint_answers_HSDS_that_validates_without_nulls_and_never_shows_a_pending_service()
    {
        var token = Token();
        var (organization, service) = await RichServiceAsync($"{token} Maison verte <script>alert(1)</script> — été 👶");
        var (_, pending) = await factory.AddServiceAsync(new($"{token} En attente", OutingData.NewSpot()) { Listing = ListingStatus.Pending });
        var at = await factory.QueryAsync(db => Task.FromResult(db.ServiceAtLocations.Single(x => x.ServiceId == service.Id)));
        var term = VillageTaxonomy.ByCode("drop-in")!.Id;
        using var visitor = factory.NewBrowser();

        var info = await JsonAsync(visitor, "/api/hsds");
        Assert.Equal("3.0", (string?)info["version"]);
        Assert.StartsWith("https://", (string)info["openapi_url"]!, StringComparison.Ordinal);

        foreach (var query in new[] { "", "&full=true", "&minimal=true" })
        {
            var page = await PageAsync(visitor, $"/api/hsds/services?search={token}{query}", "service.json");
            var only = Assert.Single(page["contents"]!.AsArray())!;
            Assert.Equal(service.Id.ToString(), (string?)only["id"]);
            Assert.Equal("active", (string?)only["status"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)only["last_modified"]!);
            if (query == "&minimal=true")
            {
                Assert.Equal(["id", "name", "status", "last_modified"], only.AsObject().Select(p => p.Key));
            }
        }

        var full = await OneAsync(visitor, $"/api/hsds/services/{service.Id}", "service.json");
        Assert.Equal($"{token} Maison verte <script>alert(1)</script> — été 👶", (string?)full["name"]);
        Assert.Equal(organization.Id.ToString(), (string?)full["organization"]!["id"]);
        Assert.Null(full["alternate_name"]);
        var schedules = full["schedules"]!.AsArray();
        Assert.Contains(schedules, s => (string?)s!["freq"] == "WEEKLY" && (string?)s["byday"] == "MO,TU,WE,TH,FR"
            && (string?)s["opens_at"] == "09:00" && (string?)s["closes_at"] == "17:00");
        var closure = Assert.Single(schedules, s => s!["valid_from"] is not null)!;
        Assert.Equal("2026-08-01", (string?)closure["valid_from"]);
        Assert.Equal("2026-08-15", (string?)closure["valid_to"]);
        Assert.Null(closure["opens_at"]);
        Assert.Null(closure["timezone"]);
        var location = full["service_at_locations"]![0]!["location"]!;
        Assert.Equal("physical", (string?)location["location_type"]);
        Assert.Equal("5000", (string?)location["addresses"]![0]!["postal_code"]);
        Assert.Single(location["accessibility"]!.AsArray());
        Assert.Single(location["phones"]!.AsArray());
        Assert.Equal("081 00 00 00", (string?)full["phones"]![0]!["number"]);
        Assert.Equal("Accueil", (string?)full["contacts"]![0]!["name"]);
        Assert.Equal("Namur", (string?)full["service_areas"]![0]!["name"]);
        Assert.Equal(0, (decimal)full["cost_options"]![0]!["amount"]!);
        Assert.Equal("fr", (string?)full["languages"]![0]!["code"]);
        var attribute = Assert.Single(full["attributes"]!.AsArray())!;
        Assert.Equal(("service", service.Id.ToString(), term.ToString()),
            ((string?)attribute["link_entity"], (string?)attribute["link_id"], (string?)attribute["taxonomy_term_id"]));
        Assert.Equal("drop-in", (string?)attribute["taxonomy_term"]!["code"]);

        foreach (var query in new[] { "", "&full=true", "&full_service=true" })
        {
            var page = await PageAsync(visitor, $"/api/hsds/organizations?search={token}{query}", "organization.json");
            Assert.Equal(organization.Id.ToString(), (string?)Assert.Single(page["contents"]!.AsArray())!["id"]);
        }

        var fullOrganization = await OneAsync(visitor, $"/api/hsds/organizations/{organization.Id}?full_service=true", "organization.json");
        Assert.Equal("Namur", (string?)fullOrganization["services"]![0]!["service_areas"]![0]!["name"]);
        Assert.Single(fullOrganization["locations"]!.AsArray());
        foreach (var nested in fullOrganization["services"]!.AsArray())
        {
            checks.Add(("organization's service", "service.json", nested!));
        }

        foreach (var query in new[] { "", "&full=true" })
        {
            var page = await PageAsync(visitor, $"/api/hsds/service_at_locations?search={token}{query}", "service_at_location.json");
            Assert.Equal(at.Id.ToString(), (string?)Assert.Single(page["contents"]!.AsArray())!["id"]);
        }

        var oneAt = await OneAsync(visitor, $"/api/hsds/service_at_locations/{at.Id}", "service_at_location.json");
        Assert.Equal("Rue de la Gare 1", (string?)oneAt["location"]!["addresses"]![0]!["address_1"]);

        var taxonomies = await PageAsync(visitor, "/api/hsds/taxonomies", "taxonomy.json");
        Assert.Contains(taxonomies["contents"]!.AsArray(), t => (string?)t!["id"] == VillageTaxonomy.CategoriesId.ToString());
        await OneAsync(visitor, $"/api/hsds/taxonomies/{VillageTaxonomy.CategoriesId}", "taxonomy.json");
        var terms = await PageAsync(visitor, $"/api/hsds/taxonomy_terms?taxonomy_id={VillageTaxonomy.PublicsId}&top_only=true", "taxonomy_term.json");
        Assert.Equal(2, (int)terms["total_items"]!);
        var oneTerm = await OneAsync(visitor, $"/api/hsds/taxonomy_terms/{term}", "taxonomy_term.json");
        Assert.Equal(VillageTaxonomy.CategoriesId.ToString(), (string?)oneTerm["taxonomy_detail"]!["id"]);
        Assert.Equal(0, (int)(await JsonAsync(visitor, $"/api/hsds/taxonomy_terms?parent_id={term}"))["total_items"]!);

        foreach (var url in new[]
        {
            "/api/hsds/services?per_page=200", "/api/hsds/services?full=true&per_page=200", "/api/hsds/organizations?full_service=true&per_page=200",
            "/api/hsds/service_at_locations?full=true&per_page=200",
        })
        {
            Assert.DoesNotContain("En attente", (await JsonAsync(visitor, url)).ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/hsds/services/{pending.Id}")).Status);
        await AssertValidAsync();
    }

    [Fact]
    public async Task Pages_come_in_a_stable_order_with_the_envelope_first_last_and_empty()
    {
        var token = Token();
        var start = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-10);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (_, service) = await factory.AddServiceAsync(new($"{token} lieu {i}", OutingData.NewSpot()), s => s.LastModified = start.AddHours(5 - i));
            ids.Insert(0, service.Id.ToString());
        }

        using var visitor = factory.NewBrowser();
        var seen = new List<string>();
        foreach (var (number, size, first, last) in new[] { (1, 2, true, false), (2, 2, false, false), (3, 1, false, true) })
        {
            var page = await PageAsync(visitor, $"/api/hsds/services?search={token}&per_page=2&page={number}", "service.json");
            Assert.Equal((5, 3, number, size, first, last, false),
                ((int)page["total_items"]!, (int)page["total_pages"]!, (int)page["page_number"]!, (int)page["size"]!,
                (bool)page["first_page"]!, (bool)page["last_page"]!, (bool)page["empty"]!));
            seen.AddRange(page["contents"]!.AsArray().Select(s => (string)s!["id"]!));
        }

        Assert.Equal(ids, seen);
        var beyond = await PageAsync(visitor, $"/api/hsds/services?search={token}&per_page=2&page=4", "service.json");
        Assert.True((bool)beyond["empty"]!);
        Assert.Empty(beyond["contents"]!.AsArray());
        var none = await PageAsync(visitor, "/api/hsds/services?search=nothing-matches-this-text", "service.json");
        Assert.Equal((0, true), ((int)none["total_items"]!, (bool)none["empty"]!));
        await AssertValidAsync();
    }

    [Fact]
    public async Task Each_filter_keeps_what_matches_and_leaves_out_what_does_not()
    {
        var token = Token();
        var postcode = $"T{Random.Shared.Next(100_000, 999_999)}";
        var spot = OutingData.NewSpot();
        var (organization, near) = await factory.AddServiceAsync(new($"{token} près", spot) { Categories = ["drop-in"] });
        var (_, far) = await factory.AddServiceAsync(
            new($"{token} loin", (spot.Latitude + 0.05, spot.Longitude)) { Categories = ["midwife"] },
            s => s.LastModified = s.LastModified.AddDays(-30));
        await factory.QueryAsync(async db =>
        {
            var location = db.ServiceAtLocations.Single(x => x.ServiceId == near.Id).LocationId;
            db.Addresses.Single(a => a.LocationId == location).PostalCode = postcode;
            return await db.SaveChangesAsync();
        });
        using var visitor = factory.NewBrowser();
        var recent = Uri.EscapeDataString(factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1).ToString("O"));

        async Task<List<string>> Names(string path, string query, string schema)
        {
            var page = await PageAsync(visitor, $"/api/hsds/{path}?search={token}&{query}", schema);
            return [.. page["contents"]!.AsArray().Select(s => (string)s!["id"]!)];
        }

        var both = new[] { near.Id.ToString(), far.Id.ToString() }.Order().ToList();
        var nearOnly = new List<string> { near.Id.ToString() };
        var farOnly = new List<string> { far.Id.ToString() };
        Assert.Equal(farOnly, await Names("services", $"taxonomy_term_id={VillageTaxonomy.ByCode("midwife")!.Id}", "service.json"));
        Assert.Equal(both, (await Names("services", $"taxonomy_id={VillageTaxonomy.CategoriesId}", "service.json")).Order());
        Assert.Empty(await Names("services", $"taxonomy_id={VillageTaxonomy.PublicsId}", "service.json"));
        Assert.Equal(nearOnly, await Names("services", $"organization_id={organization.Id}", "service.json"));
        Assert.Equal(nearOnly, await Names("services", $"modified_after={recent}", "service.json"));
        Assert.Equal(nearOnly, (await PageAsync(visitor, $"/api/hsds/services?search={Uri.EscapeDataString($"{token} PRÈS (asbl)")}", "service.json"))["contents"]!
            .AsArray().Select(s => (string)s!["id"]!).ToList());

        string Service(JsonNode at) => (string)at["service_id"]!;
        async Task<List<string>> Services(string query) =>
            [.. (await PageAsync(visitor, $"/api/hsds/service_at_locations?search={token}&{query}", "service_at_location.json"))["contents"]!
                .AsArray().Select(a => Service(a!))];
        Assert.Equal(nearOnly, await Services($"postcode={postcode}"));
        Assert.Equal(nearOnly, await Services($"postcode={postcode}&proximity=1000"));
        Assert.Equal(both, (await Services($"postcode={postcode}&proximity=10000")).Order());
        Assert.Equal(farOnly, await Services($"taxonomy_term_id={VillageTaxonomy.ByCode("midwife")!.Id}"));
        Assert.Equal(nearOnly, await Services($"modified_after={recent}"));
        Assert.Empty(await Services("postcode=0000"));
        await AssertValidAsync();
    }

    [Fact]
    public async Task Nonsense_is_a_400_problem_and_an_unknown_id_a_404_both_open_to_any_origin()
    {
        using var visitor = factory.NewBrowser();
        foreach (var url in new[]
        {
            "/api/hsds/services?page=0", "/api/hsds/services?page=-1", "/api/hsds/services?per_page=10000", "/api/hsds/services?per_page=0",
            "/api/hsds/services?page=abc", "/api/hsds/services?taxonomy_term_id=nope", "/api/hsds/services?organization_id=1",
            "/api/hsds/services?modified_after=yesterday", "/api/hsds/services?modified_after=2026-13-45", "/api/hsds/services?full=maybe",
            $"/api/hsds/services?search={new string('a', 201)}", "/api/hsds/services/not-a-uuid", "/api/hsds/organizations/42",
            "/api/hsds/organizations?per_page=201", "/api/hsds/service_at_locations?proximity=1000",
            "/api/hsds/service_at_locations?postcode=5000&proximity=far", "/api/hsds/service_at_locations?postcode=ZZ-unknown&proximity=1000",
            "/api/hsds/taxonomy_terms?top_only=yes", "/api/hsds/taxonomy_terms?parent_id=x", "/api/hsds/taxonomies/'; DROP TABLE x; --",
        })
        {
            var answer = await visitor.GetAsync(url);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{url}: {answer}");
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.Equal("*", answer.Response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        foreach (var kind in new[] { "services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms" })
        {
            var answer = await visitor.GetAsync($"/api/hsds/{kind}/{Guid.CreateVersion7()}");
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"{kind}: {answer}");
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.Equal("*", answer.Response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    [Fact]
    public async Task The_export_is_an_array_of_full_published_services_that_validates()
    {
        var token = Token();
        var (_, service) = await RichServiceAsync($"{token} exporté");
        await factory.AddServiceAsync(new($"{token} refusé", OutingData.NewSpot()) { Listing = ListingStatus.Declined });
        using var output = new MemoryStream();
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HsdsExport>().WriteAsync(output, CancellationToken.None);
        }

        var array = JsonNode.Parse(output.ToArray())!.AsArray();
        Assert.Empty(HsdsSchemas.Nulls(array));
        var exported = Assert.Single(array, s => ((string)s!["name"]!).StartsWith(token, StringComparison.Ordinal))!;
        Assert.Equal(service.Id.ToString(), (string?)exported["id"]);
        Assert.NotNull(exported["service_at_locations"]![0]!["location"]!["addresses"]);
        Assert.DoesNotContain("refusé", array.ToJsonString(), StringComparison.Ordinal);
        checks.AddRange(array.Select((s, i) => ($"export[{i}]", "service.json", s!)));
        await AssertValidAsync();
    }

    [Fact]
    public async Task Each_answer_is_kept_per_query()
    {
        var token = Token();
        await factory.AddServiceAsync(new($"{token} Premier", OutingData.NewSpot()));
        using var visitor = factory.NewBrowser();
        var url = $"/api/hsds/services?search={token}";
        Assert.Equal(1, (int)(await JsonAsync(visitor, url))["total_items"]!);

        await factory.AddServiceAsync(new($"{token} Second", OutingData.NewSpot()));
        Assert.Equal(1, (int)(await JsonAsync(visitor, url))["total_items"]!);
        Assert.Equal(2, (int)(await JsonAsync(visitor, url + "&per_page=10"))["total_items"]!);
    }

    private static string Token() => $"hsds{Guid.NewGuid():N}"[..16];

    /// <summary>A published service with something in every kind of child the API writes.</summary>
    private async Task<(Organization, Service)> RichServiceAsync(string name)
    {
        var (organization, service) = await factory.AddServiceAsync(new(name, OutingData.NewSpot()), s =>
        {
            s.Url = "https://example.org/maison-verte";
            s.Email = "accueil@example.org";
            s.MinimumAge = 0;
            s.MaximumAge = 4;
            s.ApplicationProcess = "Venez sans rendez-vous.";
        });
        await factory.QueryAsync(async db =>
        {
            var at = db.ServiceAtLocations.Single(x => x.ServiceId == service.Id);
            db.Schedules.Add(new Schedule
            {
                Id = Guid.CreateVersion7(),
                ServiceId = service.Id,
                ValidFrom = new(2026, 8, 1),
                ValidTo = new(2026, 8, 15),
                Description = "Fermé en août",
            });
            db.Schedules.Add(new Schedule
            {
                Id = Guid.CreateVersion7(),
                ServiceAtLocationId = at.Id,
                Freq = ScheduleFrequency.Weekly,
                ByDay = "SA",
                OpensAt = new(22, 0),
                ClosesAt = new(2, 0),
            });
            db.Phones.Add(new Phone { Id = Guid.CreateVersion7(), ServiceId = service.Id, Number = "081 00 00 00", Type = "voice" });
            db.Phones.Add(new Phone { Id = Guid.CreateVersion7(), LocationId = at.LocationId, Number = "081 11 11 11" });
            var contact = new Contact { Id = Guid.CreateVersion7(), ServiceId = service.Id, Name = "Accueil", Email = "pas un email" };
            db.Contacts.Add(contact);
            db.Phones.Add(new Phone { Id = Guid.CreateVersion7(), ContactId = contact.Id, Number = "0470 00 00 00" });
            db.Contacts.Add(new Contact { Id = Guid.CreateVersion7(), OrganizationId = organization.Id, Department = "Secrétariat" });
            db.ServiceAreas.Add(new ServiceArea { Id = Guid.CreateVersion7(), ServiceId = service.Id, Name = "Namur" });
            db.Accessibility.Add(new Accessibility { Id = Guid.CreateVersion7(), LocationId = at.LocationId, Description = "Entrée de plain-pied", Url = "pas une url" });
            db.ServiceLanguages.Add(new ServiceLanguage { Id = Guid.CreateVersion7(), LocationId = at.LocationId, Code = "ar", Name = "Arabe" });
            return await db.SaveChangesAsync();
        });
        return (organization, service);
    }

    private async Task<JsonNode> JsonAsync(Browser browser, string url)
    {
        var answer = await browser.GetAsync(url);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{url}: {answer}");
        Assert.Equal("application/json", answer.ContentType);
        Assert.Equal("*", answer.Response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var json = JsonNode.Parse(answer.Text)!;
        Assert.True(!HsdsSchemas.Nulls(json).Any(), $"{url} has nulls at {string.Join(", ", HsdsSchemas.Nulls(json))}");
        return json;
    }

    private async Task<JsonNode> OneAsync(Browser browser, string url, string schema)
    {
        var json = await JsonAsync(browser, url);
        checks.Add((url, schema, json));
        return json;
    }

    /// <summary>A page envelope: its fields as the HSDS OpenAPI's Page says, and each item against the schema.</summary>
    private async Task<JsonNode> PageAsync(Browser browser, string url, string schema)
    {
        var json = await JsonAsync(browser, url);
        Assert.Equal(
            ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
            json.AsObject().Select(p => p.Key));
        foreach (var key in new[] { "total_items", "total_pages", "page_number", "size" })
        {
            Assert.True(json[key]!.GetValueKind() == System.Text.Json.JsonValueKind.Number, $"{url}: {key}");
        }

        Assert.Equal((int)json["size"]!, json["contents"]!.AsArray().Count);
        checks.AddRange(json["contents"]!.AsArray().Select((item, i) => ($"{url} contents[{i}]", schema, item!)));
        return json;
    }

    private async Task AssertValidAsync()
    {
        Assert.NotEmpty(checks);
        var failures = await HsdsSchemas.FailuresAsync(checks);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

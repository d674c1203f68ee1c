using Microsoft.Extensions.DependencyInjection;
using Village.BrowserTests.Support;
using Village.Web.Features.Outings;
using Village.Web.Infrastructure.Geo;

namespace Village.BrowserTests;

/// <summary>/outings in a real browser: with JavaScript the map shows a marker per place (tiles answered locally, never
/// fetched), without it the list alone works; axe on both.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutingsDiscoveryTests(BrowserApp app, ITestOutputHelper output)
{
    // A 1×1 transparent PNG for every tile request.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task The_map_shows_markers_with_javascript_and_the_list_works_without()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var namur = app.Server.Services.GetRequiredService<Gazetteer>().Search("Namur", 1)[0];
        await AddOutingAsync($"Café poussettes {tag}", namur.Latitude, namur.Longitude, 1);
        await AddOutingAsync($"Bibliothèque {tag}", namur.Latitude + 0.03, namur.Longitude, 2);
        var path = "/outings?when=FourWeeks&km=10&town=Namur";

        await using (var journey = new Journey(app, output, "outings-nojs"))
        {
            var page = await journey.NewPageAsync(javaScript: false);
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator(".outing-card h3", new() { HasTextString = tag })).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#outings-map")).ToBeHiddenAsync();
            await journey.CheckAsync(page, "outings-list");
            journey.AssertClean();
        }

        await using (var journey = new Journey(app, output, "outings-map"))
        {
            var page = await journey.NewPageAsync(bypassCsp: false);
            var tiles = 0;
            await page.Context.RouteAsync("https://tile.openstreetmap.org/**", async route =>
            {
                Interlocked.Increment(ref tiles);
                await route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile });
            });
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("#outings-map")).ToBeVisibleAsync();
            // Two outings at two places: two markers (the page runs under the real CSP here, so no script is injected).
            await Assertions.Expect(page.Locator(".outing-card")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#outings-map .leaflet-marker-icon")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("OpenStreetMap");
            await page.Locator($"#outings-map .leaflet-marker-icon[title='Bibliothèque {tag}']").ClickAsync();
            await Assertions.Expect(page.Locator(".leaflet-popup-content a", new() { HasTextString = $"Bibliothèque {tag}" })).ToBeVisibleAsync();
            Assert.True(tiles > 0, "No map tile was asked for.");
            Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
            Assert.DoesNotContain(errors, e => e.Contains("Refused", StringComparison.Ordinal));

            // axe injects a script: on a page of its own, where the policy is bypassed.
            var checkedPage = await journey.NewPageAsync();
            await checkedPage.Context.RouteAsync("https://tile.openstreetmap.org/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile }));
            await checkedPage.GotoAsync(path);
            await Assertions.Expect(checkedPage.Locator("#outings-map .leaflet-marker-icon")).ToHaveCountAsync(2);
            await journey.CheckAsync(checkedPage, "outings-map");
        }

        // Leaflet stays off the other pages.
        await using (var journey = new Journey(app, output, "outings-weight"))
        {
            var page = await journey.NewPageAsync();
            await page.GotoAsync("/");
            Assert.DoesNotContain("leaflet", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    private Task AddOutingAsync(string title, double latitude, double longitude, int inDays) =>
        app.Server.QueryAsync(db =>
        {
            var starts = app.Server.Clock.GetUtcNow().UtcDateTime.AddDays(inDays);
            var outing = new Outing
            {
                Id = Guid.CreateVersion7(),
                Title = title,
                Description = "Pour les tests.",
                Address = "Rue de Fer 12",
                TownId = "TEST",
                TownName = "Namur",
                Country = "BE",
                Latitude = Coordinates.Round(latitude),
                Longitude = Coordinates.Round(longitude),
                MeetingPoint = "Devant",
                TimeZone = "Europe/Brussels",
                StartsAtLocal = DateTime.SpecifyKind(starts, DateTimeKind.Utc),
                DurationMinutes = 60,
                MinAgeMonths = 0,
                MaxAgeMonths = 36,
                MaxFamilies = 4,
                IsFree = true,
                Setting = OutingSetting.Indoor,
                CreatedAt = starts,
            };
            db.Outings.Add(outing);
            db.OutingOccurrences.Add(new OutingOccurrence { Id = Guid.CreateVersion7(), OutingId = outing.Id, StartsAt = starts, EndsAt = starts.AddHours(1) });
            return db.SaveChangesAsync();
        });
}

using System.Globalization;
using System.Net;
using Village.Tests.Support;
using static Village.Tests.Features.Parents.ParentSteps;

namespace Village.Tests.Features.Parents;

/// <summary>No response anywhere contains another parent's coordinates, even coarse: pages show a town and a rounded
/// distance only.</summary>
public sealed class NoCoordinatesTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    /// <summary>Every page and API that can show a parent. {parent} is the other parent's id, {conversation} the
    /// direct conversation the two share. Routes that do not exist (yet) answer 404 and are still checked: add new
    /// ones here.</summary>
    public static readonly string[] Routes =
    [
        "/",
        "/parents",
        "/parents?km=50",
        "/parents?km=10&age=true",
        "/parents/{parent}",
        "/parents/{parent}/hello",
        "/hellos",
        "/outings",
        "/outings?when=Month",
        "/api/outings",
        "/communities",
        "/messages",
        "/messages/{conversation}",
        "/api/conversations",
        "/api/conversations/{conversation}",
        "/api/conversations/{conversation}/messages",
        "/account/data",
        "/account/data?handler=Download",
    ];

    /// <summary>Far from any gazetteer town the other tests use, so no town or outing shares these figures.</summary>
    private const double Latitude = 50.43, Longitude = 4.93;

    [Fact]
    public async Task No_page_or_api_shows_another_parents_coordinates_to_a_parent_or_a_visitor()
    {
        var (other, otherId) = await factory.ParentAsync(new("Parent lointain", Latitude, Longitude, [5], ["fr", "ar"]));
        var (viewer, viewerId) = await factory.ParentAsync(new("Parent qui regarde", NamurLat, NamurLon, [6]));
        await other.SayHelloAsync(viewerId, "Bonjour du parc");
        var accepted = await viewer.FillAsync("/hellos", new Dictionary<string, string>(), ".hello-received form[action*='Accept']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var conversation = accepted.Location!.Split('/')[^1];
        using var visitor = factory.NewBrowser();
        var forbidden = Forbidden(Latitude).Concat(Forbidden(Longitude)).ToList();

        var seen = 0;
        foreach (var browser in new[] { viewer, visitor })
        {
            foreach (var route in Routes)
            {
                var url = route.Replace("{parent}", otherId.ToString(), StringComparison.Ordinal).Replace("{conversation}", conversation, StringComparison.Ordinal);
                var page = await browser.GetAsync(url);
                Assert.True((int)page.Status < 500, $"{url}: {(int)page.Status}");
                seen += page.Status == HttpStatusCode.OK ? 1 : 0;
                foreach (var figure in forbidden)
                {
                    Assert.False(page.Text.Contains(figure, StringComparison.Ordinal), $"{url} shows {figure} ({(int)page.Status}).");
                }
            }
        }

        Assert.True(seen > 5, $"Only {seen} pages answered.");
        // The check can fail: the parent's own data export holds their position, written as searched for above.
        var own = await other.GetAsync("/account/data?handler=Download");
        Assert.Contains(forbidden[0], own.Text, StringComparison.Ordinal);
        Assert.Contains("Parent lointain", (await viewer.GetAsync("/parents?km=20")).Text, StringComparison.Ordinal);
    }

    /// <summary>A coordinate as pages might write it: invariant ("50.43") or French ("50,43").</summary>
    private static IEnumerable<string> Forbidden(double degrees)
    {
        var invariant = degrees.ToString("0.00", CultureInfo.InvariantCulture);
        return [invariant, invariant.Replace('.', ',')];
    }
}

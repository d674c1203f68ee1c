using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PageWeightTests(BrowserApp app, ITestOutputHelper output)
{
    private const int Budget = 30 * 1024;

    [Fact]
    public async Task The_signed_in_home_page_weighs_under_30_KB_and_asks_nothing_of_another_site()
    {
        await using var journey = new Journey(app, output, "weight");
        var server = journey.Server;
        var email = Members.NewAddress("weight");
        await server.CreateConfirmedParentAsync(email, "Alix");
        var page = await journey.NewPageAsync();
        await Members.SignInAsync(page, email);

        // A home page with something in it: a town, so the "nearby" card shows too.
        await page.GotoAsync("/profile");
        await page.Locator("#Input_TownQuery").FillAsync("Roubaix");
        await Members.SubmitAsync(page, "Enregistrer");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToBeVisibleAsync();

        // A first visit of the home page on a fresh tab: nothing comes from the memory cache.
        var home = await page.Context.NewPageAsync();
        var responses = new List<IResponse>();
        var requests = new List<string>();
        home.Response += (_, response) => responses.Add(response);
        home.Request += (_, request) => requests.Add(request.Url);
        await home.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(home.Locator("h1")).ToHaveTextAsync("Bonjour Alix");

        var rows = new List<(string Type, string Url, int Bytes)>();
        foreach (var response in responses.ToList())
        {
            if (response.Status is >= 300 and < 400)
            {
                continue;
            }

            var body = await response.BodyAsync();
            rows.Add((response.Request.ResourceType, response.Url, body.Length));
        }

        foreach (var (type, url, bytes) in rows)
        {
            output.WriteLine($"{bytes,8:N0} B  {type,-10} {url}");
        }

        foreach (var group in rows.GroupBy(r => r.Type))
        {
            output.WriteLine($"{group.Sum(r => r.Bytes),8:N0} B  total {group.Key}");
        }

        var total = rows.Sum(r => r.Bytes);
        output.WriteLine($"{total,8:N0} B  TOTAL (budget {Budget:N0} B)");

        Assert.Contains(rows, r => r.Type == "document");
        Assert.Contains(rows, r => r.Type == "stylesheet");
        Assert.Contains(rows, r => r.Type == "script");
        Assert.True(total < Budget, $"The signed-in home page weighs {total:N0} bytes, over {Budget:N0}.");
        var foreign = requests.Where(u => !u.StartsWith(server.Origin + "/", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "Third-party requests:\n" + string.Join("\n", foreign));

        await journey.CheckAsync(home, "home");
        journey.AssertClean();
    }
}

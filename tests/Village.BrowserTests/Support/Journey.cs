using System.Text.Json;
using System.Text.RegularExpressions;

namespace Village.BrowserTests.Support;

/// <summary>One test's walk through the site: opens its browser contexts, and on every page it is asked to
/// check, runs axe and takes a phone-size screenshot. At the end, fails on serious or critical accessibility
/// violations and on any request that left the app's origin.</summary>
public sealed partial class Journey(BrowserApp app, ITestOutputHelper output, string name) : IAsyncDisposable
{
    private readonly List<IBrowserContext> contexts = [];
    private readonly HashSet<IBrowserContext> withoutJavaScript = [];
    private readonly List<string> blocking = [];
    private readonly List<string> foreignRequests = [];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IPage? axePage;
    private int shots;

    public VillageServer Server => app.Server;

    public static string ScreenshotFolder => Path.Combine(BrowserApp.OutputFolder, "screenshots");

    /// <summary>A page in a new context of its own (own cookies): another person, or the same one on a new device.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, bool bypassCsp = true)
    {
        var context = await app.NewContextAsync(bypassCsp, javaScript);
        contexts.Add(context);
        if (!javaScript)
        {
            withoutJavaScript.Add(context);
        }

        context.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.Server.Origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                lock (foreignRequests)
                {
                    foreignRequests.Add(request.Url);
                }
            }
        };
        return await context.NewPageAsync();
    }

    /// <summary>Checks the page as it is now: axe, then a screenshot. Pages of a context without JavaScript are
    /// checked on a copy of their HTML served at the same address to a context where axe can run.</summary>
    public async Task CheckAsync(IPage page, string pageName)
    {
        var label = $"{pageName} ({new Uri(page.Url).PathAndQuery})";
        var checkedPage = withoutJavaScript.Contains(page.Context) ? await CopyWithJavaScriptAsync(page) : page;
        var violations = await app.Axe.RunAsync(checkedPage);
        await CheckWidthAsync(checkedPage, label);
        foreach (var violation in violations)
        {
            var text = violation.Describe(label);
            output.WriteLine("axe " + text);
            app.Findings.Enqueue(text);
            if (Axe.IsBlocking(violation))
            {
                blocking.Add(text);
            }
        }

        if (violations.Count == 0)
        {
            output.WriteLine($"axe: no violation on {label}");
        }

        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, $"{name}-{++shots:00}-{Slug().Replace(pageName.ToLowerInvariant(), "-").Trim('-')}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");
    }

    /// <summary>Fails on what the journey found wrong along the way. Call it last.</summary>
    public void AssertClean()
    {
        Assert.True(foreignRequests.Count == 0, "Requests left the app's origin:\n" + string.Join("\n", foreignRequests));
        Assert.True(blocking.Count == 0, $"axe found {blocking.Count} serious or critical violation(s):\n" + string.Join("\n", blocking));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>A phone page scrolls up and down, never sideways.</summary>
    private async Task CheckWidthAsync(IPage page, string label)
    {
        const string script = """
            () => {
              const width = document.documentElement.clientWidth;
              const wide = [...document.body.querySelectorAll('*')]
                .filter((e) => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)');
              return { scrollWidth: document.documentElement.scrollWidth, width, wide };
            }
            """;
        var result = (await page.EvaluateAsync<JsonElement>(script)).Deserialize<WidthCheck>(Json)!;
        if (result.ScrollWidth > result.Width)
        {
            var text = $"[layout] horizontal scrolling on {label}: the page is {result.ScrollWidth}px wide on a {result.Width}px phone; too wide: {string.Join(", ", result.Wide)}";
            output.WriteLine(text);
            app.Findings.Enqueue(text);
            blocking.Add(text);
        }
    }

    /// <summary>The page's HTML served at the same address to a context where scripts (axe) can run, with the site's
    /// own script blocked, so that the copy is read as the person saw it.</summary>
    private async Task<IPage> CopyWithJavaScriptAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var url = page.Url;
        if (axePage is null)
        {
            var context = await app.NewContextAsync(bypassCsp: true, javaScript: true);
            contexts.Add(context);
            axePage = await context.NewPageAsync();
            await axePage.RouteAsync(u => new Uri(u).AbsolutePath == "/js/site.js", route => route.AbortAsync());
        }

        Func<string, bool> isPage = u => u == url;
        await axePage.RouteAsync(isPage, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = html,
        }));
        await axePage.GotoAsync(url);
        await axePage.UnrouteAsync(isPage);
        return axePage;
    }

    private sealed record WidthCheck(int ScrollWidth, int Width, string[] Wide);

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}

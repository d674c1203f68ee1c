using System.Net;
using System.Text.RegularExpressions;
using Village.Web.Infrastructure.Geo;

namespace Village.Bench;

/// <summary>One load scenario: a path to request for each (worker, iteration), anonymously or as a signed-in parent.</summary>
internal sealed record Scenario(string Name, string Description, bool SignedIn, Func<Random, string> NextPath);

internal static partial class Scenarios
{
    public static readonly string[] Names = ["landing", "home", "profile", "towns", "feed", "post", "outings", "services", "hsds"];

    /// <summary>The scenarios that read generated communities, and so need <see cref="FeedTargets"/>.</summary>
    public static readonly string[] CommunityScenarios = ["feed", "post"];

    public static Scenario Create(string name, int seed, FeedTargets? targets, Uri? url = null) => name switch
    {
        "landing" => new Scenario(name, "anonymous GET /", false, _ => "/"),
        "home" => new Scenario(name, "signed-in GET /", true, _ => "/"),
        "profile" => new Scenario(name, "signed-in GET /profile", true, _ => "/profile"),
        "towns" => TownsScenario(seed),
        "feed" => new Scenario(name, "signed-in GET /communities/{slug} (sometimes a kind or an older page)", true, random => FeedPath(random, Need(targets))),
        "post" => new Scenario(name, "signed-in GET /communities/{slug}/posts/{id}", true, random => Need(targets).Posts[random.Next(Need(targets).Posts.Count)]),
        // Outings near me this week for a 4-month-old: the parent's home town, 10 km, the age filter.
        "outings" => new Scenario(name, "signed-in GET /outings?when=Week&age=4", true, _ => "/outings?when=Week&km=10&age=4"),
        // The open HSDS API: a page of 50 published services, any page of the directory (however many services it has).
        "hsds" => HsdsScenario(url ?? new Uri("http://127.0.0.1:5090")),
        // The directory's hardest everyday search: free, open Saturday morning, within 10 km of home, Arabic spoken.
        "services" => new Scenario(name, "signed-in GET /services?free=true&day=Saturday&part=Morning&km=10&lang=ar", true, _ => "/services?free=true&day=Saturday&part=Morning&km=10&lang=ar"),
        // Ad-hoc probes, to take a slow page apart: "get:/privacy" anonymously, "auth:/privacy" signed in.
        _ when name.StartsWith("get:/", StringComparison.Ordinal) => new Scenario(name, $"anonymous GET {name[4..]}", false, _ => name[4..]),
        _ when name.StartsWith("auth:/", StringComparison.Ordinal) => new Scenario(name, $"signed-in GET {name[5..]}", true, _ => name[5..]),
        _ => throw new ArgumentException($"Unknown scenario '{name}' (known: {string.Join(", ", Names)}, or get:/path and auth:/path)."),
    };

    /// <summary>GET /api/hsds/services?page=N, N drawn over every page there is: the number of pages is asked once, on the
    /// first request (during the warm-up), so the scenario works with any published services.</summary>
    private static Scenario HsdsScenario(Uri url)
    {
        var pages = new Lazy<int>(() =>
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            var text = http.GetStringAsync("/api/hsds/services?per_page=50").GetAwaiter().GetResult();
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return Math.Max(1, json.RootElement.GetProperty("total_pages").GetInt32());
        });
        return new Scenario("hsds", "anonymous GET /api/hsds/services?page=N over every page", false,
            random => $"/api/hsds/services?page={random.Next(1, pages.Value + 1)}");
    }

    private static FeedTargets Need(FeedTargets? targets) =>
        targets ?? throw new BenchException("The feed and post scenarios need --connection to find the generated communities.");

    /// <summary>Mostly the first page, as people open a community; sometimes a kind or an older page.</summary>
    private static string FeedPath(Random random, FeedTargets targets)
    {
        var slug = targets.Slugs[random.Next(targets.Slugs.Count)];
        return random.NextDouble() switch
        {
            < 0.7 => $"/communities/{slug}",
            < 0.85 => $"/communities/{slug}?p={random.Next(2, 6)}",
            _ => $"/communities/{slug}?kind={(Village.Web.Features.Posts.PostKind)random.Next(0, 5)}",
        };
    }

    /// <summary>GET /api/towns?q= with what people type: 1 to 6 letters of real town names, big towns more often.</summary>
    private static Scenario TownsScenario(int seed)
    {
        var prefixes = TownPrefixes(seed, 4096);
        return new Scenario(
            "towns",
            "GET /api/towns?q=<1-6 letters>",
            false,
            random => "/api/towns?q=" + Uri.EscapeDataString(prefixes[random.Next(prefixes.Length)]));
    }

    public static string[] TownPrefixes(int seed, int count)
    {
        var random = new Random(seed);
        var towns = new TownPicker(Gazetteer.LoadEmbedded().Towns);
        var prefixes = new string[count];
        for (var i = 0; i < count; i++)
        {
            string prefix;
            do
            {
                var name = towns.Next(random).Name;
                // Mostly what a hurried parent types ("saint e", "brux"); sometimes with the accents and hyphens.
                var text = random.NextDouble() < 0.7 ? Gazetteer.Normalize(name) : name.ToLowerInvariant();
                prefix = text[..Math.Min(text.Length, random.Next(1, 7))].TrimEnd(' ', '-', '\'');
            }
            while (prefix.Length == 0);
            prefixes[i] = prefix;
        }

        return prefixes;
    }

    /// <summary>Signs a bench parent in through the real form: GET it, read the antiforgery field and cookie, POST.
    /// Returns the Cookie header to send with every later request of this parent.</summary>
    public static async Task<string> SignInAsync(HttpClient http, string email, string password, CancellationToken cancellationToken)
    {
        var jar = new CookieJar();
        string html;
        using (var get = new HttpRequestMessage(HttpMethod.Get, "/account/signin"))
        using (var response = await http.SendAsync(get, cancellationToken))
        {
            html = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchException($"GET /account/signin answered {(int)response.StatusCode}: {Snippet(html)}");
            }

            jar.Store(response.Headers);
        }

        var token = AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new BenchException("No __RequestVerificationToken field on /account/signin.");

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(
            [
                new("Input.Email", email),
                new("Input.Password", password),
                new("Input.RememberMe", "true"),
                new("__RequestVerificationToken", token),
            ]),
        };
        post.Headers.TryAddWithoutValidation("Cookie", jar.Header);
        using var answer = await http.SendAsync(post, cancellationToken);
        jar.Store(answer.Headers);
        if ((int)answer.StatusCode is < 300 or >= 400 || !jar.Has("village"))
        {
            var body = await answer.Content.ReadAsStringAsync(cancellationToken);
            throw new BenchException($"Signing in {email} answered {(int)answer.StatusCode} without the \"village\" cookie: {Snippet(body)}");
        }

        return jar.Header;
    }

    /// <summary>A readable start of an HTML or text body: the tags dropped, whitespace collapsed.</summary>
    public static string Snippet(string body, int length = 240)
    {
        var text = Whitespace().Replace(Tags().Replace(body, " "), " ").Trim();
        return text.Length <= length ? text : text[..length] + "…";
    }

    [GeneratedRegex("""<input\b(?=[^>]*\bname="__RequestVerificationToken")[^>]*\bvalue="(?<value>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>|<[^>]+>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}

internal sealed class BenchException(string message) : Exception(message);

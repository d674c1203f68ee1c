using System.Collections.Concurrent;

namespace Village.BrowserTests.Support;

/// <summary>One app on Kestrel and one headless Chromium (Debian's, never a downloaded one) shared by every browser
/// test; each test opens contexts of its own, so cookies never leak between tests.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>A phone: every screenshot is taken at this size.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public VillageServer Server { get; private set; } = null!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public Axe Axe { get; } = new();

    /// <summary>Every axe finding of the run, whatever its impact, written to axe-findings.txt at the end.</summary>
    public ConcurrentQueue<string> Findings { get; } = new();

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("VILLAGE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string OutputFolder => AppContext.BaseDirectory;

    public async Task InitializeAsync()
    {
        Server = new VillageServer();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh context (own cookies) at phone size, in French like a first visit. Axe needs
    /// <paramref name="bypassCsp"/>: the app's CSP rightly refuses the inline script it is injected as.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool bypassCsp = true, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = Phone,
            DeviceScaleFactor = 1,
            IsMobile = false,
            Locale = "fr-FR",
            BypassCSP = bypassCsp,
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        var report = Path.Combine(OutputFolder, "axe-findings.txt");
        await File.WriteAllLinesAsync(report, Findings.Distinct().Order(StringComparer.Ordinal));
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Web.Data;
using Village.Web.Features.Accounts;

namespace Village.BrowserTests.Support;

/// <summary>The real app on Kestrel, on a free loopback port, on a fresh database of its own, configured only
/// through settings, as it runs in Development (which migrates the database on start).</summary>
public sealed partial class VillageServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase database = TestDatabase.Create();
    private readonly string folder = Directory.CreateTempSubdirectory("village-browser-").FullName;

    public VillageServer()
    {
        UseKestrel(port: 0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        var address = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public string Origin => BaseUrl.GetLeftPart(UriPartial.Authority);

    public DatabaseProvider Provider => database.Provider;

    public string PickupDirectory => Path.Combine(folder, "mail");

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:SeedOnStart"] = "false",
            ["Email:SendInBackground"] = "false",
            ["Email:Delivery"] = "Pickup",
            ["Email:PickupDirectory"] = PickupDirectory,
            ["Security:AccountAttemptsPerMinute"] = "10000",
        };
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs a query against the app's database in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<VillageDb, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<VillageDb>());
    }

    public Task<Guid> MemberIdAsync(string email) =>
        QueryAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    /// <summary>A parent whose address is already confirmed, created the way the app's own commands do it.</summary>
    public async Task<Guid> CreateConfirmedParentAsync(string email, string displayName, string password = Members.Password)
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountCreation>()
            .CreateConfirmedAsync(email, password, displayName, [Roles.Parent]);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return await MemberIdAsync(email);
    }

    /// <summary>The confirmation link of the newest email to this address, pointed at this server: email links are
    /// absolute and carry the host the request came in on.</summary>
    public async Task<string> ConfirmationLinkAsync(string email)
    {
        var bodies = await QueryAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.ToAddress == email)
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.TextBody)
            .ToListAsync());
        var links = bodies.SelectMany(b => LinkPattern().Matches(b).Select(m => new Uri(m.Value)))
            .Where(l => l.AbsolutePath == "/account/confirm")
            .ToList();
        Assert.True(links.Count > 0, $"No /account/confirm link in the {bodies.Count} email(s) to {email}:\n{string.Join("\n---\n", bodies)}");
        return Url(links[^1].PathAndQuery);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Cleanup();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Cleanup();
        GC.SuppressFinalize(this);
    }

    private void Cleanup()
    {
        database.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}

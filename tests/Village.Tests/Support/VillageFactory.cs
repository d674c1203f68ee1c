using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Village.Web.Data;
using Village.Web.Infrastructure.Email;

namespace Village.Tests.Support;

/// <summary>The app on a fresh database of its own, configured only through settings, as it runs in
/// Development (which migrates the database on start). One per test class (IClassFixture). The browser
/// tests compile this file too, and put the same app on Kestrel.</summary>
public class VillageFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database = TestDatabase.Create();
    private readonly string folder = Directory.CreateTempSubdirectory("village-test-").FullName;

    public DatabaseProvider Provider => database.Provider;

    public string PickupDirectory => Path.Combine(folder, "mail");

    /// <summary>The app's clock: the real time until a test moves it (e.g. past a poll's closing).</summary>
    public SettableTime Clock { get; } = new();

    /// <summary>After a change written straight to the database, as another instance would: what this instance kept
    /// in memory (community headers, shared feeds, readers' standings) expires.</summary>
    public void ExpireKeptCopies() => ((MemoryCache)Services.GetRequiredService<IMemoryCache>()).Clear();

    /// <summary>Settings a derived factory wants different (e.g. a stricter rate limit).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:SeedOnStart"] = "false",
            ["Email:SendInBackground"] = "false",
            ["Email:Delivery"] = "Pickup",
            ["Email:PickupDirectory"] = PickupDirectory,
            ["Security:AccountAttemptsPerMinute"] = "10000",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs a query against the app's database in a scope of its own.</summary>
    public Task<T> QueryAsync<T>(Func<VillageDb, Task<T>> query) =>
        InScopeAsync(services => query(services.GetRequiredService<VillageDb>()));

    /// <summary>Runs app code with the services of a scope of its own.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Delivers every due email in the outbox (the background sender is off in tests).</summary>
    public async Task<int> SendOutboxAsync()
    {
        var sender = Services.GetRequiredService<OutboxSender>();
        var total = 0;
        int sent;
        while ((sent = await sender.SendDueAsync(CancellationToken.None)) > 0)
        {
            total += sent;
        }

        return total;
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
}

/// <summary>A clock that runs with the real time, shifted by what a test asks.</summary>
public sealed class SettableTime : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);

    /// <summary>Puts the clock at an instant (it runs on from there): tests about quiet hours and digests must pass
    /// at any hour of the real day.</summary>
    public void MoveTo(DateTimeOffset at) => Interlocked.Exchange(ref offsetTicks, (at - System.GetUtcNow()).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

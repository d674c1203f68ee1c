using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;

namespace Village.Tests.Features.Newsletter;

/// <summary>A clock the tests move by hand: the newsletter falls due by the calendar.</summary>
public sealed class CalendarClock : TimeProvider
{
    /// <summary>Starts now, on a whole second (PostgreSQL keeps microseconds, .NET ticks).</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.FromUnixTimeSeconds(System.GetUtcNow().ToUnixTimeSeconds());

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The app with a real SMTP server, links to http://localhost, issues due from midnight, and a clock of
/// the test's own.</summary>
public sealed class NewsletterFactory : VillageFactory
{
    public SmtpServer Smtp { get; } = SmtpServer.StartAsync().GetAwaiter().GetResult();

    /// <summary>Replaces the base factory's clock: this one stands still between the steps a test takes.</summary>
    public CalendarClock Calendar { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:SiteUrl"] = "http://localhost",
        ["Newsletter:SendHourUtc"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Calendar));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Village.Tests.Support;
using Village.Web.Data;

namespace Village.Tests.Infrastructure.Security;

/// <summary>The app as it runs in production (no migration on start, no developer pages).</summary>
public sealed class ProductionFactory : VillageFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class ProductionSecurityTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Outside_development_https_answers_carry_hsts_and_every_cookie_is_secure()
    {
        await factory.QueryAsync(async db =>
        {
            await db.MigrateAsync();
            return true;
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://village.example"),
            AllowAutoRedirect = false,
        });

        var response = await client.GetAsync("/account/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var signIn = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(CookieSecurePolicy.Always, signIn.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task Outside_development_the_captured_emails_page_does_not_exist()
    {
        await factory.QueryAsync(async db =>
        {
            await db.MigrateAsync();
            return true;
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://village.example") });

        var response = await client.GetAsync("/dev/emails");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(TextsFile.Fr("Error.NotFound.Title"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

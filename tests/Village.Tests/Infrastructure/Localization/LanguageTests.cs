using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Infrastructure.Localization;

public sealed class LanguageTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task Pages_are_in_French_by_default()
    {
        using var browser = factory.NewBrowser();

        var page = await browser.GetAsync("/account/signin");

        Assert.Equal("fr", page.Lang);
        Assert.Equal(TextsFile.Fr("SignIn.Title"), page.Document.QuerySelector("main h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_language_switch_sets_English_then_French()
    {
        using var browser = factory.NewBrowser();
        var signIn = await browser.GetAsync("/account/signin");

        var english = await browser.SwitchLanguageAsync(signIn, "en");

        Assert.True(english.Status == HttpStatusCode.Redirect, english.ToString());
        Assert.Equal("/account/signin", english.Location);
        var page = await browser.GetAsync("/account/signin");
        Assert.Equal("en", page.Lang);
        Assert.Equal(TextsFile.En("SignIn.Title"), page.Document.QuerySelector("main h1")?.TextContent.Trim());
        Assert.NotEqual(TextsFile.Fr("SignIn.Title"), TextsFile.En("SignIn.Title"));

        var french = await browser.SwitchLanguageAsync(page, "fr", followRedirects: true);
        Assert.Equal(HttpStatusCode.OK, french.Status);
        Assert.Equal("fr", french.Lang);
        Assert.Equal(TextsFile.Fr("SignIn.Title"), french.Document.QuerySelector("main h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task An_English_browser_gets_English_until_the_switch_says_otherwise()
    {
        using var browser = factory.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");

        var page = await browser.GetAsync("/account/signin");
        Assert.Equal("en", page.Lang);

        await browser.SwitchLanguageAsync(page, "fr");
        Assert.Equal("fr", (await browser.GetAsync("/account/signin")).Lang);
    }

    [Theory]
    [InlineData("xx", "/account/signin", "/account/signin")]
    [InlineData("en", "https://evil.example/", "/")]
    [InlineData("en", "//evil.example/", "/")]
    [InlineData("en", "/\\evil.example/", "/")]
    public async Task The_language_switch_refuses_unknown_languages_and_foreign_sites(string culture, string returnUrl, string expected)
    {
        using var browser = factory.NewBrowser();
        var page = await browser.GetAsync($"/culture?culture={culture}&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.True(page.Status == HttpStatusCode.Redirect, page.ToString());
        Assert.Equal(expected, page.Location);
        Assert.Equal(culture == "en" ? "en" : "fr", (await browser.GetAsync("/account/signin")).Lang);
    }

    [Fact]
    public async Task Pages_for_visitors_carry_no_antiforgery_token_and_set_no_cookie()
    {
        using var browser = factory.NewBrowser();

        var landing = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.DoesNotContain(Browser.AntiforgeryField, landing.Text, StringComparison.Ordinal);
        Assert.False(landing.Response.Headers.Contains("Set-Cookie"), string.Join("; ", landing.Response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task The_language_setting_is_saved_for_emails_and_pages()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);

        var saved = await browser.FillAsync("/account/settings", new Dictionary<string, string> { ["culture"] = "en" }, "form[action*='handler=Language']");

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        Assert.Equal("en", await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync()));
        var settings = await browser.GetAsync("/account/settings");
        Assert.Equal("en", settings.Lang);
        // The confirmation speaks the language just chosen, like the rest of the page.
        Assert.Contains(TextsFile.En("Settings.LanguageSaved"), settings.Document.QuerySelector("main .success")?.TextContent, StringComparison.Ordinal);

        var refused = await browser.FillAsync("/account/settings", new Dictionary<string, string> { ["culture"] = "klingon" }, "form[action*='handler=Language']");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.ErrorSummary);
        Assert.Equal("en", await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync()));

        // Emails follow the member's language.
        await browser.FillAsync("/account/forgot", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(TextsFile.En("Email.ResetPassword.Subject"), (await factory.EmailsToAsync(email))[^1].Subject);
    }
}

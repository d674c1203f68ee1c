using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_footer_switches_the_site_to_English_and_back_to_French_on_the_same_page()
    {
        await using var journey = new Journey(app, output, "language");
        var page = await journey.NewPageAsync();

        await page.GotoAsync("/account/signin");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Se connecter");
        await Assertions.Expect(page.Locator(".language-switch a[hreflang=fr]")).ToHaveAttributeAsync("aria-current", "true");

        await Members.ClickAndWaitForLoadAsync(page, page.Locator(".language-switch a[hreflang=en]"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal("/account/signin", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Create an account", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".language-switch a[hreflang=en]")).ToHaveAttributeAsync("aria-current", "true");
        await journey.CheckAsync(page, "signin-english");

        // The choice sticks from page to page.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Less alone with a little one");
        await journey.CheckAsync(page, "landing-english");

        await Members.ClickAndWaitForLoadAsync(page, page.Locator(".language-switch a[hreflang=fr]"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Moins seul·e avec un tout-petit");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Créer un compte", Exact = true })).ToBeVisibleAsync();
        await journey.CheckAsync(page, "landing-french-again");

        journey.AssertClean();
    }
}

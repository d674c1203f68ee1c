using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OtherPagesTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_account_and_information_pages_have_no_serious_accessibility_problem()
    {
        await using var journey = new Journey(app, output, "pages");
        var page = await journey.NewPageAsync();

        foreach (var (path, name) in new[] { ("/privacy", "privacy"), ("/rules", "rules"), ("/about-data", "about-data"), ("/account/forgot", "forgot"), ("/account/resend", "resend") })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await journey.CheckAsync(page, name);
        }

        // A form sent empty shows its error summary.
        await page.GotoAsync("/account/signup");
        await Members.ClickAndWaitForLoadAsync(page, page.Locator("form.stack button[type=submit]"));
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await journey.CheckAsync(page, "signup-errors");

        var email = Members.NewAddress("pages");
        await journey.Server.CreateConfirmedParentAsync(email, "Maxime");
        await Members.SignInAsync(page, email);
        foreach (var (path, name) in new[] { ("/account/settings", "settings"), ("/account/data", "my-data"), ("/dev/emails", "dev-emails") })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await journey.CheckAsync(page, name);
        }

        journey.AssertClean();
    }
}

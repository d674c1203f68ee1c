using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Signing_out_from_the_header_ends_the_session()
    {
        await using var journey = new Journey(app, output, "signout");
        var email = Members.NewAddress("signout");
        await journey.Server.CreateConfirmedParentAsync(email, "Lou");
        var page = await journey.NewPageAsync();
        await Members.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bonjour Lou");

        // On a phone the links fold behind the Menu button.
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" });
        await Assertions.Expect(signOut).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Members.ClickAndWaitForLoadAsync(page, signOut);
        await Members.ExpectPathAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Créer un compte", Exact = true })).ToBeVisibleAsync();
        var profile = await page.GotoAsync("/profile");
        Assert.Equal("/account/signin", new Uri(profile!.Url).AbsolutePath);
        await journey.CheckAsync(page, "signed-out");
        journey.AssertClean();
    }
}

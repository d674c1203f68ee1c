using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HostileInputTests(BrowserApp app, ITestOutputHelper output)
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task A_display_name_made_of_a_script_tag_is_saved_and_shown_as_text_without_running()
    {
        await using var journey = new Journey(app, output, "hostile");
        var server = journey.Server;
        var page = await journey.NewPageAsync(bypassCsp: true);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        // Typed at sign-up, then typed again on the profile page.
        var email = Members.NewAddress("hostile");
        var id = await Members.SignUpConfirmAndSignInAsync(page, server, Script, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {Script}");
        await journey.CheckAsync(page, "home");

        await page.GotoAsync("/profile");
        await Assertions.Expect(page.Locator("#Input_DisplayName")).ToHaveValueAsync(Script);
        await page.Locator("#Input_DisplayName").FillAsync(Script + "\"'");
        await page.Locator("#Input_About").FillAsync($"{Script}<img src=x onerror=alert(2)>");
        await Members.SubmitAsync(page, "Enregistrer");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_DisplayName")).ToHaveValueAsync(Script + "\"'");
        await journey.CheckAsync(page, "profile");

        await page.GotoAsync($"/parents/{id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Script + "\"'");
        await Assertions.Expect(page.Locator("#about-title + p")).ToHaveTextAsync($"{Script}<img src=x onerror=alert(2)>");
        Assert.Equal($"{Script}\"' · Village", await page.TitleAsync());
        await journey.CheckAsync(page, "parent-page");

        // The only scripts are the site's own file (and axe, injected by the test); no image element was made.
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.scripts].map((s) => s.src || s.textContent.slice(0, 20))");
        Assert.All(scripts, s => Assert.True(s.Contains("/js/site.js", StringComparison.Ordinal) || s.Contains("axe", StringComparison.OrdinalIgnoreCase), s));
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);
        journey.AssertClean();
    }
}

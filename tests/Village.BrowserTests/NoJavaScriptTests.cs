using Microsoft.EntityFrameworkCore;
using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Without_JavaScript_a_parent_signs_in_and_saves_their_town_by_typing_it_or_by_picking_among_homonyms()
    {
        await using var journey = new Journey(app, output, "no-js");
        var server = journey.Server;
        var email = Members.NewAddress("nojs");
        var id = await server.CreateConfirmedParentAsync(email, "Dominique");
        var page = await journey.NewPageAsync(javaScript: false);

        await page.GotoAsync("/account/signin");
        await journey.CheckAsync(page, "signin");
        await Members.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bonjour Dominique");

        // A town typed in full, no suggestion list: the server finds it.
        await page.GotoAsync("/profile");
        await journey.CheckAsync(page, "profile");
        await page.Locator("#Input_TownQuery").FillAsync("Roubaix");
        await Members.SubmitAsync(page, "Enregistrer");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToHaveTextAsync("Profil enregistré.");
        await Assertions.Expect(page.Locator("#Input_TownQuery")).ToHaveValueAsync("Roubaix (59100)");
        Assert.Equal("Roubaix", await TownOfAsync(server, id));
        await journey.CheckAsync(page, "profile-saved-roubaix");

        // "Lille" is also a Belgian town (Anvers): the server either takes the big one or asks; either way, Lille it is.
        await page.Locator("#Input_TownQuery").FillAsync("Lille");
        await Members.SubmitAsync(page, "Enregistrer");
        var lilleChoice = page.GetByRole(AriaRole.Radio, new() { Name = "Lille (59000)", Exact = true });
        if (await page.Locator(".success[role=status]").CountAsync() == 0)
        {
            output.WriteLine("Typing 'Lille' asks which Lille (59000 or Anvers).");
            await journey.CheckAsync(page, "profile-lille-choices");
            await lilleChoice.CheckAsync();
            await Members.SubmitAsync(page, "Enregistrer");
        }

        await Assertions.Expect(page.Locator(".success[role=status]")).ToHaveTextAsync("Profil enregistré.");
        await Assertions.Expect(page.Locator("#Input_TownQuery")).ToHaveValueAsync("Lille (59000)");
        Assert.Equal("Lille", await TownOfAsync(server, id));
        await journey.CheckAsync(page, "profile-saved-lille");

        // A name several towns share: the page asks which one, with radio buttons, keeping what was typed.
        await page.Locator("#Input_TownQuery").FillAsync("Saint-Martin");
        await Members.SubmitAsync(page, "Enregistrer");
        var choices = page.Locator("input[type=radio][name='Input.TownChoice']");
        await Assertions.Expect(choices.First).ToBeVisibleAsync();
        Assert.True(await choices.CountAsync() > 1, "Several Saint-Martin are expected.");
        await Assertions.Expect(page.Locator("#Input_TownQuery")).ToHaveValueAsync("Saint-Martin");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await journey.CheckAsync(page, "profile-town-choices");

        var choice = choices.Last;
        var townId = await choice.GetAttributeAsync("value");
        var label = (await page.Locator("#town-choices label.choice").Last.InnerTextAsync()).Trim();
        await choice.CheckAsync();
        await Members.SubmitAsync(page, "Enregistrer");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToHaveTextAsync("Profil enregistré.");
        await Assertions.Expect(page.Locator("#Input_TownQuery")).ToHaveValueAsync(label);
        var saved = await server.QueryAsync(db => db.Profiles.Where(p => p.MemberId == id).Select(p => new { p.TownName, p.TownId }).SingleAsync());
        Assert.Equal(townId, saved.TownId);
        Assert.StartsWith("Saint-Martin", saved.TownName, StringComparison.Ordinal);
        await journey.CheckAsync(page, "profile-saved-saint-martin");

        journey.AssertClean();
    }

    private static Task<string?> TownOfAsync(VillageServer server, Guid id) =>
        server.QueryAsync(db => db.Profiles.Where(p => p.MemberId == id).Select(p => p.TownName).SingleAsync());
}

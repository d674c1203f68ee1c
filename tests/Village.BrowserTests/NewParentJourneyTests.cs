using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NewParentJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_new_parent_signs_up_fills_their_profile_and_adds_a_child_whose_first_name_other_parents_never_see()
    {
        await using var journey = new Journey(app, output, "new-parent");
        var server = journey.Server;
        var page = await journey.NewPageAsync();

        // Landing page, then the sign-up link of the header.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await journey.CheckAsync(page, "landing");
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte", Exact = true }));
        await Members.ExpectPathAsync(page, "/account/signup");
        await journey.CheckAsync(page, "signup");

        var email = Members.NewAddress("camille");
        await Members.SubmitSignUpAsync(page, "Camille", email);
        await journey.CheckAsync(page, "check-email");

        // The confirmation link, as the email carries it.
        await page.GotoAsync(await server.ConfirmationLinkAsync(email));
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("Votre adresse est confirmée");
        await journey.CheckAsync(page, "email-confirmed");

        await Members.ClickAndWaitForLoadAsync(page, page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Me connecter" }));
        await Members.ExpectPathAsync(page, "/account/signin");
        await journey.CheckAsync(page, "signin");
        await Members.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bonjour Camille");
        await journey.CheckAsync(page, "home-new");

        // Profile: town from the autocomplete, languages, an interest, an availability, visible nearby.
        await page.GotoAsync("/profile");
        await journey.CheckAsync(page, "profile-empty");
        await Members.ChooseTownAsync(page, "Nam", "Namur (BE)");
        await Assertions.Expect(page.Locator("[data-town-id]")).ToHaveValueAsync(new Regex("^GN-"));
        await page.Locator("input[name='Input.Languages'][value='fr']").CheckAsync();
        await page.Locator("input[name='Input.Languages'][value='nl']").CheckAsync();
        await page.Locator("input[name='Input.Interests'][value='Walks']").CheckAsync();
        await page.Locator("input[name='Input.Availability'][value='WeekdayMornings']").CheckAsync();
        await page.GetByLabel("Me rendre visible").CheckAsync();
        await Members.SubmitAsync(page, "Enregistrer");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToHaveTextAsync("Profil enregistré.");
        await Assertions.Expect(page.Locator("#Input_TownQuery")).ToHaveValueAsync("Namur (BE)");
        await journey.CheckAsync(page, "profile-saved");

        // A child born four months ago, with a first name.
        await page.GotoAsync("/profile/children");
        await journey.CheckAsync(page, "children-empty");
        var born = TimeProvider.System.GetUtcNow().AddMonths(-4);
        await page.Locator("#Input_Month").SelectOptionAsync(born.Month.ToString());
        await page.Locator("#Input_Year").FillAsync(born.Year.ToString());
        await page.Locator("#Input_FirstName").FillAsync("Léonie");
        await Members.SubmitAsync(page, "Ajouter");
        await Assertions.Expect(page.Locator(".plain-list")).ToContainTextAsync("Léonie · 4 mois");
        await journey.CheckAsync(page, "children-added");

        // Their own page shows the first name and the age.
        var id = await server.MemberIdAsync(email);
        await page.GotoAsync($"/parents/{id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Camille");
        await Assertions.Expect(page.Locator(".tags").First).ToContainTextAsync("Léonie · 4 mois");
        await journey.CheckAsync(page, "parent-self");

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#nearby-title")).ToContainTextAsync("Namur");
        await journey.CheckAsync(page, "home-filled");

        // Another parent, on another device. While they are not visible nearby, their page does not exist.
        var other = await journey.NewPageAsync();
        var otherEmail = Members.NewAddress("sam");
        var otherId = await Members.SignUpConfirmAndSignInAsync(other, server, "Sam", otherEmail);
        var hidden = await page.GotoAsync($"/parents/{otherId}");
        Assert.Equal(404, hidden!.Status);
        await journey.CheckAsync(page, "parent-not-visible-404");

        // Once they are visible near Namur, they see Camille's page: the child's age, never the first name.
        await other.GotoAsync("/profile");
        await Members.ChooseTownAsync(other, "Namur", "Namur (BE)");
        await other.GetByLabel("Me rendre visible").CheckAsync();
        await Members.SubmitAsync(other, "Enregistrer");
        await Assertions.Expect(other.Locator(".success[role=status]")).ToBeVisibleAsync();
        Assert.True(await server.QueryAsync(db => db.Profiles.AnyAsync(p => p.MemberId == otherId && p.VisibleNearby && p.TownName == "Namur")));

        var seen = await other.GotoAsync($"/parents/{id}");
        Assert.Equal(200, seen!.Status);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Camille");
        await Assertions.Expect(other.Locator(".tags").First).ToHaveTextAsync("4 mois");
        Assert.DoesNotContain("Léonie", await other.ContentAsync(), StringComparison.Ordinal);
        await journey.CheckAsync(other, "parent-seen-by-another");

        journey.AssertClean();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Village.BrowserTests.Support;
using Village.Web.Features.Accounts;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PlacesTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_parent_proposes_a_place_a_moderator_accepts_it_and_the_parent_finds_and_reviews_it()
    {
        await using var journey = new Journey(app, output, "places");
        var parentEmail = Members.NewAddress("places");
        await journey.Server.CreateConfirmedParentAsync(parentEmail, "Camille");
        var moderatorEmail = Members.NewAddress("moderator");
        using (var scope = journey.Server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountCreation>()
                .CreateConfirmedAsync(moderatorEmail, Members.Password, "Équipe Village", [Roles.Moderator]);
            Assert.True(created.Succeeded);
        }

        var name = $"Café Poussette {Guid.NewGuid():N}"[..22];
        var parent = await journey.NewPageAsync();
        await Members.SignInAsync(parent, parentEmail);
        await parent.GotoAsync("/profile");
        await Members.ChooseTownAsync(parent, "Nam", "Namur (BE)");
        await Members.SubmitAsync(parent, "Enregistrer");

        await parent.GotoAsync("/places/new");
        await journey.CheckAsync(parent, "place-new");
        await parent.GetByLabel("Nom du lieu").FillAsync(name);
        await parent.GetByLabel("Description").FillAsync("Un tapis d'éveil, des livres en tissu, des chaises hautes et un accueil très doux.");
        await parent.GetByLabel("Adresse").FillAsync("Rue des Brasseurs 27");
        await Members.ChooseTownAsync(parent, "Nam", "Namur (BE)");
        await parent.GetByLabel("Horaires").FillAsync("Du mardi au samedi, de 9 h à 18 h");
        await parent.GetByLabel("Table à langer").CheckAsync();
        await parent.GetByLabel("Accès poussette").CheckAsync();
        await Members.SubmitAsync(parent, "Proposer ce lieu");
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync(name);
        await journey.CheckAsync(parent, "place-pending");
        var placeUrl = new Uri(parent.Url).PathAndQuery;

        var moderator = await journey.NewPageAsync();
        await Members.SignInAsync(moderator, moderatorEmail);
        await moderator.GotoAsync("/moderation/places");
        await journey.CheckAsync(moderator, "places-moderation");
        var card = moderator.Locator(".card", new() { HasText = name });
        await Members.ClickAndWaitForLoadAsync(moderator, card.GetByRole(AriaRole.Button, new() { Name = "Accepter", Exact = true }));

        await parent.GotoAsync("/places");
        await journey.CheckAsync(parent, "places");
        await Members.ClickAndWaitForLoadAsync(parent, parent.GetByRole(AriaRole.Link, new() { Name = name }));
        await Members.ExpectPathAsync(parent, placeUrl);
        await parent.GetByLabel("Votre avis").FillAsync("Mon refuge des matins difficiles.");
        await Members.SubmitAsync(parent, "Publier mon avis");
        await Assertions.Expect(parent.Locator("#reviews")).ToContainTextAsync("Mon refuge des matins difficiles.");
        await journey.CheckAsync(parent, "place");

        journey.AssertClean();
    }
}

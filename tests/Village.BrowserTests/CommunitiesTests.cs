using Village.BrowserTests.Support;
using Village.Web.Features.Communities;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CommunitiesTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_parent_in_Namur_finds_the_local_community_on_the_home_page_and_joins_in_one_tap()
    {
        await using var journey = new Journey(app, output, "communities");
        var slug = $"parents-de-namur-{Guid.NewGuid():N}"[..30];
        await journey.Server.QueryAsync(db =>
        {
            db.Communities.Add(new Community
            {
                Id = Guid.CreateVersion7(),
                Slug = slug,
                Name = "Parents de Namur",
                Description = "Entraide entre parents de jeunes enfants à Namur et alentours.",
                Kind = CommunityKind.Local,
                TownName = "Namur",
                Latitude = 50.47,
                Longitude = 4.87,
                Status = CommunityStatus.Approved,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            });
            return db.SaveChangesAsync();
        });
        var page = await journey.NewPageAsync();
        var email = Members.NewAddress("communities");
        await journey.Server.CreateConfirmedParentAsync(email, "Camille");
        await Members.SignInAsync(page, email);
        await page.GotoAsync("/profile");
        await Members.ChooseTownAsync(page, "Nam", "Namur (BE)");
        await Members.SubmitAsync(page, "Enregistrer");

        await page.GotoAsync("/");
        var card = page.Locator(".community-card", new() { HasText = "Parents de Namur" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await journey.CheckAsync(page, "home-suggestion");
        await Members.ClickAndWaitForLoadAsync(page, card.GetByRole(AriaRole.Button, new() { Name = "Rejoindre Parents de Namur" }));

        await Members.ExpectPathAsync(page, $"/communities/{slug}");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToContainTextAsync("Bienvenue");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes membre" })).ToBeVisibleAsync();
        await journey.CheckAsync(page, "community-joined");

        await page.GotoAsync("/communities");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes communautés" })).ToBeVisibleAsync();
        await journey.CheckAsync(page, "communities");
        await page.GotoAsync("/communities/new");
        await journey.CheckAsync(page, "community-request");

        journey.AssertClean();
    }
}

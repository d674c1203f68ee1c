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
        await journey.Server.OpenCommunityAsync(
            slug, "Parents de Namur", "Entraide entre parents de jeunes enfants à Namur et alentours.",
            namur => (namur.Kind, namur.Theme, namur.TownName, namur.Latitude, namur.Longitude) = (CommunityKind.Local, null, "Namur", 50.47, 4.87));
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

    [Fact]
    public async Task A_parent_joins_asks_a_question_another_answers_and_the_asker_marks_it_answered()
    {
        await using var journey = new Journey(app, output, "question");
        var slug = $"entraide-{Guid.NewGuid():N}"[..20];
        await journey.Server.OpenCommunityAsync(slug, "Entraide des parents", "Questions, bons plans et coups de main entre parents.");
        var asker = await journey.NewPageAsync();
        var helper = await journey.NewPageAsync();
        var askerEmail = Members.NewAddress("asker");
        var helperEmail = Members.NewAddress("helper");
        await journey.Server.CreateConfirmedParentAsync(askerEmail, "Camille");
        await journey.Server.CreateConfirmedParentAsync(helperEmail, "Youssef");

        foreach (var (page, email) in new[] { (asker, askerEmail), (helper, helperEmail) })
        {
            await Members.SignInAsync(page, email);
            await page.GotoAsync($"/communities/{slug}");
            await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "J'accepte et je rejoins", Exact = true }));
        }

        await journey.CheckAsync(asker, "community-empty-feed");
        await Members.ClickAndWaitForLoadAsync(asker, asker.GetByRole(AriaRole.Link, new() { Name = "Publier", Exact = true }));
        await asker.GetByLabel("Titre").FillAsync("Une crèche avec de la place à Namur ?");
        await asker.GetByLabel("Votre message").FillAsync("Je reprends le travail en mars : des adresses de **crèches** ou d'accueillantes ?");
        await journey.CheckAsync(asker, "new-question");
        await Members.SubmitAsync(asker, "Publier");
        await Assertions.Expect(asker.Locator("h1")).ToHaveTextAsync("Une crèche avec de la place à Namur ?");
        var postUrl = asker.Url;

        await helper.GotoAsync($"/communities/{slug}");
        await journey.CheckAsync(helper, "feed-with-question");
        await Members.ClickAndWaitForLoadAsync(helper, helper.GetByRole(AriaRole.Link, new() { Name = "Une crèche avec de la place à Namur ?" }));
        await helper.GetByLabel("Votre réponse").FillAsync("La crèche du quartier de la gare a des places en mars, appelez le lundi.");
        await Members.SubmitAsync(helper, "Répondre");
        await Members.ClickAndWaitForLoadAsync(helper, helper.GetByRole(AriaRole.Button, new() { Name = "Merci !" }));
        await journey.CheckAsync(helper, "answered-and-thanked");

        await asker.GotoAsync(postUrl);
        await Assertions.Expect(asker.Locator("#comments")).ToContainTextAsync("La crèche du quartier de la gare");
        await Members.ClickAndWaitForLoadAsync(asker, asker.GetByRole(AriaRole.Button, new() { Name = "J'ai ma réponse" }));
        await Assertions.Expect(asker.Locator("article .tag.done")).ToHaveTextAsync("Répondue");
        await journey.CheckAsync(asker, "question-answered");

        journey.AssertClean();
    }
}

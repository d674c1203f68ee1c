using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CommunityToolsTests(BrowserApp app, ITestOutputHelper output)
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task A_script_typed_into_an_address_and_a_poll_choice_is_shown_as_text_and_never_runs()
    {
        await using var journey = new Journey(app, output, "tools");
        var slug = $"outils-{Guid.NewGuid():N}"[..20];
        await journey.Server.OpenCommunityAsync(slug, "Parents de Namur", "Entraide entre parents de jeunes enfants à Namur et alentours.");
        // Without the policy's protection, so that only the pages' escaping stands between the text and a script.
        var page = await journey.NewPageAsync(bypassCsp: true);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var email = Members.NewAddress("tools");
        await journey.Server.CreateConfirmedParentAsync(email, "Camille");
        await Members.SignInAsync(page, email);
        await page.GotoAsync($"/communities/{slug}");
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "J'accepte et je rejoins", Exact = true }));

        // The address book: an entry whose name and address are scripts.
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Bonnes adresses", Exact = true }));
        await journey.CheckAsync(page, "addresses-empty");
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une adresse" }));
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(Script);
        await page.GetByLabel("Catégorie").SelectOptionAsync("Pediatrician");
        await Members.ChooseTownAsync(page, "Nam", "Namur (BE)");
        await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("<img src=x onerror=alert(2)>");
        await journey.CheckAsync(page, "address-new");
        await Members.SubmitAsync(page, "Ajouter l'adresse");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Script);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("<img src=x onerror=alert(2)>");
        await page.GetByLabel("Votre avis").FillAsync(Script + " Très douce avec les bébés.");
        await Members.SubmitAsync(page, "Je recommande");
        await Assertions.Expect(page.Locator("#recommendations")).ToContainTextAsync(Script + " Très douce avec les bébés.");
        await journey.CheckAsync(page, "address-recommended");
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Bonnes adresses", Exact = true }));
        await Assertions.Expect(page.Locator("main .cards h2")).ToHaveTextAsync(Script);
        await journey.CheckAsync(page, "addresses");
        await AssertNoScriptRanAsync(page, dialogs);

        // A poll with a script as one of its choices, voted for.
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Sondages", Exact = true }));
        await journey.CheckAsync(page, "polls-empty");
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Créer un sondage" }));
        await page.GetByLabel("Votre question").FillAsync("Quel jour pour la balade ?");
        await page.GetByLabel("Choix 1", new() { Exact = true }).FillAsync("Mardi matin");
        await page.GetByLabel("Choix 2", new() { Exact = true }).FillAsync(Script);
        await journey.CheckAsync(page, "poll-new");
        await Members.SubmitAsync(page, "Publier le sondage");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quel jour pour la balade ?");
        await page.GetByLabel(Script).CheckAsync();
        await journey.CheckAsync(page, "poll-open");
        await Members.SubmitAsync(page, "Voter");
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync(Script);
        await journey.CheckAsync(page, "poll-results");
        await AssertNoScriptRanAsync(page, dialogs);
        await page.GotoAsync($"/communities/{slug}/polls");
        await journey.CheckAsync(page, "polls");

        // The idea box, with an idea.
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Boîte à idées", Exact = true }));
        await page.GetByLabel("Titre").FillAsync(Script);
        await page.GetByLabel("Votre idée en quelques lignes").FillAsync("Un pique-nique des familles au parc.");
        await Members.SubmitAsync(page, "Proposer");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Script);
        await journey.CheckAsync(page, "idea");
        await page.GotoAsync($"/communities/{slug}/ideas");
        await journey.CheckAsync(page, "ideas");
        await AssertNoScriptRanAsync(page, dialogs);

        journey.AssertClean();
    }

    /// <summary>No dialog opened, and the only scripts are the site's own file and axe (injected by the test).</summary>
    private static async Task AssertNoScriptRanAsync(IPage page, List<string> dialogs)
    {
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.scripts].map((s) => s.src || s.textContent.slice(0, 20))");
        Assert.All(scripts, s => Assert.True(s.Contains("/js/site.js", StringComparison.Ordinal) || s.Contains("axe", StringComparison.OrdinalIgnoreCase), s));
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.BrowserTests.Support;
using Village.Web.Infrastructure.Geo;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ParentsAndMessagesJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_finds_B_nearby_says_hello_B_accepts_and_their_messages_arrive_live_and_survive_a_lost_connection()
    {
        await using var journey = new Journey(app, output, "messages");
        var server = journey.Server;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (amina, bastien) = ($"Amina {suffix}", $"Bastien {suffix}");
        var pages = new Dictionary<string, IPage>();
        foreach (var name in new[] { amina, bastien })
        {
            var email = Members.NewAddress("hello");
            await server.CreateConfirmedParentAsync(email, name);
            await VisibleInNamurWithABabyAsync(server, email);
            pages[name] = await journey.NewPageAsync();
            await Members.SignInAsync(pages[name], email);
        }

        var a = pages[amina];
        await a.GotoAsync("/parents");
        await journey.CheckAsync(a, "parents");
        var card = a.Locator("li.parent-card").Filter(new() { HasText = bastien });
        await Members.ClickAndWaitForLoadAsync(a, card.GetByRole(AriaRole.Link, new() { Name = "Dire bonjour" }));
        await a.GetByLabel("Une balade cette semaine ?").CheckAsync();
        await journey.CheckAsync(a, "hello");
        await Members.SubmitAsync(a, "Envoyer mon bonjour");
        await Assertions.Expect(a.GetByText($"Votre bonjour est envoyé à {bastien}.")).ToBeVisibleAsync();

        var b = pages[bastien];
        await b.GotoAsync("/hellos");
        await journey.CheckAsync(b, "hellos");
        await Members.SubmitAsync(b, "Accepter et discuter");
        await Assertions.Expect(b).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/messages/[0-9a-f-]{36}"));
        await Assertions.Expect(b.Locator("#messages")).ToContainTextAsync("Une balade cette semaine ?");
        var conversation = new Uri(b.Url).AbsolutePath;

        // A reads the conversation; B's answer appears there without a reload.
        await a.GotoAsync(conversation);
        await journey.CheckAsync(a, "conversation");
        await b.GetByLabel("Votre message").FillAsync("Avec plaisir ! Mardi matin au parc ?");
        await b.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Assertions.Expect(a.Locator("#messages")).ToContainTextAsync("Avec plaisir ! Mardi matin au parc ?");

        // A long answer typed while the connection drops is kept, then sent once it is back.
        var answer = "Mardi c'est parfait. " + string.Concat(Enumerable.Repeat("On se retrouve à l'entrée, près des balançoires. ", 20));
        await a.GetByLabel("Votre message").FillAsync(answer);
        await a.Context.SetOfflineAsync(true);
        await a.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Assertions.Expect(a.Locator("#message-status")).ToContainTextAsync("nous avons gardé votre texte");
        await Assertions.Expect(a.GetByLabel("Votre message")).ToHaveValueAsync(answer);
        await a.Context.SetOfflineAsync(false);
        await a.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Assertions.Expect(a.GetByLabel("Votre message")).ToHaveValueAsync("");
        await Assertions.Expect(b.Locator("#messages")).ToContainTextAsync("Mardi c'est parfait.");
        var written = await server.QueryAsync(db => db.Messages.CountAsync(m => m.Text == answer.Trim()));
        Assert.Equal(1, written);

        journey.AssertClean();
    }

    private static async Task VisibleInNamurWithABabyAsync(VillageServer server, string email)
    {
        var namur = server.Services.GetRequiredService<Gazetteer>().Resolve("Namur", null, null).Town!;
        var born = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddMonths(-4);
        await server.QueryAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            await db.Profiles.Where(p => p.MemberId == id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.TownId, namur.Id).SetProperty(p => p.TownName, namur.Name).SetProperty(p => p.Country, namur.Country)
                .SetProperty(p => p.Latitude, namur.Latitude).SetProperty(p => p.Longitude, namur.Longitude).SetProperty(p => p.VisibleNearby, true));
            db.Children.Add(new() { Id = Guid.CreateVersion7(), ParentId = id, Year = born.Year, Month = born.Month, CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
    }
}

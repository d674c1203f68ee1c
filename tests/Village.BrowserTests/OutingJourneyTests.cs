using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.BrowserTests.Support;
using Village.Web.Infrastructure.Geo;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OutingJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_proposes_a_Thursday_coffee_for_3_families_B_and_C_join_D_waits_B_leaves_and_D_moves_up()
    {
        await using var journey = new Journey(app, output, "outing");
        var server = journey.Server;
        var parents = new Dictionary<string, (IPage Page, string Email)>();
        foreach (var name in new[] { "Anaïs", "Bruno", "Chloé", "Driss" })
        {
            var email = Members.NewAddress("outing");
            await server.CreateConfirmedParentAsync(email, name);
            await LiveInNamurAsync(server, email);
            var page = await journey.NewPageAsync();
            await Members.SignInAsync(page, email);
            parents[name] = (page, email);
        }

        var a = parents["Anaïs"].Page;
        await a.GotoAsync("/outings/new");
        var title = $"Café du jeudi {Guid.NewGuid():N}"[..22];
        await a.GetByLabel("Titre", new() { Exact = true }).FillAsync(title);
        await a.GetByLabel("Description", new() { Exact = true }).FillAsync("Un café au chaud avec un coin jeux pour les petits.");
        await a.GetByLabel("Adresse", new() { Exact = true }).FillAsync("Rue de l'Ange 18, café Le Petit Salon");
        await a.GetByLabel("Point de rendez-vous", new() { Exact = true }).FillAsync("À la grande table près du coin jeux");
        await a.GetByLabel("Date", new() { Exact = true }).FillAsync(NextThursday());
        await a.GetByLabel("Heure", new() { Exact = true }).FillAsync("10:00");
        await a.GetByLabel("Nombre de familles au maximum (la vôtre comprise)").FillAsync("3");
        await a.GetByLabel("Je vous attends à l'entrée").CheckAsync();
        await journey.CheckAsync(a, "outing-new");
        await Members.SubmitAsync(a, "Publier la sortie");
        await Assertions.Expect(a.Locator("h1")).ToHaveTextAsync(title);
        var outingUrl = new Uri(a.Url).AbsolutePath;
        await journey.CheckAsync(a, "outing-organizer");

        foreach (var name in new[] { "Bruno", "Chloé" })
        {
            var page = parents[name].Page;
            await page.GotoAsync(outingUrl);
            await Members.SubmitAsync(page, "Je viens");
            await Assertions.Expect(page.Locator(".success[role=status]")).ToContainTextAsync("vous venez");
        }

        var d = parents["Driss"].Page;
        await d.GotoAsync(outingUrl);
        await Assertions.Expect(d.GetByText("À la grande table près du coin jeux")).ToHaveCountAsync(0);
        await journey.CheckAsync(d, "outing-full");
        await Members.SubmitAsync(d, "M'inscrire sur la liste d'attente");
        await Assertions.Expect(d.GetByText("Vous êtes en tête de la liste d'attente.")).ToBeVisibleAsync();

        var b = parents["Bruno"].Page;
        await b.GotoAsync(outingUrl);
        await Members.SubmitAsync(b, "Je ne viens plus");
        await Assertions.Expect(b.Locator(".success[role=status]")).ToContainTextAsync("vous ne venez plus");

        await d.GotoAsync(outingUrl);
        await Assertions.Expect(d.GetByText("Vous venez : 1 adulte(s), 1 enfant(s).")).ToBeVisibleAsync();
        await Assertions.Expect(d.GetByText("À la grande table près du coin jeux")).ToBeVisibleAsync();
        await journey.CheckAsync(d, "outing-promoted");
        var promoted = await server.QueryAsync(db => db.OutboxEmails.Where(e => e.ToAddress == parents["Driss"].Email).Select(e => e.Subject).ToListAsync());
        Assert.Contains(promoted, s => s.StartsWith("Une place s'est libérée", StringComparison.Ordinal));

        journey.AssertClean();
    }

    private static string NextThursday()
    {
        var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Thursday)
        {
            day = day.AddDays(1);
        }

        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static async Task LiveInNamurAsync(VillageServer server, string email)
    {
        var namur = server.Services.GetRequiredService<Gazetteer>().Resolve("Namur", null, null).Town!;
        await server.QueryAsync(db => db.Profiles.Where(p => db.Users.Any(u => u.Id == p.MemberId && u.Email == email))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.TownId, namur.Id).SetProperty(p => p.TownName, namur.Name).SetProperty(p => p.Country, namur.Country)
                .SetProperty(p => p.Latitude, namur.Latitude).SetProperty(p => p.Longitude, namur.Longitude)));
    }
}

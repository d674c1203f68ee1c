using Microsoft.EntityFrameworkCore;
using Village.BrowserTests.Support;
using Village.Tests.Support;
using Village.Web.Features.Outings;
using static Village.Tests.Support.DirectoryData;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CircleJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_parent_lists_her_mother_and_mother_in_law_publishes_meals_her_mother_takes_one_then_the_check_in_finds_a_drop_in_place_open_tomorrow()
    {
        await using var journey = new Journey(app, output, "circle");
        var server = journey.Server;
        var parentEmail = Members.NewAddress("circle");
        var motherEmail = Members.NewAddress("mother");
        var parentId = await server.CreateConfirmedParentAsync(parentEmail, "Camille");
        var home = OutingData.NewSpot();
        await server.SetHomeAsync(parentId, home);
        // A free drop-in place 2 km away, open only tomorrow morning (in Brussels, where the parent lives).
        var now = server.Clock.GetUtcNow().UtcDateTime;
        var tomorrow = OutingSchedule.ToLocal(now, "Europe/Brussels").Date.AddDays(1);
        var placeName = $"Maison des Bambins {Guid.NewGuid():N}"[..26];
        await server.AddServiceAsync(new ServiceSpec(placeName, (home.Latitude + 0.018, home.Longitude))
        {
            Hours = [(tomorrow.DayOfWeek.ToString()[..2].ToUpperInvariant(), "09:00", "12:00")],
        });

        // She lists her mother (far away, with her email) and her mother-in-law (in town).
        var parent = await journey.NewPageAsync();
        await Members.SignInAsync(parent, parentEmail);
        await parent.GotoAsync("/circle");
        await journey.CheckAsync(parent, "circle-empty");
        await AddToCircleAsync(parent, "Maman", "à quelques heures", motherEmail);
        await AddToCircleAsync(parent, "Françoise (belle-mère)", "dans la même ville", null);
        await Assertions.Expect(parent.Locator(".ecomap svg")).ToContainTextAsync("Maman");
        await Assertions.Expect(parent.Locator(".ecomap svg")).ToContainTextAsync("Françoise");
        await journey.CheckAsync(parent, "circle");

        // She opens her help calendar and publishes two weeks of evening meals.
        await parent.GotoAsync("/circle/calendar");
        await Members.SubmitAsync(parent, "Ouvrir mon calendrier");
        await Members.ClickAndWaitForLoadAsync(parent, parent.GetByRole(AriaRole.Link, new() { Name = "Ajouter un besoin" }));
        await parent.GetByLabel("De quoi avez-vous besoin ?").SelectOptionAsync(new SelectOptionValue { Label = "Un repas" });
        await parent.GetByLabel("Détails", new() { Exact = true }).FillAsync("Un plat pour deux adultes, à réchauffer.");
        await parent.GetByLabel("Allergies et aliments à éviter (pour les repas)").FillAsync("arachides");
        await parent.GetByLabel("Début", new() { Exact = true }).FillAsync("18:00");
        await parent.GetByLabel("Fin", new() { Exact = true }).FillAsync("19:00");
        await parent.GetByLabel("Premier jour").FillAsync(tomorrow.ToString("yyyy-MM-dd"));
        await parent.GetByLabel("Répéter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Tous les jours" });
        await parent.GetByLabel("Dernier jour (si cela se répète)").FillAsync(tomorrow.AddDays(13).ToString("yyyy-MM-dd"));
        await journey.CheckAsync(parent, "help-need-new");
        await Members.SubmitAsync(parent, "Publier");
        await Members.ExpectPathAsync(parent, "/circle/calendar");
        Assert.Equal(14, await server.QueryAsync(db => db.HelpTurns.CountAsync(t => db.HelpCalendars.Any(c => c.Id == t.CalendarId && c.OwnerId == parentId))));

        // She invites both from her circle; her mother gets her personal link by email.
        await Members.ClickAndWaitForLoadAsync(parent, parent.GetByRole(AriaRole.Link, new() { Name = "Inviter des proches" }));
        await parent.GetByLabel("Maman").CheckAsync();
        await journey.CheckAsync(parent, "help-invite");
        await Members.SubmitAsync(parent, "Envoyer l'invitation");
        var motherLink = await server.EmailLinkAsync(motherEmail, link => link.AbsolutePath.StartsWith("/h/", StringComparison.Ordinal));

        // Her mother, without an account, takes the first evening.
        var mother = await journey.NewPageAsync();
        await mother.GotoAsync(motherLink);
        await Assertions.Expect(mother.Locator("main")).ToContainTextAsync("arachides");
        await journey.CheckAsync(mother, "help-helper");
        var firstFree = mother.Locator("form").Filter(new() { Has = mother.GetByRole(AriaRole.Button, new() { Name = "Je m'en occupe" }) }).First;
        await firstFree.GetByLabel("Ce que j'apporte ou fais (facultatif)").FillAsync("Une soupe de potiron");
        await Members.ClickAndWaitForLoadAsync(mother, firstFree.GetByRole(AriaRole.Button, new() { Name = "Je m'en occupe" }));
        await Assertions.Expect(mother.Locator("main")).ToContainTextAsync("Une soupe de potiron");

        // The parent sees who comes when.
        await parent.GotoAsync("/circle/calendar");
        await Assertions.Expect(parent.Locator("section[aria-labelledby='next-title']")).ToContainTextAsync("Maman");
        await Assertions.Expect(parent.Locator("section[aria-labelledby='weeks-title']")).ToContainTextAsync("Une soupe de potiron");
        await journey.CheckAsync(parent, "help-calendar");

        // The check-in: a thin network, she often feels alone; safe, mood fine.
        await parent.GotoAsync("/checkin");
        await journey.CheckAsync(parent, "checkin");
        foreach (var (question, answer) in new[]
        {
            ("Combien de personnes de votre famille", "2"),
            ("À combien d'entre elles", "1"),
            ("Sur combien d'entre elles", "1"),
            ("Combien d'amis", "Personne"),
            ("À combien d'entre eux", "Personne"),
            ("Sur combien d'entre eux", "Personne"),
            ("manquer de compagnie", "Souvent"),
            ("laisse de côté", "Parfois"),
            ("à l'écart des autres", "Souvent"),
            ("vous sentir seul ou seule", "Très souvent ou tout le temps"),
            ("une personne vraiment proche", "Plus ou moins"),
            ("un cercle plus large", "Oui"),
            ("le moral au plus bas", "Non"),
            ("peu d'envie ou peu de plaisir", "Non"),
            ("pensées de vous faire du mal", "Non, jamais"),
        })
        {
            await parent.Locator("fieldset.checkin-question", new() { HasText = question }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }

        await Members.SubmitAsync(parent, "Voir mon résultat");
        var help = parent.Locator("main .nearby-help");
        await Assertions.Expect(help).ToContainTextAsync(placeName);
        await Assertions.Expect(help).ToContainTextAsync("ouvert demain de 9 h à 12 h");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("0800 32 123");
        await journey.CheckAsync(parent, "checkin-result");
        Assert.Equal(0, await server.QueryAsync(db => db.CheckInEntries.CountAsync(e => e.MemberId == parentId)));

        journey.AssertClean();
    }

    private static async Task AddToCircleAsync(IPage page, string name, string livesWithin, string? email)
    {
        await page.GotoAsync("/circle/new");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Qui est-ce pour vous ?").SelectOptionAsync(new SelectOptionValue { Label = "Famille" });
        await page.GetByLabel("Très proche").CheckAsync();
        await page.GetByLabel("Où vit cette personne ?").SelectOptionAsync(new SelectOptionValue { Label = livesWithin });
        await page.GetByLabel("garder le bébé").CheckAsync();
        if (email is not null)
        {
            await page.GetByLabel("Adresse e-mail (facultatif)").FillAsync(email);
        }

        await Members.SubmitAsync(page, "Ajouter");
        await Members.ExpectPathAsync(page, "/circle");
    }
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.HelpCalendars;
using Village.Web.Features.Outings;

namespace Village.Tests.Features.HelpCalendars;

/// <summary>The parent's help calendar through its pages: start, publish, the weeks ahead with who comes, cancel a
/// date, delete a need, close; and the forbidden paths (another parent, a visitor, a helper who is not co-organiser).</summary>
public sealed class HelpCalendarPagesTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(OutingSchedule.ToLocal(factory.Clock.GetUtcNow().UtcDateTime, "Europe/Paris"));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(Browser Parent, Guid CalendarId)> ParentWithCalendarAsync(string name = "Camille")
    {
        var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: name);
        var start = await parent.GetAsync("/circle/calendar");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal($"Coups de main pour {name}", start.FieldValue("Input.Title"));
        var started = await parent.SubmitAsync(start, new Dictionary<string, string> { ["Input.Notes"] = "Pas d'arachides. Sonner doucement." });
        Assert.True(started.Status == HttpStatusCode.Redirect, started.ToString());
        var id = await factory.QueryAsync(db => db.HelpCalendars.OrderByDescending(c => c.CreatedAt).Where(c => c.Title == $"Coups de main pour {name}").Select(c => c.Id).FirstAsync());
        return (parent, id);
    }

    private static Task<WebPage> PublishAsync(Browser browser, string url, Dictionary<string, string> fields) =>
        browser.FillAsync(url, fields);

    private Dictionary<string, string> Meals(int days, string repeat = "Weekdays") => new()
    {
        ["Input.Kind"] = "Meal",
        ["Input.Details"] = "Un plat pour deux adultes",
        ["Input.Allergies"] = "pas d'arachides",
        ["Input.StartTime"] = "18:00",
        ["Input.EndTime"] = "19:00",
        ["Input.FirstDate"] = Day(Today.AddDays(1)),
        ["Input.Repeat"] = repeat,
        ["Input.LastDate"] = Day(Today.AddDays(days)),
    };

    private async Task<(HelpHelper Helper, string Token)> HelperAsync(Guid calendarId, string name, bool organiser = false)
    {
        var token = HelpAccess.NewToken();
        var helper = new HelpHelper
        {
            Id = Guid.CreateVersion7(),
            CalendarId = calendarId,
            Name = name,
            Email = AccountSteps.NewAddress("helper"),
            TokenHash = HelpAccess.Hash(token),
            CanOrganise = organiser,
            InvitedAt = factory.Clock.GetUtcNow().UtcDateTime,
        };
        await factory.QueryAsync(async db =>
        {
            db.HelpHelpers.Add(helper);
            return await db.SaveChangesAsync();
        });
        return (helper, token);
    }

    [Fact]
    public async Task A_parent_starts_publishes_sees_who_comes_cancels_a_date_deletes_a_need_and_closes()
    {
        var (parent, calendarId) = await ParentWithCalendarAsync();
        using var _ = parent;
        var published = await PublishAsync(parent, "/circle/calendar/needs/new", Meals(14, "Daily"));
        Assert.True(published.Status == HttpStatusCode.Redirect, published.ToString());
        var once = await PublishAsync(parent, "/circle/calendar/needs/new", new()
        {
            ["Input.Kind"] = "BabyDuringNap",
            ["Input.StartTime"] = "14:00",
            ["Input.EndTime"] = "16:00",
            ["Input.FirstDate"] = Day(Today.AddDays(2)),
            ["Input.Repeat"] = "Once",
        });
        Assert.True(once.Status == HttpStatusCode.Redirect, once.ToString());
        Assert.Equal(15, await factory.QueryAsync(db => db.HelpTurns.CountAsync(t => t.CalendarId == calendarId)));

        // Mamie takes tomorrow's meal.
        var (mamie, _) = await HelperAsync(calendarId, "Mamie");
        var tomorrow = Today.AddDays(1);
        await factory.QueryAsync(db => db.HelpTurns.Where(t => t.CalendarId == calendarId && t.Date == tomorrow)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.HelperId, mamie.Id).SetProperty(t => t.HelperNote, "des lasagnes")));
        var page = await parent.GetAsync("/circle/calendar");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var next = page.Document.QuerySelector(".help-next")!.TextContent.Normalized();
        Assert.Contains("Demain, Mamie apporte le repas entre 18 h et 19 h", next, StringComparison.Ordinal);
        Assert.Contains("Pris par Mamie", page.Text, StringComparison.Ordinal);
        Assert.Contains("des lasagnes", page.Text, StringComparison.Ordinal);
        Assert.Contains("Libre", page.Text, StringComparison.Ordinal);
        Assert.Contains("Garder bébé pendant la sieste", page.Text, StringComparison.Ordinal);

        // The parent's export holds the need, its dates and the helper's name, not the helper's address.
        var export = await parent.GetAsync("/account/data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Contains("Un plat pour deux adultes", export.Text, StringComparison.Ordinal);
        Assert.Contains("\"helper\": \"Mamie\"", export.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(mamie.Email, export.Text, StringComparison.Ordinal);

        // The parent no longer needs tomorrow: Mamie is told, plainly.
        var turnId = await factory.QueryAsync(db => db.HelpTurns.Where(t => t.CalendarId == calendarId && t.Date == tomorrow).Select(t => t.Id).SingleAsync());
        var cancelled = await parent.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='turnId={turnId}']");
        Assert.True(cancelled.Status == HttpStatusCode.Redirect, cancelled.ToString());
        Assert.True(await factory.QueryAsync(db => db.HelpTurns.Where(t => t.Id == turnId).Select(t => t.IsCancelled).SingleAsync()));
        var email = Assert.Single(await factory.EmailsToAsync(mamie.Email));
        Assert.Contains("Plus besoin", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("arachides", email.TextBody, StringComparison.Ordinal);

        // Delete the nap need: its turn goes.
        page = await parent.GetAsync("/circle/calendar");
        var napId = await factory.QueryAsync(db => db.HelpNeeds.Where(n => n.CalendarId == calendarId && n.Kind == HelpKind.BabyDuringNap).Select(n => n.Id).SingleAsync());
        var deleted = await parent.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='needId={napId}']");
        Assert.True(deleted.Status == HttpStatusCode.Redirect, deleted.ToString());
        Assert.False(await factory.QueryAsync(db => db.HelpNeeds.AnyAsync(n => n.Id == napId)));
        Assert.Equal(14, await factory.QueryAsync(db => db.HelpTurns.CountAsync(t => t.CalendarId == calendarId)));

        // Close: the helper's link stops working and they get a thank-you.
        var (_, token) = await HelperAsync(calendarId, "Françoise");
        Assert.NotNull(await factory.QueryAsync(db => HelpAccess.ForTokenAsync(db, token)));
        var closed = await parent.FillAsync("/circle/calendar/close", new Dictionary<string, string>());
        Assert.True(closed.Status == HttpStatusCode.Redirect, closed.ToString());
        Assert.Null(await factory.QueryAsync(db => HelpAccess.ForTokenAsync(db, token)));
        Assert.Contains(await factory.EmailsToAsync(mamie.Email), e => e.Subject.Contains("Merci", StringComparison.Ordinal));

        // Past calendars are read-only; a new one can start.
        page = await parent.GetAsync("/circle/calendar");
        Assert.NotNull(page.Document.QuerySelector($"a[href='/circle/calendar/{calendarId}']"));
        var past = await parent.GetAsync($"/circle/calendar/{calendarId}");
        Assert.Equal(HttpStatusCode.OK, past.Status);
        Assert.Contains("Annulé", past.Text, StringComparison.Ordinal);
        Assert.Empty(past.Document.QuerySelectorAll("main form"));
        Assert.NotNull(page.Document.QuerySelector("form[action*='handler=Start']"));
    }

    [Fact]
    public async Task Another_parent_gets_404_and_a_visitor_is_sent_to_sign_in()
    {
        var (owner, calendarId) = await ParentWithCalendarAsync("Léa");
        using var _ = owner;
        await PublishAsync(owner, "/circle/calendar/needs/new", Meals(3));
        await owner.FillAsync("/circle/calendar/close", new Dictionary<string, string>());
        var turnId = await factory.QueryAsync(db => db.HelpTurns.Where(t => t.CalendarId == calendarId).Select(t => t.Id).FirstAsync());
        var needId = await factory.QueryAsync(db => db.HelpNeeds.Where(t => t.CalendarId == calendarId).Select(t => t.Id).FirstAsync());

        using var other = factory.NewBrowser();
        await other.SignedInMemberAsync(factory, displayName: "Autre");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/circle/calendar/{calendarId}")).Status);
        // The other parent has an open calendar of their own: the ids of Léa's calendar are not theirs.
        var mine = await other.FillAsync("/circle/calendar", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, mine.Status);
        var page = await other.GetAsync("/circle/calendar");
        foreach (var handler in new[] { $"CancelTurn&turnId={turnId}", $"DeleteNeed&needId={needId}" })
        {
            var answer = await other.PostAsync($"/circle/calendar?handler={handler}", [new(Browser.AntiforgeryField, page.AntiforgeryToken)]);
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"{handler}: {answer}");
        }

        using var visitor = factory.NewBrowser();
        foreach (var url in new[] { "/circle/calendar", "/circle/calendar/needs/new", "/circle/calendar/close", $"/circle/calendar/{calendarId}" })
        {
            var answer = await visitor.GetAsync(url);
            Assert.True(answer.Status == HttpStatusCode.Redirect && answer.Location!.Contains("/account/signin", StringComparison.Ordinal), $"{url}: {answer}");
        }
    }

    [Fact]
    public async Task A_co_organiser_publishes_through_their_link_and_a_plain_helper_gets_404()
    {
        var (parent, calendarId) = await ParentWithCalendarAsync("Sofia");
        using var _ = parent;
        var (organiser, organiserToken) = await HelperAsync(calendarId, "Françoise", organiser: true);
        var (_, plainToken) = await HelperAsync(calendarId, "Voisine");

        using var guest = factory.NewBrowser();
        var published = await PublishAsync(guest, $"/h/{organiserToken}/needs/new", Meals(7));
        Assert.True(published.Status == HttpStatusCode.Redirect, published.ToString());
        Assert.Equal($"/h/{organiserToken}", published.Location);
        var need = await factory.QueryAsync(db => db.HelpNeeds.SingleAsync(n => n.CalendarId == calendarId));
        Assert.Equal(organiser.Id, need.CreatedByHelperId);
        var helperPage = await guest.GetAsync($"/h/{organiserToken}");
        Assert.Contains(TextsFile.Fr("Help.Published"), helperPage.Document.QuerySelector("main [role=status]")?.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/h/{plainToken}/needs/new")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/h/not-a-token/needs/new")).Status);
        var form = await guest.GetAsync($"/h/{organiserToken}/needs/new");
        var refused = await guest.PostAsync($"/h/{plainToken}/needs/new", [.. Meals(3), new(Browser.AntiforgeryField, form.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_kept_and_hostile_text_is_shown_as_text()
    {
        var (parent, calendarId) = await ParentWithCalendarAsync("Nath");
        using var _ = parent;
        var before = Meals(3);
        before["Input.EndTime"] = "17:00";
        var refused = await PublishAsync(parent, "/circle/calendar/needs/new", before);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("L'heure de fin doit venir après", refused.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("17:00", refused.FieldValue("Input.EndTime"));

        var tooFar = Meals(200, "Daily");
        var far = await PublishAsync(parent, "/circle/calendar/needs/new", tooFar);
        Assert.Equal(HttpStatusCode.BadRequest, far.Status);
        Assert.Contains("12 semaines", far.Document.Body!.TextContent, StringComparison.Ordinal);

        var hostile = Meals(1, "Once");
        hostile["Input.Details"] = "<script>alert('x')</script>'; DROP TABLE \"HelpTurns\"; -- \u202e 🍲";
        var kept = await PublishAsync(parent, "/circle/calendar/needs/new", hostile);
        Assert.True(kept.Status == HttpStatusCode.Redirect, kept.ToString());
        var page = await parent.GetAsync("/circle/calendar");
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Text, StringComparison.Ordinal);

        var huge = Meals(1, "Once");
        huge["Input.Details"] = new string('x', 100_000);
        var tooLong = await PublishAsync(parent, "/circle/calendar/needs/new", huge);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(1, await factory.QueryAsync(db => db.HelpNeeds.CountAsync(n => n.CalendarId == calendarId)));

        var badPage = await parent.GetAsync("/circle/calendar?p=-1");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.Status);
        var longTitle = await parent.FillAsync("/circle/calendar", new Dictionary<string, string> { ["Input.Title"] = new string('é', 500) }, "form[action*='handler=Edit']");
        Assert.Equal(HttpStatusCode.BadRequest, longTitle.Status);
    }

    [Fact]
    public async Task A_calendar_holds_at_most_fifty_needs()
    {
        var (parent, calendarId) = await ParentWithCalendarAsync("Aminata");
        using var _ = parent;
        await factory.QueryAsync(async db =>
        {
            for (var i = 0; i < HelpNeeds.NeedsMax; i++)
            {
                db.HelpNeeds.Add(new HelpNeed { Id = Guid.CreateVersion7(), CalendarId = calendarId, FirstDate = Today.AddDays(1), LastDate = Today.AddDays(1), StartTime = new(18, 0), EndTime = new(19, 0) });
            }

            return await db.SaveChangesAsync();
        });
        var refused = await PublishAsync(parent, "/circle/calendar/needs/new", Meals(3));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("50 besoins", refused.ErrorSummary ?? refused.Text, StringComparison.Ordinal);
        Assert.Equal(HelpNeeds.NeedsMax, await factory.QueryAsync(db => db.HelpNeeds.CountAsync(n => n.CalendarId == calendarId)));
    }
}

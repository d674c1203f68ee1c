using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Circle;
using Village.Web.Features.HelpCalendars;
using Village.Web.Features.Outings;

namespace Village.Tests.Features.HelpCalendars;

/// <summary>Inviting helpers to a help calendar, their personal pages without an account, taking and releasing turns
/// (never two people on one turn), leaving, and the reminders of the day before; and everything others may not do.</summary>
public sealed class HelpGuestsTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private const string Invite = "/circle/calendar/invite";

    [Fact]
    public async Task A_parent_invites_from_the_circle_and_by_typing_each_gets_a_personal_link_and_a_second_invite_resends()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var aunt = AccountSteps.NewAddress("tante");
        var circleId = await factory.QueryAsync(async db =>
        {
            var person = new CirclePerson { OwnerId = parent.Id, Name = "Tante Mireille", Email = aunt, CreatedAt = DateTime.UnixEpoch, UpdatedAt = DateTime.UnixEpoch };
            db.CirclePeople.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var friend = AccountSteps.NewAddress("ami");

        var form = await parent.Browser.GetAsync(Invite);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Tante Mireille", form.MainText(), StringComparison.Ordinal);
        var sent = await parent.Browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CirclePersonIds"] = circleId.ToString(),
            ["Input.Name"] = "Bruno",
            ["Input.Email"] = friend,
        }, "form[action*='handler=Invite']");
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());

        var mail = Assert.Single(await factory.EmailsToAsync(aunt));
        Assert.Equal(TextsFile.Fr("HelpGuest.Email.Invite.Subject", "Anaïs"), mail.Subject);
        Assert.Contains(calendar.Title, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(circleId, (await factory.HelpHelperAsync(calendar.Id, aunt))!.CirclePersonId);
        var link = await factory.LinkAsync(friend, "/h/");
        using var guest = factory.NewBrowser();
        var home = await guest.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(calendar.Title, home.MainText(), StringComparison.Ordinal);
        Assert.Contains("Namur", home.MainText(), StringComparison.Ordinal);
        Assert.NotNull((await factory.HelpHelperAsync(calendar.Id, friend))!.JoinedAt);

        var list = await parent.Browser.GetAsync(Invite);
        Assert.Contains(TextsFile.Fr("HelpGuest.Joined"), list.MainText(), StringComparison.Ordinal);
        var again = await parent.Browser.SubmitAsync(list, new Dictionary<string, string> { ["Input.Name"] = "Bruno", ["Input.Email"] = friend.ToUpperInvariant() }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(2, (await factory.EmailsToAsync(friend)).Count);
        Assert.Equal(1, await factory.QueryAsync(db => db.HelpHelpers.CountAsync(h => h.CalendarId == calendar.Id && h.Email == friend)));
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync(link)).Status);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync(await factory.LinkAsync(friend, "/h/"))).Status);
    }

    [Fact]
    public async Task The_invite_page_is_the_parents_own_and_needs_an_open_calendar()
    {
        using var owner = await factory.ParentAsync("Anaïs");
        using var other = await factory.ParentAsync("Chloé");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Browser.GetAsync(Invite)).Status);
        var calendar = await factory.CalendarAsync(owner.Id);
        await factory.CalendarAsync(other.Id, "Chez Chloé");
        var (helper, token) = await factory.HelperAsync(calendar.Id);

        // Chloé, with a calendar of her own, cannot act on Anaïs's helper.
        var page = await other.Browser.GetAsync(Invite);
        foreach (var handler in new[] { "Resend", "Remove", "Organise" })
        {
            var tried = await other.Browser.PostAsync($"{Invite}?handler={handler}&helper={helper.Id}&on=true", [new(Browser.AntiforgeryField, page.AntiforgeryToken)]);
            Assert.Equal(HttpStatusCode.NotFound, tried.Status);
        }

        Assert.DoesNotContain(helper.Email, page.Text, StringComparison.Ordinal);
        var still = (await factory.HelpHelperAsync(calendar.Id, helper.Email))!;
        Assert.Null(still.RemovedAt);
        Assert.False(still.CanOrganise);
        Assert.Equal(helper.TokenHash, still.TokenHash);

        using var visitor = factory.NewBrowser();
        var signedOut = await visitor.GetAsync(Invite);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Contains("/account/signin", signedOut.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/h/{token}")).Status);
    }

    [Fact]
    public async Task A_helper_takes_a_turn_another_gets_409_with_the_note_kept_and_a_released_turn_is_free_again()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var turns = await factory.NeedAsync(calendar.Id, 3);
        var (bruno, brunoToken) = await factory.HelperAsync(calendar.Id, "Bruno Martin");
        var (_, chloeToken) = await factory.HelperAsync(calendar.Id, "Chloé");
        using var b = factory.NewBrowser();
        using var c = factory.NewBrowser();
        var bPage = await b.GetAsync($"/h/{brunoToken}");
        var cPage = await c.GetAsync($"/h/{chloeToken}");

        var took = await b.SubmitAsync(bPage, new Dictionary<string, string> { ["Note"] = "Des lasagnes sans gluten" }, $"form[action*='turn={turns[0].Id}']");
        Assert.True(took.Status == HttpStatusCode.Redirect, took.ToString());
        var held = await factory.TurnAsync(turns[0].Id);
        Assert.Equal(bruno.Id, held.HelperId);
        Assert.Equal("Des lasagnes sans gluten", held.HelperNote);
        var confirmation = Assert.Single(await factory.EmailsToAsync(bruno.Email));
        Assert.Contains("arachides", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/h/{brunoToken}", confirmation.TextBody, StringComparison.Ordinal);

        var late = await c.SubmitAsync(cPage, new Dictionary<string, string> { ["Note"] = "Une soupe" }, $"form[action*='turn={turns[0].Id}']");
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains(TextsFile.Fr("HelpGuest.AlreadyTaken"), late.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Une soupe", late.FieldValue("Note"));
        Assert.Equal(bruno.Id, (await factory.TurnAsync(turns[0].Id)).HelperId);
        // The others see the taker's first name only.
        Assert.Contains(TextsFile.Fr("HelpGuest.TakenBy", "Bruno"), late.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", late.MainText(), StringComparison.Ordinal);

        // Chloé cannot release Bruno's turn.
        var notHers = await c.PostAsync($"/h/{chloeToken}?handler=Release&turn={turns[0].Id}", [new(Browser.AntiforgeryField, late.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.NotFound, notHers.Status);
        var mine = await b.GetAsync($"/h/{brunoToken}");
        var released = await b.SubmitAsync(mine, new Dictionary<string, string>(), $"form[action*='handler=Release']");
        Assert.Equal(HttpStatusCode.Redirect, released.Status);
        Assert.Null((await factory.TurnAsync(turns[0].Id)).HelperId);
        var again = await c.GetAsync($"/h/{chloeToken}");
        Assert.Equal(HttpStatusCode.Redirect, (await c.SubmitAsync(again, new Dictionary<string, string>(), $"form[action*='turn={turns[0].Id}']")).Status);
    }

    [Fact]
    public async Task Pages_under_h_keep_the_link_out_of_referers_caches_and_search_engines()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var (_, token) = await factory.HelperAsync(calendar.Id);
        using var guest = factory.NewBrowser();
        var page = await guest.GetAsync($"/h/{token}");
        Assert.Equal("no-referrer", page.Response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", page.Response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("noindex", page.Response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/h/{HelpAccess.NewToken()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/h/join/nope")).Status);
    }

    [Fact]
    public async Task A_removed_helper_a_replaced_link_and_a_closed_calendar_lead_to_404_and_removing_frees_the_turns()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var turns = await factory.NeedAsync(calendar.Id, 2);
        var (removed, removedToken) = await factory.HelperAsync(calendar.Id, "Bruno");
        var (resent, resentToken) = await factory.HelperAsync(calendar.Id, "Chloé");
        var (_, stayToken) = await factory.HelperAsync(calendar.Id, "Driss");
        using var guest = factory.NewBrowser();
        var home = await guest.GetAsync($"/h/{removedToken}");
        await guest.SubmitAsync(home, new Dictionary<string, string>(), $"form[action*='turn={turns[1].Id}']");
        Assert.Equal(removed.Id, (await factory.TurnAsync(turns[1].Id)).HelperId);

        var page = await parent.Browser.GetAsync(Invite);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.Browser.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='handler=Remove&helper={removed.Id}']")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.Browser.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='handler=Resend&helper={resent.Id}']")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/h/{removedToken}")).Status);
        Assert.Null((await factory.TurnAsync(turns[1].Id)).HelperId);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/h/{resentToken}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync(await factory.LinkAsync(resent.Email, "/h/"))).Status);

        await factory.QueryAsync(db => db.HelpCalendars.Where(c => c.Id == calendar.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, HelpCalendarStatus.Closed)));
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/h/{stayToken}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.Browser.GetAsync(Invite)).Status);
    }

    [Fact]
    public async Task A_co_organiser_invites_through_their_link_and_others_cannot()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var (helper, token) = await factory.HelperAsync(calendar.Id, "Bruno");
        using var guest = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/h/{token}/invite")).Status);
        Assert.DoesNotContain($"/h/{token}/invite", (await guest.GetAsync($"/h/{token}")).Text, StringComparison.Ordinal);

        var page = await parent.Browser.GetAsync(Invite);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.Browser.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='handler=Organise&helper={helper.Id}']")).Status);
        Assert.True((await factory.HelpHelperAsync(calendar.Id, helper.Email))!.CanOrganise);
        Assert.Contains($"/h/{token}/invite", (await guest.GetAsync($"/h/{token}")).Text, StringComparison.Ordinal);

        var friend = AccountSteps.NewAddress("voisine");
        var sent = await guest.FillAsync($"/h/{token}/invite", new Dictionary<string, string> { ["Input.Name"] = "Émilie", ["Input.Email"] = friend });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(TextsFile.Fr("HelpGuest.Email.Invite.Subject", "Anaïs"), Assert.Single(await factory.EmailsToAsync(friend)).Subject);
    }

    [Fact]
    public async Task The_shareable_link_lets_someone_join_by_email_and_stops_when_turned_off()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var page = await parent.Browser.GetAsync(Invite);
        var created = await parent.Browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=CreateLink']", followRedirects: true);
        var link = new Uri(created.Document.QuerySelector("#invite-link")!.GetAttribute("value")!).PathAndQuery;
        Assert.StartsWith("/h/join/", link, StringComparison.Ordinal);
        Assert.Null((await parent.Browser.GetAsync(Invite)).Document.QuerySelector("#invite-link"));

        using var stranger = factory.NewBrowser();
        var join = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, join.Status);
        Assert.Contains(calendar.Title, join.MainText(), StringComparison.Ordinal);
        Assert.Contains("Anaïs", join.MainText(), StringComparison.Ordinal);
        var email = AccountSteps.NewAddress("collegue");
        var bad = await stranger.SubmitAsync(join, new Dictionary<string, string> { ["Input.Name"] = "Fatou", ["Input.Email"] = "pas-une-adresse" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("Fatou", bad.FieldValue("Input.Name"));
        var sent = await stranger.SubmitAsync(join, new Dictionary<string, string> { ["Input.Name"] = "Fatou", ["Input.Email"] = email }, followRedirects: true);
        Assert.Contains(TextsFile.Fr("HelpGuest.JoinSent"), sent.MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(await factory.LinkAsync(email, "/h/"))).Status);

        var again = await parent.Browser.GetAsync(Invite);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.Browser.SubmitAsync(again, new Dictionary<string, string>(), "form[action*='handler=TurnOffLink']")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link)).Status);
    }

    [Fact]
    public async Task A_parent_may_send_thirty_invitations_a_day()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        for (var i = 0; i < 30; i++)
        {
            await factory.HelperAsync(calendar.Id, $"Personne {i}");
        }

        var friend = AccountSteps.NewAddress("ami");
        var page = await parent.Browser.FillAsync(Invite, new Dictionary<string, string> { ["Input.Name"] = "Bruno", ["Input.Email"] = friend }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Contains(TextsFile.Fr("HelpGuest.TooMany", 30), page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(friend, page.FieldValue("Input.Email"));
        Assert.Empty(await factory.EmailsToAsync(friend));
    }

    [Fact]
    public async Task Hostile_names_and_notes_are_kept_as_text_and_overlong_ones_refused()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id, "<script>alert('t')</script>", "'; DROP TABLE \"HelpTurns\"; --");
        var turns = await factory.NeedAsync(calendar.Id, 1);
        var hostile = "<img src=x onerror=alert(1)> \u202Eévil\u200B";
        var friend = AccountSteps.NewAddress("ami");
        var invited = await parent.Browser.FillAsync(Invite, new Dictionary<string, string> { ["Input.Name"] = hostile, ["Input.Email"] = friend }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        var tooLong = await parent.Browser.FillAsync(Invite, new Dictionary<string, string> { ["Input.Name"] = new string('x', 100_000), ["Input.Email"] = AccountSteps.NewAddress() }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        var nul = await parent.Browser.FillAsync(Invite, new Dictionary<string, string> { ["Input.Name"] = "a\u0000b", ["Input.Email"] = AccountSteps.NewAddress() }, "form[action*='handler=Invite']");
        Assert.True((int)nul.Status < 500, nul.ToString());

        using var guest = factory.NewBrowser();
        var home = await guest.GetAsync(await factory.LinkAsync(friend, "/h/"));
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.DoesNotContain("<script>alert", home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", home.Text, StringComparison.Ordinal);
        Assert.Contains("<script>alert('t')</script>", home.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var longNote = await guest.SubmitAsync(home, new Dictionary<string, string> { ["Note"] = new string('y', 100_000) }, $"form[action*='turn={turns[0].Id}']");
        Assert.Equal(HttpStatusCode.BadRequest, longNote.Status);
        Assert.Null((await factory.TurnAsync(turns[0].Id)).HelperId);
        var note = "<b>lasagnes</b> & \"soupe\" 🍲";
        Assert.Equal(HttpStatusCode.Redirect, (await guest.SubmitAsync(home, new Dictionary<string, string> { ["Note"] = note }, $"form[action*='turn={turns[0].Id}']")).Status);
        Assert.Equal(note, (await factory.TurnAsync(turns[0].Id)).HelperNote);
        Assert.Contains(note, (await guest.GetAsync(home.Url.PathAndQuery)).MainText(), StringComparison.Ordinal);
        Assert.Contains(hostile, (await parent.Browser.GetAsync(Invite)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helper_who_leaves_is_erased_their_turns_freed_and_their_link_dead()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var turns = await factory.NeedAsync(calendar.Id, 1);
        var (helper, token) = await factory.HelperAsync(calendar.Id, "Bruno");
        using var guest = factory.NewBrowser();
        var home = await guest.GetAsync($"/h/{token}");
        await guest.SubmitAsync(home, new Dictionary<string, string> { ["Note"] = "Un gâteau" }, $"form[action*='turn={turns[0].Id}']");
        var left = await guest.SubmitAsync(await guest.GetAsync($"/h/{token}"), new Dictionary<string, string>(), "form[action*='handler=Leave']");
        Assert.Equal("/h/goodbye", left.Location);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/h/goodbye")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/h/{token}")).Status);
        var erased = await factory.QueryAsync(db => db.HelpHelpers.AsNoTracking().SingleAsync(h => h.Id == helper.Id));
        Assert.NotNull(erased.RemovedAt);
        Assert.Equal("", erased.Name);
        Assert.DoesNotContain("@", erased.Email, StringComparison.Ordinal);
        var turn = await factory.TurnAsync(turns[0].Id);
        Assert.Null(turn.HelperId);
        Assert.Equal("", turn.HelperNote);
    }

    [Fact]
    public async Task Eight_helpers_racing_for_one_turn_leave_exactly_one_holder()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var turn = (await factory.NeedAsync(calendar.Id, 1)).Single();
        var racers = new List<(Browser Browser, WebPage Page, Guid HelperId)>();
        for (var i = 0; i < 8; i++)
        {
            var (helper, token) = await factory.HelperAsync(calendar.Id, $"Aide {i}");
            var browser = factory.NewBrowser();
            racers.Add((browser, await browser.GetAsync($"/h/{token}"), helper.Id));
        }

        try
        {
            var results = await Task.WhenAll(racers.Select(r =>
                Task.Run(() => r.Browser.SubmitAsync(r.Page, new Dictionary<string, string> { ["Note"] = "moi" }, $"form[action*='turn={turn.Id}']"))));
            Assert.Equal(1, results.Count(p => p.Status == HttpStatusCode.Redirect));
            Assert.Equal(7, results.Count(p => p.Status == HttpStatusCode.Conflict));
            var winner = racers[Array.FindIndex(results, p => p.Status == HttpStatusCode.Redirect)].HelperId;
            Assert.Equal(winner, (await factory.TurnAsync(turn.Id)).HelperId);
        }
        finally
        {
            racers.ForEach(r => r.Browser.Dispose());
        }
    }

    [Fact]
    public async Task Reminders_go_once_the_eve_at_18_00_never_for_a_cancelled_turn_a_removed_helper_or_a_closed_calendar()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        var calendar = await factory.CalendarAsync(parent.Id);
        var starts = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(17);
        var turns = await factory.NeedAsync(calendar.Id, 1, starts);
        var cancelled = await factory.NeedAsync(calendar.Id, 1, starts.AddMinutes(30), HelpKind.Visit);
        var gone = await factory.NeedAsync(calendar.Id, 1, starts.AddMinutes(45), HelpKind.Groceries);
        var (helper, _) = await factory.HelperAsync(calendar.Id, "Bruno");
        var (removed, _) = await factory.HelperAsync(calendar.Id, "Chloé");
        var closedCalendar = await factory.CalendarAsync((await factory.ParentAsync("Driss")).Id, "Fermé");
        var closedTurn = await factory.NeedAsync(closedCalendar.Id, 1, starts);
        var (closedHelper, _) = await factory.HelperAsync(closedCalendar.Id, "Émilie");
        await factory.QueryAsync(async db =>
        {
            await db.HelpTurns.Where(t => t.Id == turns[0].Id || t.Id == cancelled[0].Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.HelperId, helper.Id));
            await db.HelpTurns.Where(t => t.Id == cancelled[0].Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsCancelled, true));
            await db.HelpTurns.Where(t => t.Id == gone[0].Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.HelperId, removed.Id));
            await db.HelpHelpers.Where(h => h.Id == removed.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.RemovedAt, DateTime.UnixEpoch));
            await db.HelpTurns.Where(t => t.Id == closedTurn[0].Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.HelperId, closedHelper.Id));
            return await db.HelpCalendars.Where(c => c.Id == closedCalendar.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, HelpCalendarStatus.Closed));
        });

        var reminders = factory.Services.GetRequiredService<HelpReminders>();
        try
        {
            var eve = OutingSchedule.DayBeforeReminderAt(starts, "Europe/Brussels");
            factory.Clock.Advance(eve - TimeProvider.System.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5));
            Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(1, await reminders.SendDueAsync(CancellationToken.None));
            Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        }
        finally
        {
            factory.Clock.Reset();
        }

        var mail = Assert.Single(await factory.EmailsToAsync(helper.Email));
        Assert.Equal(TextsFile.Fr("HelpGuest.Email.Reminder.Subject", calendar.Title), mail.Subject);
        Assert.Contains("arachides", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await factory.EmailsToAsync(removed.Email));
        Assert.Empty(await factory.EmailsToAsync(closedHelper.Email));
        Assert.NotNull((await factory.TurnAsync(turns[0].Id)).ReminderSentAt);
    }
}

/// <summary>The shareable link's form, limited per network address.</summary>
public sealed class HelpJoinLimitTests(HelpJoinLimitTests.Factory factory) : IClassFixture<HelpJoinLimitTests.Factory>
{
    public sealed class Factory : VillageFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["HelpGuests:JoinsPerHourPerAddress"] = "2" };
    }

    [Fact]
    public async Task A_third_join_from_one_address_within_the_hour_is_refused()
    {
        using var parent = await factory.ParentAsync("Anaïs");
        await factory.CalendarAsync(parent.Id);
        var page = await parent.Browser.GetAsync("/circle/calendar/invite");
        var created = await parent.Browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=CreateLink']", followRedirects: true);
        var link = new Uri(created.Document.QuerySelector("#invite-link")!.GetAttribute("value")!).PathAndQuery;
        using var stranger = factory.NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await stranger.FillAsync(link, new Dictionary<string, string> { ["Input.Name"] = "Fatou", ["Input.Email"] = AccountSteps.NewAddress() })).Status);
        }

        var email = AccountSteps.NewAddress();
        var third = await stranger.FillAsync(link, new Dictionary<string, string> { ["Input.Name"] = "Fatou", ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Contains(TextsFile.Fr("HelpGuest.JoinTooMany"), third.ErrorSummary, StringComparison.Ordinal);
        Assert.Empty(await factory.EmailsToAsync(email));
    }
}

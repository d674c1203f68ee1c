using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Messages;
using Village.Web.Features.Moderation;
using Village.Web.Features.Outings;

namespace Village.Tests.Features.Outings;

/// <summary>Proposing, joining, editing, cancelling and writing about an outing through its pages; and everything
/// others may not do or see.</summary>
public sealed class OutingPagesTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private const string MeetingPoint = "Près du banc rouge, à l'entrée";

    [Fact]
    public async Task Families_join_one_waits_and_moves_up_when_another_leaves()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var c = await factory.ParentAsync("Chloé");
        using var d = await factory.ParentAsync("Driss");
        var id = await a.ProposeAsync(factory);

        Assert.Equal(HttpStatusCode.Redirect, (await b.JoinAsync(id, adults: 2, children: 2)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await c.JoinAsync(id)).Status);
        var full = await d.Browser.GetAsync($"/outings/{id}");
        Assert.Contains(TextsFile.Fr("Outing.JoinWaitingList"), full.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(MeetingPoint, full.MainText(), StringComparison.Ordinal);
        await d.JoinAsync(id);

        var waiting = await d.Browser.GetAsync($"/outings/{id}");
        Assert.Contains(TextsFile.Fr("Outing.WaitingFirst"), waiting.MainText(), StringComparison.Ordinal);
        var organizerView = await a.Browser.GetAsync($"/outings/{id}");
        Assert.Contains("Bruno", organizerView.MainText(), StringComparison.Ordinal);
        Assert.Contains(MeetingPoint, organizerView.MainText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await b.LeaveAsync(id)).Status);

        Assert.Equal(ParticipationStatus.Going, (await factory.ParticipationAsync(id, d.Id))!.Status);
        Assert.Null(await factory.ParticipationAsync(id, b.Id));
        var promoted = await d.Browser.GetAsync($"/outings/{id}");
        Assert.Contains(TextsFile.Fr("Outing.YouCome", 1, 1), promoted.MainText(), StringComparison.Ordinal);
        Assert.Contains(MeetingPoint, promoted.MainText(), StringComparison.Ordinal);
        Assert.Contains(await factory.EmailsToAsync(d.Email), m => m.Subject == TextsFile.Fr("Outing.Email.Promoted.Subject", "Café poussettes"));
        Assert.Equal(3, (await factory.DatesAsync(id)).Single().GoingCount);
    }

    [Fact]
    public async Task The_organiser_edits_and_every_family_gets_the_list_of_changes()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var c = await factory.ParentAsync("Chloé");
        var id = await a.ProposeAsync(factory, f => f["Input.MaxFamilies"] = "4");
        await b.JoinAsync(id);
        await c.JoinAsync(id);
        var before = (await factory.DatesAsync(id)).Single();

        var edit = await a.Browser.GetAsync($"/outings/{id}/edit");
        Assert.Equal("10:00", edit.FieldValue("Input.Time"));
        var saved = await a.Browser.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Time"] = "10:30",
            ["Input.Title"] = "Café poussettes au chaud",
            ["Input.MaxFamilies"] = "2",
        });

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        var after = (await factory.DatesAsync(id)).Single();
        Assert.Equal(before.StartsAt.AddMinutes(30), after.StartsAt);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        // Lowering the capacity keeps the families already going.
        Assert.Equal(3, after.GoingCount);
        Assert.Equal(ParticipationStatus.Going, (await factory.ParticipationAsync(id, c.Id))!.Status);
        var email = Assert.Single(await factory.EmailsToAsync(b.Email), m => m.Subject.Contains("a changé", StringComparison.Ordinal));
        Assert.Contains("10:00 → ", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(", 10:30", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Café poussettes → Café poussettes au chaud", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.EmailsToAsync(a.Email), m => m.Subject.Contains("a changé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_organiser_cancels_one_date_then_the_whole_outing_and_everyone_is_told()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var c = await factory.ParentAsync("Chloé");
        var id = await a.ProposeAsync(factory, f => (f["Input.Recurrence"], f["Input.MaxFamilies"]) = ("Weekly", "2"));
        var dates = await factory.DatesAsync(id);
        Assert.Equal(8, dates.Count);
        await b.JoinAsync(id);
        await c.JoinAsync(id);

        var page = await a.Browser.GetAsync($"/outings/{id}?occurrence={dates[0].Id}");
        var one = await a.Browser.PostAsync($"/outings/{id}?handler=Cancel&occurrence={dates[0].Id}",
            [new(Browser.AntiforgeryField, page.AntiforgeryToken), new("CancelWord", "Le café est fermé ce jour-là.")]);
        Assert.True(one.Status == HttpStatusCode.Redirect, one.ToString());
        dates = await factory.DatesAsync(id);
        Assert.True(dates[0].IsCancelled);
        Assert.False(dates[1].IsCancelled);
        Assert.Equal(1, dates[0].Sequence);
        foreach (var parent in new[] { b, c })
        {
            var told = Assert.Single(await factory.EmailsToAsync(parent.Email), m => m.Subject.Contains("annulée", StringComparison.Ordinal));
            Assert.Contains("Le café est fermé ce jour-là.", told.TextBody, StringComparison.Ordinal);
        }

        await b.JoinAsync(id, $"?occurrence={dates[1].Id}");
        var whole = await a.Browser.SubmitAsync(await a.Browser.GetAsync($"/outings/{id}"), new Dictionary<string, string>(), "form[action*='handler=Cancel']");
        Assert.True(whole.Status == HttpStatusCode.Redirect, whole.ToString());
        Assert.Equal(OutingStatus.Cancelled, await factory.QueryAsync(db => db.Outings.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
        Assert.All(await factory.DatesAsync(id), d => Assert.True(d.IsCancelled));
        Assert.Equal(2, (await factory.EmailsToAsync(b.Email)).Count(m => m.Subject.Contains("annulée", StringComparison.Ordinal)));
        var cancelled = await b.Browser.GetAsync($"/outings/{id}");
        Assert.Contains(TextsFile.Fr("Outing.IsCancelled"), cancelled.MainText(), StringComparison.Ordinal);
        Assert.Null(cancelled.Document.QuerySelector("form[action*='handler=Join']"));
    }

    [Fact]
    public async Task The_organisers_message_is_emailed_and_only_participants_read_and_write_the_discussion()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var outsider = await factory.ParentAsync("Dehors");
        var id = await a.ProposeAsync(factory);
        await b.JoinAsync(id);

        var fromOrganizer = await a.Browser.SubmitAsync(await a.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["MessageText"] = "J'aurai un bonnet jaune." }, "form[action*='handler=Message']");
        Assert.Equal(HttpStatusCode.Redirect, fromOrganizer.Status);
        await b.Browser.SubmitAsync(await b.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["MessageText"] = "Super, à jeudi !" }, "form[action*='handler=Message']");

        // The discussion is the outing's group conversation; the organiser's messages are the ones they wrote.
        var messages = await factory.QueryAsync(db => db.Messages
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.OutingId == id && c.Kind == ConversationKind.Outing))
            .OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal([a.Id, b.Id], messages.Select(m => m.AuthorId!.Value));
        Assert.Equal([1L, 2L], messages.Select(m => m.Sequence));
        var email = Assert.Single(await factory.EmailsToAsync(b.Email), m => m.Subject.Contains("Un message", StringComparison.Ordinal));
        Assert.Contains("J'aurai un bonnet jaune.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.EmailsToAsync(a.Email), m => m.Subject.Contains("Un message", StringComparison.Ordinal));

        var outsiderView = await outsider.Browser.GetAsync($"/outings/{id}");
        Assert.DoesNotContain("bonnet jaune", outsiderView.MainText(), StringComparison.Ordinal);
        var sneaky = await outsider.Browser.PostAsync($"/outings/{id}?handler=Message",
            [new(Browser.AntiforgeryField, outsiderView.AntiforgeryToken), new("MessageText", "Je m'incruste")]);
        Assert.Equal(HttpStatusCode.NotFound, sneaky.Status);
        var empty = await b.Browser.SubmitAsync(await b.Browser.GetAsync($"/outings/{id}"),
            new Dictionary<string, string> { ["MessageText"] = "   " }, "form[action*='handler=Message']");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
    }

    [Fact]
    public async Task A_community_outing_is_for_its_members_and_blocked_parents_never_see_each_others()
    {
        var (slug, communityId) = await factory.CommunityAsync();
        using var a = await factory.ParentInAsync(slug, "Anaïs");
        using var member = await factory.ParentInAsync(slug, "Bruno");
        using var outsider = await factory.ParentAsync("Dehors");
        using var visitor = factory.NewBrowser();
        var id = await a.ProposeAsync(factory, f => f["Input.CommunityId"] = communityId.ToString());

        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync($"/outings/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync($"/outings/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/outings/{id}")).Status);
        var token = (await outsider.Browser.GetAsync("/outings/new")).AntiforgeryToken;
        var date = (await factory.DatesAsync(id)).Single();
        var join = await outsider.Browser.PostAsync($"/outings/{id}?handler=Join&occurrence={date.Id}",
            [new(Browser.AntiforgeryField, token), new("Adults", "1"), new("Children", "1")]);
        Assert.Equal(HttpStatusCode.NotFound, join.Status);
        Assert.Null(await factory.ParticipationAsync(id, outsider.Id));

        // An outing in a community the outsider does not belong to cannot be proposed by them either.
        var foreign = await outsider.Browser.FillAsync("/outings/new", OutingSteps.Fields(factory, communityId: communityId.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);

        var open = await a.ProposeAsync(factory, f => f["Input.Title"] = "Balade ouverte");
        using var blocked = await factory.ParentAsync("Importun");
        await factory.QueryAsync(db =>
        {
            db.Blocks.Add(new Block { BlockerId = a.Id, BlockedId = blocked.Id, CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await blocked.Browser.GetAsync($"/outings/{open}")).Status);
        var openDate = (await factory.DatesAsync(open)).Single();
        var blockedToken = (await blocked.Browser.GetAsync("/outings/new")).AntiforgeryToken;
        var blockedJoin = await blocked.Browser.PostAsync($"/outings/{open}?handler=Join&occurrence={openDate.Id}",
            [new(Browser.AntiforgeryField, blockedToken), new("Adults", "1"), new("Children", "1")]);
        Assert.Equal(HttpStatusCode.NotFound, blockedJoin.Status);
        Assert.Null(await factory.ParticipationAsync(open, blocked.Id));

        // A visitor sees an open outing, without the meeting point nor the families.
        var publicPage = await visitor.GetAsync($"/outings/{open}");
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.DoesNotContain(MeetingPoint, publicPage.MainText(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Outing.SignInToCome"), publicPage.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_parent_can_neither_edit_nor_cancel_and_the_organiser_cannot_leave()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var other = await factory.ParentAsync("Autre");
        var id = await a.ProposeAsync(factory);
        await other.JoinAsync(id);
        var token = (await other.Browser.GetAsync($"/outings/{id}")).AntiforgeryToken;

        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync($"/outings/{id}/edit")).Status);
        var fields = OutingSteps.Fields(factory, title: "Volée").Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new(Browser.AntiforgeryField, token));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.PostAsync($"/outings/{id}/edit", fields)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.PostAsync($"/outings/{id}?handler=Cancel", [new(Browser.AntiforgeryField, token)])).Status);
        var outing = await factory.QueryAsync(db => db.Outings.SingleAsync(o => o.Id == id));
        Assert.Equal("Café poussettes", outing.Title);
        Assert.Equal(OutingStatus.Scheduled, outing.Status);

        var date = (await factory.DatesAsync(id)).Single();
        var organizerToken = (await a.Browser.GetAsync($"/outings/{id}")).AntiforgeryToken;
        var leave = await a.Browser.PostAsync($"/outings/{id}?handler=Leave&occurrence={date.Id}", [new(Browser.AntiforgeryField, organizerToken)]);
        Assert.Equal(HttpStatusCode.BadRequest, leave.Status);
        Assert.NotNull(await factory.ParticipationAsync(id, a.Id));
    }

    [Fact]
    public async Task Bad_and_hostile_input_is_refused_kindly_or_shown_as_text()
    {
        using var a = await factory.ParentAsync("Anaïs");
        var script = "<script>alert('x')</script> \u202Eévil' OR 1=1; --";
        var id = await a.ProposeAsync(factory, f => (f["Input.Title"], f["Input.MeetingPoint"]) = (script, script));
        var page = await a.Browser.GetAsync($"/outings/{id}");
        // The only script element is the schema.org data block, where the title stays escaped data.
        Assert.Null(page.Document.QuerySelector("main script:not([type='application/ld+json'])"));
        Assert.DoesNotContain("<script>", page.Document.QuerySelector("main script")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains(script, page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var cases = new (string Field, string Value, string Expected)[]
        {
            ("Input.Date", "2020-01-01", TextsFile.Fr("Outing.DateInPast")),
            ("Input.Date", "demain", TextsFile.Fr("Outing.DateInvalid")),
            ("Input.Time", "25:99", TextsFile.Fr("Outing.TimeInvalid")),
            ("Input.MaxFamilies", "31", TextsFile.Fr("Outing.MaxFamiliesInvalid")),
            ("Input.MaxFamilies", "1", TextsFile.Fr("Outing.MaxFamiliesInvalid")),
            ("Input.MinAgeMonths", "48", TextsFile.Fr("Outing.AgeRangeInvalid")),
            ("Input.Setting", "Space", ""),
            ("Input.Description", new string('é', 100_000), ""),
            ("Input.Address", "", TextsFile.Fr("Outing.WhereRequired")),
            ("Input.IsFree", "false", TextsFile.Fr("Outing.PriceRequired")),
            ("Input.PlaceId", Guid.NewGuid().ToString(), ""),
            ("Input.CommunityId", Guid.NewGuid().ToString(), ""),
        };
        foreach (var (field, value, expected) in cases)
        {
            var fields = OutingSteps.Fields(factory, title: "Sortie refusée");
            fields[field] = value;
            var refused = await a.Browser.FillAsync("/outings/new", fields);
            Assert.True(refused.Status == HttpStatusCode.BadRequest, $"{field}={value[..Math.Min(20, value.Length)]}: {refused}");
            Assert.Contains(expected, refused.ErrorSummary ?? "", StringComparison.Ordinal);
            Assert.Equal("Sortie refusée", refused.FieldValue("Input.Title"));
        }

        Assert.False(await factory.QueryAsync(db => db.Outings.AnyAsync(o => o.Title == "Sortie refusée")));
        var date = (await factory.DatesAsync(id)).Single();
        using var b = await factory.ParentAsync("Bruno");
        var tooMany = await b.Browser.PostAsync($"/outings/{id}?handler=Join&occurrence={date.Id}",
            [new(Browser.AntiforgeryField, (await b.Browser.GetAsync($"/outings/{id}")).AntiforgeryToken), new("Adults", "40"), new("Children", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Null(await factory.ParticipationAsync(id, b.Id));
    }

    [Fact]
    public async Task A_parent_needs_a_home_town_and_may_propose_a_few_outings_a_day()
    {
        using var nowhere = factory.NewBrowser();
        await nowhere.SignedInMemberAsync(factory, displayName: "Sans ville");
        var page = await nowhere.GetAsync("/outings/new");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(TextsFile.Fr("Outing.NeedArea"), page.MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewBrowser().GetAsync("/outings/new")).Status);

        using var busy = await factory.ParentAsync("Pressée");
        for (var i = 0; i < 5; i++)
        {
            await busy.ProposeAsync(factory);
        }

        var sixth = await busy.Browser.FillAsync("/outings/new", OutingSteps.Fields(factory));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.Status);
        Assert.Contains(TextsFile.Fr("Outing.TooMany", 5), sixth.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_go_once_the_eve_at_18_00_and_the_morning_of_to_those_who_asked_never_for_a_cancelled_date()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var c = await factory.ParentAsync("Chloé");
        var id = await a.ProposeAsync(factory, f => (f["Input.Recurrence"], f["Input.MaxFamilies"]) = ("Weekly", "5"));
        var dates = await factory.DatesAsync(id);
        await b.JoinAsync(id, morning: true);
        await c.JoinAsync(id);
        await c.JoinAsync(id, $"?occurrence={dates[1].Id}");
        var token = (await a.Browser.GetAsync($"/outings/{id}")).AntiforgeryToken;
        await a.Browser.PostAsync($"/outings/{id}?handler=Cancel&occurrence={dates[1].Id}", [new(Browser.AntiforgeryField, token)]);
        var reminders = factory.Services.GetRequiredService<OutingReminders>();
        try
        {
            var eve = OutingSchedule.DayBeforeReminderAt(dates[0].StartsAt, "Europe/Brussels");
            factory.Clock.Advance(eve - TimeProvider.System.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5));
            Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(2, await reminders.SendDueAsync(CancellationToken.None));
            Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
            factory.Clock.Advance(OutingSchedule.MorningReminderAt(dates[0].StartsAt, "Europe/Brussels") - eve);
            Assert.Equal(1, await reminders.SendDueAsync(CancellationToken.None));
            factory.Clock.Advance(TimeSpan.FromDays(7));
            Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        }
        finally
        {
            factory.Clock.Reset();
        }

        var toB = await factory.EmailsToAsync(b.Email);
        Assert.Single(toB, m => m.Subject.StartsWith("Demain", StringComparison.Ordinal));
        var morning = Assert.Single(toB, m => m.Subject.StartsWith("Aujourd'hui", StringComparison.Ordinal));
        Assert.Contains(MeetingPoint, morning.TextBody, StringComparison.Ordinal);
        Assert.Single(await factory.EmailsToAsync(c.Email), m => m.Subject.StartsWith("Demain", StringComparison.Ordinal));
        Assert.DoesNotContain(await factory.EmailsToAsync(a.Email), m => m.Subject.StartsWith("Demain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_an_account_cancels_its_outings_and_frees_its_seats()
    {
        using var a = await factory.ParentAsync("Anaïs");
        using var b = await factory.ParentAsync("Bruno");
        using var c = await factory.ParentAsync("Chloé");
        var id = await a.ProposeAsync(factory, f => f["Input.MaxFamilies"] = "2");
        var other = await c.ProposeAsync(factory, f => (f["Input.MaxFamilies"], f["Input.Title"]) = ("2", "Parc"));
        await b.JoinAsync(id);
        await b.JoinAsync(other);
        using var d = await factory.ParentAsync("Driss");
        await d.JoinAsync(other);

        await DeleteAccountAsync(b);
        Assert.Equal(ParticipationStatus.Going, (await factory.ParticipationAsync(other, d.Id))!.Status);
        Assert.Contains(await factory.EmailsToAsync(d.Email), m => m.Subject.Contains("place", StringComparison.Ordinal));

        using var e = await factory.ParentAsync("Élise");
        await e.JoinAsync(id);
        await DeleteAccountAsync(a);
        var outing = await factory.QueryAsync(db => db.Outings.SingleAsync(o => o.Id == id));
        Assert.Equal(OutingStatus.Cancelled, outing.Status);
        Assert.Null(outing.OrganizerId);
        Assert.Contains(await factory.EmailsToAsync(e.Email), m => m.Subject.Contains("annulée", StringComparison.Ordinal));
    }

    private static async Task DeleteAccountAsync(Parent parent)
    {
        var deleted = await parent.Browser.FillAsync("/account/data", new Dictionary<string, string>
        {
            ["Delete.Password"] = AccountSteps.Password,
            ["Delete.Confirm"] = "true",
        }, "form[action*='handler=Delete']");
        Assert.True(deleted.Status == HttpStatusCode.Redirect, deleted.ToString());
    }
}

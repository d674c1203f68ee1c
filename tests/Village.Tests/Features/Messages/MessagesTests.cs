using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Moderation;

namespace Village.Tests.Features.Messages;

/// <summary>The conversation pages: writing and reading, unread counts, paging back, and everything nobody outside a
/// conversation may do.</summary>
public sealed class MessagesTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static string Unread(WebPage page) => page.Document.QuerySelector("#nav-messages")?.GetAttribute("data-unread") ?? "?";

    [Fact]
    public async Task Two_parents_write_to_each_other_and_the_unread_count_follows_what_each_has_read()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);

        const string hostile = "<script>alert('x')</script> Une balade au parc ? '; DROP TABLE Messages; --";
        var sent = await camille.Browser.SendAsync(id, hostile);
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        Assert.StartsWith($"/messages/{id}#m-1", sent.Location, StringComparison.Ordinal);
        await camille.Browser.SendAsync(id, "Mercredi matin, ça vous irait ?");

        var home = await youssef.Browser.GetAsync("/messages");
        Assert.Equal("2", Unread(home));
        var line = home.Document.QuerySelector(".conversations li")!;
        Assert.Contains("Camille", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mercredi matin", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 non lus", line.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", Unread(await camille.Browser.GetAsync("/messages")));

        var page = await youssef.Browser.GetAsync($"/messages/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var list = page.Document.QuerySelector("ol#messages")!;
        Assert.Equal(id.ToString(), list.GetAttribute("data-conversation"));
        Assert.Equal("2", list.GetAttribute("data-last-sequence"));
        Assert.Equal(["m-1", "m-2"], list.QuerySelectorAll("li[data-sequence]").Select(li => li.Id ?? "").ToList());
        Assert.Contains(hostile, page.Document.QuerySelector("#m-1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("form#message-form textarea#message-text"));
        Assert.Equal("0", Unread(await youssef.Browser.GetAsync("/messages")));

        var answered = await youssef.Browser.SendAsync(id, "Avec plaisir ! Au parc de la Citadelle ?");
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        var mine = (await youssef.Browser.GetAsync($"/messages/{id}")).Document.QuerySelector("#m-3")!;
        Assert.Contains("mine", mine.ClassList);
        Assert.Equal("1", Unread(await camille.Browser.GetAsync("/")));
    }

    [Fact]
    public async Task The_latest_thirty_come_first_older_ones_page_back_and_reading_an_old_page_never_lowers_the_read_mark()
    {
        using var lea = await factory.TalkerAsync("Léa");
        using var sam = await factory.TalkerAsync("Sam");
        var id = await factory.OpenDirectAsync(lea, sam);
        await factory.WriteAsync(id, lea, [.. Enumerable.Range(1, 35).Select(i => $"Message numéro {i}")]);

        var latest = await sam.Browser.GetAsync($"/messages/{id}");
        var shown = latest.Document.QuerySelectorAll("#messages li").Select(li => li.GetAttribute("data-sequence") ?? "").ToList();
        Assert.Equal([.. Enumerable.Range(6, 30).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], shown);
        var older = latest.Document.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("before=", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal($"/messages/{id}?before=6", older);

        var first = await sam.Browser.GetAsync(older);
        Assert.Equal(["1", "2", "3", "4", "5"], first.Document.QuerySelectorAll("#messages li").Select(li => li.GetAttribute("data-sequence") ?? "").ToList());
        Assert.Null(first.Document.QuerySelector("#message-form"));
        Assert.DoesNotContain(first.Document.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("before=", StringComparison.Ordinal));
        Assert.Equal(35, await factory.QueryAsync(db => db.ConversationMembers.Where(m => m.ConversationId == id && m.MemberId == sam.Id).Select(m => m.ReadSequence).SingleAsync()));
        Assert.Equal("0", Unread(first));
    }

    [Fact]
    public async Task Nobody_outside_a_conversation_reads_it_or_writes_in_it_signed_in_or_not()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        using var stranger = await factory.TalkerAsync("Inconnu");
        using var visitor = factory.NewBrowser();
        var id = await factory.OpenDirectAsync(camille, youssef);
        await factory.WriteAsync(id, camille, "Secret : on se retrouve à 10 h chez moi.");
        var messageId = await factory.QueryAsync(db => db.Messages.Where(m => m.ConversationId == id).Select(m => m.Id).SingleAsync());
        var token = (await stranger.Browser.GetAsync("/messages")).AntiforgeryToken;

        foreach (var url in new[] { $"/messages/{id}", $"/messages/{id}?before=2", $"/messages/{Guid.NewGuid()}", $"/report/message/{messageId}" })
        {
            var page = await stranger.Browser.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{url}: {page}");
            Assert.DoesNotContain("Secret", page.Text, StringComparison.Ordinal);
            var signedOut = await visitor.GetAsync(url);
            Assert.True(signedOut.Status == HttpStatusCode.Redirect && signedOut.Location!.StartsWith("/account/signin", StringComparison.Ordinal), $"{url}: {signedOut}");
        }

        Assert.DoesNotContain("Secret", (await stranger.Browser.GetAsync("/messages")).Text, StringComparison.Ordinal);
        var written = await stranger.Browser.PostAsync($"/messages/{id}", [new(Browser.AntiforgeryField, token), new("Text", "Coucou")]);
        Assert.Equal(HttpStatusCode.NotFound, written.Status);
        var tip = await stranger.Browser.PostAsync($"/messages/{id}?handler=Tip", [new(Browser.AntiforgeryField, token)]);
        Assert.Equal(HttpStatusCode.NotFound, tip.Status);
        var report = await stranger.Browser.PostAsync($"/report/message/{messageId}", [new(Browser.AntiforgeryField, token), new("Reason", "Spam")]);
        Assert.Equal(HttpStatusCode.NotFound, report.Status);
        Assert.Equal(1, await factory.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == id)));
        Assert.False(await factory.QueryAsync(db => db.Reports.AnyAsync(r => r.TargetId == messageId)));
    }

    [Fact]
    public async Task A_block_either_way_replaces_the_form_with_a_notice_and_refuses_what_is_posted_anyway()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);
        var before = await camille.Browser.GetAsync($"/messages/{id}");
        Assert.NotNull(before.Document.QuerySelector("#message-form"));

        var blocked = await youssef.Browser.SubmitAsync(
            await youssef.Browser.GetAsync($"/messages/{id}"), new Dictionary<string, string>(), "form[action*='handler=Block']");
        Assert.Equal(HttpStatusCode.Redirect, blocked.Status);

        foreach (var parent in new[] { camille, youssef })
        {
            var page = await parent.Browser.GetAsync($"/messages/{id}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector("#message-form"));
            Assert.Contains("Vous ne pouvez plus vous écrire", page.MainText(), StringComparison.Ordinal);
            var posted = await parent.Browser.PostAsync($"/messages/{id}", [new(Browser.AntiforgeryField, page.AntiforgeryToken), new("Text", "Tu es là ?")]);
            Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == id)));
    }

    [Fact]
    public async Task Empty_too_long_and_too_many_messages_are_refused_with_a_clear_word_and_the_text_kept()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);

        var empty = await camille.Browser.SendAsync(id, "   ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.NotNull(empty.ErrorSummary);

        var tooLong = new string('é', 2_001);
        var refused = await camille.Browser.SendAsync(id, tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(tooLong, refused.Document.QuerySelector("#message-text")!.TextContent);

        var huge = await camille.Browser.SendAsync(id, new string('a', 100_000));
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);

        // A new account writes at most 10 messages in ten minutes.
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await camille.Browser.SendAsync(id, $"Message {i}")).Status);
        }

        var tooMany = await camille.Browser.SendAsync(id, "Encore un mot\u200b 🎈");
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.Status);
        Assert.Contains("au plus 10 en dix minutes", tooMany.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Encore un mot\u200b 🎈", tooMany.Document.QuerySelector("#message-text")!.TextContent);
        Assert.Equal(10, await factory.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == id)));

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await camille.Browser.SendAsync(id, "Me revoilà")).Status);
        }
        finally
        {
            factory.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_first_meeting_tip_shows_in_a_conversation_until_the_parent_closes_it()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);

        var page = await camille.Browser.GetAsync($"/messages/{id}");
        Assert.Contains("lieu public", page.MainText(), StringComparison.Ordinal);
        var closed = await camille.Browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Tip']");
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.DoesNotContain("lieu public", (await camille.Browser.GetAsync($"/messages/{id}")).MainText(), StringComparison.Ordinal);
        Assert.Contains("lieu public", (await youssef.Browser.GetAsync($"/messages/{id}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_message_is_shown_to_its_author_only_and_an_unsigned_one_to_a_parent_who_left()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);
        await factory.WriteAsync(id, camille, "Un message pas gentil", "Un message gentil");
        await factory.QueryAsync(db => db.Messages.Where(m => m.ConversationId == id && m.Sequence == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Moderation, ModerationState.Hidden)));

        Assert.DoesNotContain("pas gentil", (await youssef.Browser.GetAsync($"/messages/{id}")).Text, StringComparison.Ordinal);
        var own = await camille.Browser.GetAsync($"/messages/{id}");
        Assert.Contains("masqué par la modération", own.Document.QuerySelector("#m-1")!.TextContent, StringComparison.Ordinal);

        await factory.QueryAsync(db => db.Messages.Where(m => m.ConversationId == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorId, (Guid?)null)));
        Assert.Contains("un parent qui a quitté Village", (await youssef.Browser.GetAsync($"/messages/{id}")).Document.QuerySelector("#m-2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_reports_a_message_moderators_see_it_with_its_context_and_hide_it_with_a_log_entry()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);
        await factory.WriteAsync(id, camille, [.. Enumerable.Range(1, 7).Select(i => $"Avant {i}")]);
        await factory.WriteAsync(id, camille, "Donne-moi ton adresse exacte, tout de suite.");
        await factory.WriteAsync(id, youssef, [.. Enumerable.Range(1, 7).Select(i => $"Après {i}")]);
        var reported = await factory.QueryAsync(db => db.Messages.Where(m => m.ConversationId == id && m.Sequence == 8).Select(m => m.Id).SingleAsync());

        var page = await youssef.Browser.GetAsync($"/messages/{id}");
        Assert.Null(page.Document.QuerySelector($"#m-9 a[href='/report/message/{reported}']"));
        var link = page.Document.QuerySelector($"#m-8 a[href='/report/message/{reported}']");
        Assert.NotNull(link);
        Assert.Equal(HttpStatusCode.NotFound, (await camille.Browser.GetAsync($"/report/message/{reported}")).Status);
        var sent = await youssef.Browser.FillAsync($"/report/message/{reported}", new Dictionary<string, string> { ["Reason"] = "Unsafe" });
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        Assert.Equal($"/messages/{id}#m-8", sent.Location);

        using var moderator = await factory.StaffAsync(Village.Web.Features.Accounts.Roles.Moderator);
        var queue = await moderator.GetAsync("/moderation/reports");
        var card = queue.Document.QuerySelectorAll(".report").Single(c => c.TextContent.Contains("adresse exacte", StringComparison.Ordinal));
        var lines = card.QuerySelectorAll(".message-context li").Select(li => li.TextContent).ToList();
        Assert.Equal(11, lines.Count);
        Assert.Contains("Avant 3", lines[0], StringComparison.Ordinal);
        Assert.Contains("Après 5", lines[^1], StringComparison.Ordinal);
        Assert.Contains("adresse exacte", card.QuerySelector(".message-context li.reported")!.TextContent, StringComparison.Ordinal);

        Assert.NotNull(card.QuerySelector("button[name='act'][value='Hide']"));
        var hidden = await moderator.PostHandlerAsync("/moderation/reports", "Content", queue.AntiforgeryToken,
            ("kind", "Message"), ("id", reported.ToString()), ("act", "Hide"), ("Reason", "Demande insistante d'adresse."));
        Assert.True(hidden.Status == HttpStatusCode.Redirect, hidden.ToString());
        Assert.Equal(ModerationState.Hidden, await factory.QueryAsync(db => db.Messages.Where(m => m.Id == reported).Select(m => m.Moderation).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.ModerationLog.AnyAsync(l => l.TargetId == reported && l.Action == ModerationAction.Hide && l.TargetKind == ReportTarget.Message)));
        Assert.Equal(ReportStatus.Resolved, await factory.QueryAsync(db => db.Reports.Where(r => r.TargetId == reported).Select(r => r.Status).SingleAsync()));
        Assert.DoesNotContain("adresse exacte", (await youssef.Browser.GetAsync($"/messages/{id}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_holds_the_messages_I_wrote_and_leaving_Village_leaves_them_unsigned_for_the_other_parent()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);
        await factory.WriteAsync(id, camille, "Jeudi 10 h au pont de Jambes ?");
        await factory.WriteAsync(id, youssef, "Parfait, à jeudi !");

        var export = await camille.Browser.GetAsync("/account/data?handler=Download");
        using (var json = System.Text.Json.JsonDocument.Parse(export.Text))
        {
            var messages = json.RootElement.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal("Jeudi 10 h au pont de Jambes ?", Assert.Single(messages).GetProperty("Text").GetString());
            Assert.Equal(id, messages[0].GetProperty("conversation").GetGuid());
            Assert.DoesNotContain("Parfait, à jeudi", export.Text, StringComparison.Ordinal);
        }

        var page = await camille.Browser.GetAsync("/account/data");
        var deleted = await camille.Browser.SubmitAsync(page, new Dictionary<string, string> { ["Delete.Password"] = AccountSteps.Password, ["Delete.Confirm"] = "true" }, "form[action*='handler=Delete']");
        Assert.True(deleted.Status == HttpStatusCode.Redirect, deleted.ToString());

        Assert.False(await factory.QueryAsync(db => db.ConversationMembers.AnyAsync(m => m.MemberId == camille.Id)));
        var left = await youssef.Browser.GetAsync($"/messages/{id}");
        Assert.Equal(HttpStatusCode.OK, left.Status);
        Assert.Contains("un parent qui a quitté Village", left.Document.QuerySelector("#m-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Jeudi 10 h", left.Document.QuerySelector("#m-1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(left.Document.QuerySelector("#message-form a[href*='/report/member']"));
    }

    [Fact]
    public async Task An_outings_group_conversation_is_titled_by_the_outing_and_links_to_it()
    {
        var organizer = await OutingSteps.ParentAsync(factory, "Nadia");
        using var browser = organizer.Browser;
        var outingId = await organizer.ProposeAsync(factory);
        var title = await factory.QueryAsync(db => db.Outings.Where(o => o.Id == outingId).Select(o => o.Title).SingleAsync());
        var now = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var conversation = new Village.Web.Features.Messages.Conversation
        {
            Id = Guid.CreateVersion7(),
            Kind = Village.Web.Features.Messages.ConversationKind.Outing,
            OutingId = outingId,
            CreatedAt = now,
            LastMessageAt = now,
            Members = [new() { MemberId = organizer.Id, JoinedAt = now }],
        };
        await factory.QueryAsync(db =>
        {
            db.Conversations.Add(conversation);
            return db.SaveChangesAsync();
        });

        var list = await browser.GetAsync("/messages");
        Assert.Contains(title, list.Document.QuerySelector($"a[href='/messages/{conversation.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sortie", list.MainText(), StringComparison.Ordinal);
        var page = await browser.GetAsync($"/messages/{conversation.Id}");
        Assert.Equal(title, page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector($"a[href='/outings/{outingId}']"));
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Block']"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(conversation.Id, "Rendez-vous à l'entrée du parc !")).Status);
    }
}

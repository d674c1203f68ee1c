using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Parents;
using Village.Web.Features.Profiles;
using static Village.Tests.Features.Parents.ParentSteps;

namespace Village.Tests.Features.Parents;

/// <summary>Discovering parents nearby, saying hello, answering it (silently when declining), and what blocks and
/// connections change.</summary>
public sealed partial class ParentsTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task Discovery_puts_a_baby_the_same_age_2_km_away_before_a_three_year_old_1_km_away()
    {
        // Around Luxembourg: far from the other tests' parents (Namur), so the list holds only this test's.
        const double Lat = 49.61, Lon = 6.13;
        var (viewer, _) = await factory.ParentAsync(new(Unique("Camille"), Lat, Lon, [6]));
        var baby = Unique("Amina");
        var toddler = Unique("Bruno");
        var hidden = Unique("Discrète");
        var far = Unique("Lointaine");
        await factory.ParentAsync(new(toddler, Lat + 0.009, Lon, [36]));
        await factory.ParentAsync(new(baby, Lat + 0.018, Lon, [7]));
        await factory.ParentAsync(new(hidden, Lat, Lon, [6], Visible: false));
        await factory.ParentAsync(new(far, Lat + 0.7, Lon, [6]));

        var page = await viewer.GetAsync("/parents");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var names = page.Document.QuerySelectorAll(".parent-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains(baby, names);
        Assert.Contains(toddler, names);
        Assert.True(names.IndexOf(baby) < names.IndexOf(toddler), string.Join(", ", names));
        Assert.DoesNotContain(hidden, names);
        Assert.DoesNotContain(far, names);
        var babyCard = page.Document.QuerySelectorAll(".parent-card").Single(c => c.QuerySelector("h3")!.TextContent.Trim() == baby);
        Assert.StartsWith(TextsFile.Fr("Parents.Why.SameAgeBaby"), babyCard.QuerySelector(".why")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(TextsFile.Fr("Distance.About", 2), babyCard.TextContent, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Child.Months", 7), babyCard.TextContent, StringComparison.Ordinal);

        var wider = await viewer.GetAsync("/parents?km=50");
        Assert.DoesNotContain(far, wider.Text, StringComparison.Ordinal);
        var widest = await viewer.GetAsync("/parents?km=50&age=true");
        Assert.Contains(baby, widest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(toddler, widest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_language_interest_and_free_time_keep_only_who_shows_them()
    {
        var (viewer, _) = await factory.ParentAsync(new(Unique("Camille"), NamurLat, NamurLon, [4]));
        var arabic = Unique("Yasmina");
        var walker = Unique("Sophie");
        await factory.ParentAsync(new(arabic, NamurLat, NamurLon + 0.01, [5], ["ar", "fr"]));
        await factory.ParentAsync(new(walker, NamurLat, NamurLon - 0.01, [5], ["nl"], Interest.Walks, Availability.WeekdayMornings));

        var byLanguage = await viewer.GetAsync("/parents?km=10&lang=ar");
        var byInterest = await viewer.GetAsync("/parents?km=10&interest=Walks");
        var byTime = await viewer.GetAsync("/parents?km=10&free=WeekdayMornings");

        Assert.Contains(arabic, byLanguage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(walker, byLanguage.Text, StringComparison.Ordinal);
        Assert.Contains(walker, byInterest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(arabic, byInterest.Text, StringComparison.Ordinal);
        Assert.Contains(walker, byTime.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(arabic, byTime.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/parents?km=7")]
    [InlineData("/parents?km=abc")]
    [InlineData("/parents?lang=%3Cscript%3E")]
    [InlineData("/parents?interest=None")]
    [InlineData("/parents?free=99")]
    [InlineData("/parents?p=-1")]
    public async Task A_hand_made_search_is_refused_with_a_clear_message(string url)
    {
        var (viewer, _) = await factory.ParentAsync(new(Unique("Camille"), NamurLat, NamurLon));

        var page = await viewer.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(TextsFile.Fr("Parents.BadFilters"), page.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_without_a_town_is_invited_to_set_it_and_a_visitor_must_sign_in()
    {
        using var browser = factory.NewBrowser();
        await browser.SignedInMemberAsync(factory);
        using var visitor = factory.NewBrowser();

        var page = await browser.GetAsync("/parents");
        var signedOut = await visitor.GetAsync("/parents");
        var hellos = await visitor.GetAsync("/hellos");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(TextsFile.Fr("Parents.NoTown"), Shown(page), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/profile']"));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, hellos.Status);
    }

    [Fact]
    public async Task An_accepted_hello_opens_a_conversation_whose_first_message_is_the_hello_and_connects_the_parents()
    {
        var (a, aId) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon, [3]));
        var (b, bId) = await factory.ParentAsync(new(Unique("Bruno"), NamurLat, NamurLon, [4]));
        await factory.QueryAsync(db => db.Profiles.Where(p => p.MemberId == bId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.About, "Secret du parc").SetProperty(p => p.AboutAudience, Audience.Connections)));
        Assert.DoesNotContain("Secret du parc", (await a.GetAsync($"/parents/{bId}")).Text, StringComparison.Ordinal);

        var sent = await a.SayHelloAsync(bId, "On se voit au parc ?", "Coffee");
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        var hellos = await b.GetAsync("/hellos");
        var expected = $"{TextsFile.Fr("Hello.Suggestion.Coffee")} On se voit au parc ?";
        Assert.Contains(expected, Shown(hellos), StringComparison.Ordinal);
        var intruder = await a.SubmitAsync(hellos, new Dictionary<string, string>(), ".hello-received form[action*='Accept']");
        Assert.Equal(HttpStatusCode.BadRequest, intruder.Status); // another parent's token: refused before anything happens
        var helloId = await factory.QueryAsync(db => db.Hellos.Where(h => h.FromId == aId && h.ToId == bId).Select(h => h.Id).SingleAsync());
        var notTheirs = await a.PostAsync($"/hellos?handler=Accept&id={helloId}", [new(Browser.AntiforgeryField, (await a.GetAsync("/hellos")).AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.Status); // the sender cannot accept their own hello

        var accepted = await b.SubmitAsync(hellos, new Dictionary<string, string>(), ".hello-received form[action*='Accept']");

        Assert.True(accepted.Status == HttpStatusCode.Redirect, accepted.ToString());
        var conversationId = Guid.Parse(accepted.Location!["/messages/".Length..]);
        var messages = await factory.QueryAsync(db => db.Messages.Where(m => m.ConversationId == conversationId).ToListAsync());
        var message = Assert.Single(messages);
        Assert.Equal(aId, message.AuthorId);
        Assert.Equal(expected, message.Text);
        Assert.Equal(1, message.Sequence);
        Assert.Contains("Secret du parc", (await a.GetAsync($"/parents/{bId}")).Text, StringComparison.Ordinal);
        var card = await a.GetAsync($"/parents/{bId}");
        Assert.NotNull(card.Document.QuerySelector($"a[href='/messages/{conversationId}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await a.GetAsync($"/parents/{bId}/hello")).Status);
        var hello = await factory.QueryAsync(db => db.Hellos.SingleAsync(h => h.FromId == aId && h.ToId == bId));
        Assert.Equal(HelloStatus.Accepted, hello.Status);
        Assert.Equal(conversationId, hello.ConversationId);
    }

    [Fact]
    public async Task A_declined_hello_looks_exactly_like_a_waiting_one_to_its_sender()
    {
        var (a, aId) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon, [3]));
        var (b, bId) = await factory.ParentAsync(new(Unique("Bruno"), NamurLat, NamurLon, [4]));
        await a.SayHelloAsync(bId, "Bonjour !");
        await a.GetAsync("/hellos"); // the "sent" message, shown once
        string[] senderPages = ["/hellos", $"/parents/{bId}", $"/parents/{bId}/hello", "/parents", "/"];
        var before = new List<string>();
        foreach (var url in senderPages)
        {
            before.Add(Comparable((await a.GetAsync(url)).Text));
        }

        var declined = await b.FillAsync("/hellos", new Dictionary<string, string>(), ".hello-received form[action*='Decline']");

        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        Assert.Equal(HelloStatus.Declined, await factory.QueryAsync(db => db.Hellos.Where(h => h.FromId == aId).Select(h => h.Status).SingleAsync()));
        for (var i = 0; i < senderPages.Length; i++)
        {
            Assert.Equal(before[i], Comparable((await a.GetAsync(senderPages[i])).Text));
        }

        Assert.DoesNotContain("Bonjour !", (await b.GetAsync("/hellos")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync("/hellos?handler=Accept&id=" + Guid.NewGuid(), [new(Browser.AntiforgeryField, (await b.GetAsync("/hellos")).AntiforgeryToken)])).Status);
    }

    [Fact]
    public async Task A_hello_already_received_is_offered_to_accept_and_one_hello_per_pair_is_kept()
    {
        var (a, aId) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon));
        var (b, bId) = await factory.ParentAsync(new(Unique("Bruno"), NamurLat, NamurLon));
        await a.SayHelloAsync(bId, "Premier bonjour");
        var again = await a.GetAsync($"/parents/{bId}/hello");
        Assert.Contains(TextsFile.Fr("Hello.AlreadySent", again.Document.QuerySelector("h1")!.TextContent[(TextsFile.Fr("Hello.Title", "").Length)..]), Shown(again), StringComparison.Ordinal);

        var theirs = await b.GetAsync($"/parents/{aId}/hello");

        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.NotNull(theirs.Document.QuerySelector("form[action*='handler=Accept']"));
        var posted = await b.PostAsync($"/parents/{aId}/hello", [new("Text", "Moi aussi"), new(Browser.AntiforgeryField, theirs.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(1, await factory.QueryAsync(db => db.Hellos.CountAsync(h => (h.FromId == aId && h.ToId == bId) || (h.FromId == bId && h.ToId == aId))));
    }

    [Fact]
    public async Task A_blocked_parent_disappears_cannot_say_hello_and_cannot_see_the_blocker()
    {
        var (a, aId) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon, [3]));
        var bName = Unique("Bruno");
        var (b, bId) = await factory.ParentAsync(new(bName, NamurLat, NamurLon, [3]));
        await a.SayHelloAsync(bId, "Un café ?");
        var profile = await b.GetAsync($"/parents/{aId}");
        var blocked = await b.SubmitAsync(profile, new Dictionary<string, string>(), "form[action='/blocks?handler=Block']");
        Assert.Equal(HttpStatusCode.Redirect, blocked.Status);

        Assert.DoesNotContain(bName, (await a.GetAsync("/parents")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/parents/{bId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/parents/{bId}/hello")).Status);
        var token = (await a.GetAsync("/hellos")).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"/parents/{bId}/hello", [new("Text", "Encore moi"), new(Browser.AntiforgeryField, token)])).Status);
        Assert.DoesNotContain("Un café ?", (await b.GetAsync("/hellos")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(aId.ToString(), (await b.GetAsync("/parents")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oneself_and_a_hidden_parent_cannot_be_greeted()
    {
        var (a, aId) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon));
        var (_, hiddenId) = await factory.ParentAsync(new(Unique("Discrète"), NamurLat, NamurLon, Visible: false));

        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/parents/{aId}/hello")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/parents/{hiddenId}/hello")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/parents/{Guid.NewGuid()}/hello")).Status);
    }

    [Fact]
    public async Task A_new_account_may_say_hello_three_times_a_day_then_gets_a_clear_429_keeping_the_text()
    {
        var (a, _) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon));
        var perDay = new ParentsOptions().NewAccountHellosPerDay;
        for (var i = 0; i < perDay; i++)
        {
            var (_, other) = await factory.ParentAsync(new(Unique("Parent"), NamurLat, NamurLon));
            Assert.Equal(HttpStatusCode.Redirect, (await a.SayHelloAsync(other, $"Bonjour {i}")).Status);
        }

        var (_, oneMore) = await factory.ParentAsync(new(Unique("Parent"), NamurLat, NamurLon));
        var refused = await a.SayHelloAsync(oneMore, "Un bonjour de trop");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains(TextsFile.Fr("Hello.TooMany", perDay), refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Un bonjour de trop", refused.FieldValue("Text"));
    }

    [Fact]
    public async Task Hostile_and_overlong_hellos_are_refused_or_shown_as_text()
    {
        var (a, _) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon));
        var (b, bId) = await factory.ParentAsync(new(Unique("Bruno"), NamurLat, NamurLon));

        var empty = await a.SayHelloAsync(bId, "   ");
        var tooLong = await a.SayHelloAsync(bId, new string('x', HelloConfiguration.TextMax + 1));
        var badSuggestion = await a.SayHelloAsync(bId, "", "'; DROP TABLE Hellos; --");
        var hostile = await a.SayHelloAsync(bId, "<script>alert(1)</script> \u202Eédoc\u200B 'OR 1=1");

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains(TextsFile.Fr("Hello.Empty"), empty.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(new string('x', HelloConfiguration.TextMax + 1), tooLong.FieldValue("Text"));
        Assert.Equal(HttpStatusCode.BadRequest, badSuggestion.Status);
        Assert.Equal(HttpStatusCode.Redirect, hostile.Status);
        var received = await b.GetAsync("/hellos");
        Assert.DoesNotContain("<script>alert(1)</script>", received.Text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", received.Document.QuerySelector(".hello-received blockquote")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_export_holds_hellos_sent_without_their_answer_and_hellos_received_with_it()
    {
        var (a, _) = await factory.ParentAsync(new(Unique("Amina"), NamurLat, NamurLon));
        var (b, bId) = await factory.ParentAsync(new(Unique("Bruno"), NamurLat, NamurLon));
        await a.SayHelloAsync(bId, "Bonjour exporté");
        await b.FillAsync("/hellos", new Dictionary<string, string>(), ".hello-received form[action*='Decline']");

        var sent = await a.GetAsync("/account/data?handler=Download");
        var received = await b.GetAsync("/account/data?handler=Download");

        using var sentJson = System.Text.Json.JsonDocument.Parse(sent.Text);
        var sentHello = Assert.Single(sentJson.RootElement.GetProperty("hellosSent").EnumerateArray());
        Assert.Equal("Bonjour exporté", sentHello.GetProperty("Text").GetString());
        Assert.DoesNotContain("Declined", sent.Text, StringComparison.Ordinal);
        using var receivedJson = System.Text.Json.JsonDocument.Parse(received.Text);
        var receivedHello = Assert.Single(receivedJson.RootElement.GetProperty("hellosReceived").EnumerateArray());
        Assert.Equal("Declined", receivedHello.GetProperty("status").GetString());
    }

    /// <summary>What a page shows as text (entities decoded).</summary>
    private static string Shown(WebPage page) => page.Document.DocumentElement.TextContent;

    /// <summary>A page's text without what changes on every request (antiforgery tokens).</summary>
    private static string Comparable(string html) => TokenPattern().Replace(html, "");

    [GeneratedRegex(@"(name=""__RequestVerificationToken""[^>]*value=""[^""]*"")|(value=""[^""]*""[^>]*name=""__RequestVerificationToken"")")]
    private static partial Regex TokenPattern();
}

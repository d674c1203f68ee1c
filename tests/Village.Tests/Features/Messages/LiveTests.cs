using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Messages;
using Village.Web.Features.Moderation;
using Village.Web.Infrastructure.Live;

namespace Village.Tests.Features.Messages;

/// <summary>GET /messages/stream: who may listen to what, order and exactly-once, reconnection with Last-Event-ID,
/// and live events across two app instances sharing one PostgreSQL database (LISTEN/NOTIFY).</summary>
public sealed class LiveTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_stream_carries_the_viewed_conversations_messages_live_in_order_once()
    {
        var (camille, camilleId) = await factory.ParentAsync("Camille");
        var (_, samirId) = await factory.ParentAsync("Samir");
        var conversation = await factory.OpenAsync(camilleId, samirId);
        await factory.PostAsync(conversation, samirId, "Bonjour Camille !");

        // The page showed message 1: the stream starts after it.
        await using var stream = await EventStream.OpenAsync(camille.Client, $"/messages/stream?conversation={conversation}&after=1");
        Assert.Equal(1, await stream.UnreadAsync(Wait));
        await factory.PostAsync(conversation, samirId, "<script>alert('x')</script> On se voit au parc ?");
        await factory.PostAsync(conversation, camilleId, "Oui, à 10 h !");
        var events = await stream.ReadMessagesAsync(2, Wait);
        var messages = events.Where(e => e.Event == "message").ToList();
        Assert.Equal([2L, 3L], messages.Select(m => m.Sequence));
        Assert.Equal([$"{conversation}:2", $"{conversation}:3"], messages.Select(m => m.Id));
        Assert.Equal("<script>alert('x')</script> On se voit au parc ?", messages[0].Json.GetProperty("text").GetString());
        Assert.Equal("Samir", messages[0].Json.GetProperty("author").GetString());
        Assert.False(messages[0].Json.GetProperty("mine").GetBoolean());
        Assert.True(messages[1].Json.GetProperty("mine").GetBoolean());
        // Writing marks the conversation read for its author: nothing left unread for the badge.
        Assert.Equal(0, await stream.UnreadAsync(Wait));

        // A message a moderator hid before the stream read it is not shown to the reader; the next one is.
        var hidden = await factory.PostAsync(conversation, samirId, "Un message masqué", publish: false);
        await factory.QueryAsync(db => db.Messages.Where(m => m.Id == hidden).ExecuteUpdateAsync(s => s.SetProperty(m => m.Moderation, ModerationState.Hidden)));
        await factory.PostAsync(conversation, samirId, "Et après ?");
        var after = (await stream.ReadMessagesAsync(1, Wait)).Where(e => e.Event == "message").ToList();
        Assert.Equal([5L], after.Select(m => m.Sequence));
        Assert.DoesNotContain(await stream.ReadForAsync(TimeSpan.FromMilliseconds(500)), e => e.Event == "message");
    }

    [Fact]
    public async Task A_reconnection_with_Last_Event_ID_catches_up_exactly_the_missed_messages()
    {
        var (camille, camilleId) = await factory.ParentAsync("Camille");
        var (_, samirId) = await factory.ParentAsync("Samir");
        var conversation = await factory.OpenAsync(camilleId, samirId);
        for (var i = 1; i <= 3; i++)
        {
            await factory.PostAsync(conversation, samirId, $"Message {i}");
        }

        string lastId;
        await using (var first = await EventStream.OpenAsync(camille.Client, $"/messages/stream?conversation={conversation}&after=0"))
        {
            var received = (await first.ReadMessagesAsync(3, Wait)).Where(e => e.Event == "message").ToList();
            Assert.Equal([1L, 2L, 3L], received.Select(m => m.Sequence));
            lastId = received[^1].Id!;
        }

        // Offline for a while: three more messages.
        for (var i = 4; i <= 6; i++)
        {
            await factory.PostAsync(conversation, samirId, $"Message {i}");
        }

        // EventSource reconnects to the same address (after=0) and sends the last id it received.
        await using var again = await EventStream.OpenAsync(camille.Client, $"/messages/stream?conversation={conversation}&after=0", lastId);
        var missed = (await again.ReadMessagesAsync(3, Wait)).Where(e => e.Event == "message").ToList();
        Assert.Equal([4L, 5L, 6L], missed.Select(m => m.Sequence));
        Assert.Equal(["Message 4", "Message 5", "Message 6"], missed.Select(m => m.Json.GetProperty("text").GetString()));
        Assert.DoesNotContain(await again.ReadForAsync(TimeSpan.FromMilliseconds(500)), e => e.Event == "message");

        // A Last-Event-ID about another conversation does not move this one's cursor.
        await using var other = await EventStream.OpenAsync(camille.Client, $"/messages/stream?conversation={conversation}&after=5", $"{Guid.NewGuid()}:1");
        Assert.Equal([6L], (await other.ReadMessagesAsync(1, Wait)).Where(e => e.Event == "message").Select(m => m.Sequence));
    }

    [Fact]
    public async Task A_stream_never_carries_a_conversation_the_parent_is_not_part_of()
    {
        var (_, camilleId) = await factory.ParentAsync("Camille");
        var (_, samirId) = await factory.ParentAsync("Samir");
        var (lea, leaId) = await factory.ParentAsync("Léa");
        var theirs = await factory.OpenAsync(camilleId, samirId);
        var leas = await factory.OpenAsync(leaId, samirId);

        // Someone else's conversation: 404 before any stream, like one that does not exist; bad input: 400.
        Assert.Equal(HttpStatusCode.NotFound, (await lea.Client.GetAsync($"/messages/stream?conversation={theirs}&after=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.Client.GetAsync($"/messages/stream?conversation={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lea.Client.GetAsync("/messages/stream?conversation=%3Cscript%3E")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lea.Client.GetAsync($"/messages/stream?conversation={leas}&after=-1")).StatusCode);

        // Signed out: 401, no stream.
        using var visitor = factory.NewBrowser();
        var signedOut = await visitor.Client.GetAsync($"/messages/stream?conversation={theirs}");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.NotEqual("text/event-stream", signedOut.Content.Headers.ContentType?.MediaType);

        // Léa's own streams (her conversation, and the badge-only one) hear nothing of Camille and Samir's messages.
        await using var viewing = await EventStream.OpenAsync(lea.Client, $"/messages/stream?conversation={leas}&after=0");
        await using var badge = await EventStream.OpenAsync(lea.Client, "/messages/stream");
        Assert.Equal(0, await viewing.UnreadAsync(Wait));
        Assert.Equal(0, await badge.UnreadAsync(Wait));
        await factory.PostAsync(theirs, samirId, "Un secret entre Camille et Samir");
        await factory.PostAsync(theirs, camilleId, "Bien reçu");
        // Then a message for Léa: it reaches her, proving her streams were listening all along.
        await factory.PostAsync(leas, samirId, "Bonjour Léa");
        var seen = await viewing.ReadMessagesAsync(1, Wait);
        Assert.Equal(1, await badge.UnreadAsync(Wait));
        var all = seen.Concat(await viewing.ReadForAsync(TimeSpan.FromMilliseconds(300))).Concat(await badge.ReadForAsync(TimeSpan.FromMilliseconds(300))).ToList();
        Assert.Equal(["Bonjour Léa"], all.Where(e => e.Event == "message").Select(e => e.Json.GetProperty("text").GetString()));
        Assert.DoesNotContain(all, e => e.Data.Contains(theirs.ToString(), StringComparison.Ordinal) || e.Data.Contains("secret", StringComparison.Ordinal));
        Assert.All(all.Where(e => e.Event == "unread"), e => Assert.Equal(1, e.Json.GetProperty("unread").GetInt32()));
    }

    [Fact]
    public async Task Messages_written_on_two_instances_reach_a_stream_on_the_second_in_order_exactly_once()
    {
        // Always PostgreSQL (LISTEN/NOTIFY is the point), in the SQLite pass too: scripts/test.sh gives both a server.
        using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var a = new InstanceFactory(database);
        _ = a.Services; // starts instance A, which migrates the shared database
        await using var b = new InstanceFactory(database);
        _ = b.Services;
        Assert.IsType<PostgresLiveEvents>(a.Services.GetRequiredService<ILiveEvents>());
        foreach (var instance in new[] { a, b })
        {
            var listener = instance.Services.GetRequiredService<PostgresLiveEvents>();
            for (var i = 0; i < 100 && !listener.Listening; i++)
            {
                await Task.Delay(100);
            }

            Assert.True(listener.Listening, "An instance never started listening.");
        }

        var (_, samirId) = await a.ParentAsync("Samir");
        var (camille, camilleId) = await b.ParentAsync("Camille");
        var conversation = await a.OpenAsync(samirId, camilleId);
        await using var stream = await EventStream.OpenAsync(camille.Client, $"/messages/stream?conversation={conversation}&after=0");
        Assert.Equal(0, await stream.UnreadAsync(Wait));

        // Samir writes fast on A while Camille answers on B.
        const int fromA = 15, fromB = 5;
        var writing = Task.WhenAll(
            Task.Run(async () =>
            {
                for (var i = 0; i < fromA; i++)
                {
                    await a.PostAsync(conversation, samirId, $"A{i}");
                }
            }),
            Task.Run(async () =>
            {
                for (var i = 0; i < fromB; i++)
                {
                    await b.PostAsync(conversation, camilleId, $"B{i}");
                }
            }));
        var events = await stream.ReadMessagesAsync(fromA + fromB, TimeSpan.FromSeconds(20));
        await writing;
        events.AddRange(await stream.ReadForAsync(TimeSpan.FromSeconds(1)));
        var messages = events.Where(e => e.Event == "message").ToList();
        Assert.Equal(Enumerable.Range(1, fromA + fromB).Select(i => (long)i), messages.Select(m => m.Sequence));
        Assert.Equal(fromA, messages.Count(m => m.Json.GetProperty("text").GetString()!.StartsWith('A')));
        Assert.All(messages.Where(m => m.Json.GetProperty("text").GetString()!.StartsWith('A')), m => Assert.Equal("Samir", m.Json.GetProperty("author").GetString()));
        // Camille's own messages mark what came before them read: unread are Samir's after her last one.
        var lastOwn = messages.Where(m => m.Json.GetProperty("mine").GetBoolean()).Max(m => m.Sequence);
        Assert.Equal(messages.Count(m => m.Sequence > lastOwn), events.Where(e => e.Event == "unread").Select(e => e.Json.GetProperty("unread").GetInt32()).Last());

        // A message for a parent listening only on B, written only on A: it can only arrive by NOTIFY.
        var (lea, leaId) = await b.ParentAsync("Léa");
        var leas = await a.OpenAsync(samirId, leaId);
        await using var leaStream = await EventStream.OpenAsync(lea.Client, $"/messages/stream?conversation={leas}&after=0");
        Assert.Equal(0, await leaStream.UnreadAsync(Wait));
        await a.PostAsync(leas, samirId, "Bonjour Léa, depuis A");
        Assert.Equal(["Bonjour Léa, depuis A"], (await leaStream.ReadMessagesAsync(1, Wait)).Where(e => e.Event == "message").Select(e => e.Json.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_notification_for_a_big_group_is_split_under_PostgreSQLs_payload_limit()
    {
        // 150 member ids in JSON stay well under the 8000 bytes NOTIFY accepts.
        var ids = Enumerable.Range(0, PostgresLiveEvents.MembersPerNotification).Select(_ => Guid.NewGuid()).ToList();
        var payload = System.Text.Json.JsonSerializer.Serialize(new { From = Guid.NewGuid(), Kind = LiveEventKind.Message, Subject = Guid.NewGuid(), Sequence = long.MaxValue, Members = ids });
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(payload), 1, 7999);
        Assert.Equal((Guid.Parse("0195b4a2-0000-7000-8000-000000000001"), 42L), LiveStream.ParseCursor("0195b4a2-0000-7000-8000-000000000001:42"));
        Assert.Null(LiveStream.ParseCursor("0195b4a2-0000-7000-8000-000000000001:-1"));
        Assert.Null(LiveStream.ParseCursor("<script>:1"));
        Assert.Null(LiveStream.ParseCursor(new string('9', 10_000)));
    }
}

/// <summary>A second (or first) app instance on a database it shares with others.</summary>
public sealed class InstanceFactory(TestDatabase shared) : VillageFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = shared.Provider.ToString(),
        ["Database:ConnectionString"] = shared.ConnectionString,
    };
}

public static class LiveSteps
{
    /// <summary>A confirmed parent, signed in on a browser of this instance.</summary>
    public static async Task<(Browser Browser, Guid Id)> ParentAsync(this VillageFactory factory, string displayName)
    {
        var email = AccountSteps.NewAddress(displayName.ToLowerInvariant());
        using (var scope = factory.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountCreation>().CreateConfirmedAsync(email, AccountSteps.Password, displayName, []);
            Assert.True(created.Succeeded);
        }

        var browser = factory.NewBrowser();
        var signIn = await browser.SignInAsync(email);
        Assert.True(signIn.Status == HttpStatusCode.Redirect, signIn.ToString());
        return (browser, await factory.MemberIdAsync(email));
    }

    public static async Task<Guid> OpenAsync(this VillageFactory factory, Guid first, Guid second)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Conversations>().OpenDirectAsync(first, second)).Id;
    }

    /// <summary>Writes through the shared service, as the pages and the API do (publish: false writes without the live event).</summary>
    public static async Task<Guid> PostAsync(this VillageFactory factory, Guid conversationId, Guid authorId, string text, bool publish = true)
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var conversations = publish
            ? services.GetRequiredService<Conversations>()
            : new Conversations(services.GetRequiredService<VillageDb>(), new LiveHub(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())), services.GetRequiredService<TimeProvider>());
        return (await conversations.PostAsync(conversationId, authorId, text)).Id;
    }
}

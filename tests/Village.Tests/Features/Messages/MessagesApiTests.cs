using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Features.Messages;

/// <summary>The /api conversations and messages endpoints: the same rules as the pages, in JSON.</summary>
public sealed class MessagesApiTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_parent_lists_conversations_reads_pages_of_messages_writes_and_marks_read()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);
        await factory.WriteAsync(id, camille, [.. Enumerable.Range(1, 32).Select(i => $"Message {i}")]);

        var list = await JsonAsync(youssef.Browser, "/api/conversations");
        var line = list["conversations"]![0]!;
        Assert.Equal("Camille", (string?)line["title"]);
        Assert.Equal("Message 32", (string?)line["lastMessage"]);
        Assert.Equal(32, (int)line["unread"]!);
        Assert.Equal("Direct", (string?)line["kind"]);

        var latest = await JsonAsync(youssef.Browser, $"/api/conversations/{id}/messages");
        Assert.Equal(Enumerable.Range(3, 30).Select(i => (long)i), latest["messages"]!.AsArray().Select(m => (long)m!["sequence"]!));
        Assert.True((bool)latest["hasMore"]!);
        Assert.True((bool)latest["mayWrite"]!);
        Assert.Equal("Camille", (string?)latest["messages"]![0]!["author"]);
        var older = await JsonAsync(youssef.Browser, $"/api/conversations/{id}/messages?before=3");
        Assert.Equal([1L, 2L], older["messages"]!.AsArray().Select(m => (long)m!["sequence"]!));
        Assert.False((bool)older["hasMore"]!);
        var after = await JsonAsync(youssef.Browser, $"/api/conversations/{id}/messages?after=30");
        Assert.Equal([31L, 32L], after["messages"]!.AsArray().Select(m => (long)m!["sequence"]!));

        var sent = await youssef.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "<b>Oui</b> pour la balade !" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
        Assert.Equal(33, (long)message["sequence"]!);
        Assert.True((bool)message["mine"]!);
        Assert.Equal("<b>Oui</b> pour la balade !", (string?)message["text"]);

        var read = await camille.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/read", new { sequence = 33 });
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        await camille.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/read", new { sequence = 5 });
        Assert.Equal(33, await factory.QueryAsync(db => db.ConversationMembers.Where(m => m.ConversationId == id && m.MemberId == camille.Id).Select(m => m.ReadSequence).SingleAsync()));
        Assert.Equal(0, (int)(await JsonAsync(camille.Browser, "/api/conversations"))["conversations"]![0]!["unread"]!);
    }

    [Fact]
    public async Task Outsiders_get_404_signed_out_callers_401_blocked_parents_403_and_nonsense_400()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        using var stranger = await factory.TalkerAsync("Inconnu");
        using var visitor = factory.NewBrowser();
        var id = await factory.OpenDirectAsync(camille, youssef);
        await factory.WriteAsync(id, camille, "Secret : rendez-vous chez moi.");

        Assert.DoesNotContain("Secret", (await stranger.Browser.GetAsync("/api/conversations")).Text, StringComparison.Ordinal);
        foreach (var url in new[] { $"/api/conversations/{id}/messages", $"/api/conversations/{id}/messages?before=2", $"/api/conversations/{id}/messages?after=0", $"/api/conversations/{Guid.NewGuid()}/messages" })
        {
            var answer = await stranger.Browser.GetAsync(url);
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"{url}: {answer}");
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.DoesNotContain("Secret", answer.Text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync(url)).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/conversations")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Coucou" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/read", new { sequence = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Coucou" })).StatusCode);

        foreach (var body in new object[] { new { text = "" }, new { text = "   " }, new { text = new string('x', 2_001) }, new { other = 1 } })
        {
            var answer = await camille.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", body);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{body}: {answer.StatusCode}");
        }

        foreach (var query in new[] { "?before=0", "?after=-1", "?before=3&after=1", "?before=x" })
        {
            var answer = await camille.Browser.GetAsync($"/api/conversations/{id}/messages{query}");
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{query}: {answer}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await camille.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/read", new { sequence = 99 })).StatusCode);

        await factory.QueryAsync(db =>
        {
            db.Blocks.Add(new() { BlockerId = camille.Id, BlockedId = youssef.Id, CreatedAt = DateTime.UnixEpoch });
            return db.SaveChangesAsync();
        });
        var blocked = await youssef.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Pourquoi ?" });
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.False((bool)(await JsonAsync(youssef.Browser, $"/api/conversations/{id}/messages"))["mayWrite"]!);
        Assert.Equal(1, await factory.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == id)));
    }

    [Fact]
    public async Task The_rate_limit_answers_429_through_the_api_too()
    {
        using var camille = await factory.TalkerAsync("Camille");
        using var youssef = await factory.TalkerAsync("Youssef");
        var id = await factory.OpenDirectAsync(camille, youssef);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await camille.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = $"Mot {i}" })).StatusCode);
        }

        var tooMany = await camille.Browser.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Encore" });
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_endpoints_are_in_the_OpenAPI_document()
    {
        using var visitor = factory.NewBrowser();
        var document = JsonNode.Parse((await visitor.GetAsync("/openapi/v1.json")).Text)!["paths"]!.AsObject();
        Assert.NotNull(document["/api/conversations"]?["get"]);
        Assert.NotNull(document["/api/conversations/{id}/messages"]?["get"]);
        Assert.NotNull(document["/api/conversations/{id}/messages"]?["post"]);
        Assert.NotNull(document["/api/conversations/{id}/read"]?["post"]);
    }

    private static async Task<JsonNode> JsonAsync(Browser browser, string url)
    {
        var answer = await browser.GetAsync(url);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{url}: {answer}");
        return JsonNode.Parse(answer.Text)!;
    }
}

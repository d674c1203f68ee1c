using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Moderation;

namespace Village.Tests.Features.Posts;

/// <summary>The /api read endpoints for a community's feed and posts: the same rules as the pages, in JSON; and
/// the OpenAPI document that describes them, which must match the copy committed in docs/openapi.json.</summary>
public sealed class PostsApiTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private const string CommittedDocument = "docs/openapi.json";

    [Fact]
    public async Task A_member_reads_the_feed_by_kind_and_page_and_a_post_with_its_comments()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var author = await factory.MemberOfAsync(slug, "Camille");
        using var reader = await factory.MemberOfAsync(slug, "Youssef");
        var question = await author.PublishAsync(slug, "Un pédiatre à Jambes ?", "Des **adresses** ?");
        await author.PublishAsync(slug, "Poussette à donner", "Bon état.", "Item", "Give");
        var page = await reader.GetAsync(question);
        await reader.SubmitAsync(page, new Dictionary<string, string> { ["CommentText"] = "Le cabinet près de la gare." }, "form[action*='handler=Comment']");

        var feed = await JsonAsync(reader, $"/api/communities/{slug}/posts");
        Assert.Equal(["Poussette à donner", "Un pédiatre à Jambes ?"], Titles(feed));
        Assert.Equal("Parents testeurs", (string?)feed["name"]);
        Assert.False((bool)feed["hasNextPage"]!);
        var first = feed["posts"]![1]!;
        Assert.Equal("Question", (string?)first["kind"]);
        Assert.Equal("Camille", (string?)first["author"]);
        Assert.Equal(1, (int)first["commentCount"]!);
        Assert.Equal(question, (string?)first["url"]);

        Assert.Equal(["Poussette à donner"], Titles(await JsonAsync(reader, $"/api/communities/{slug}/posts?kind=Item")));
        Assert.Equal(["Un pédiatre à Jambes ?"], Titles(await JsonAsync(reader, $"/api/communities/{slug}/posts?q=pediatre")));
        Assert.Empty(Titles(await JsonAsync(reader, $"/api/communities/{slug}/posts?p=2")));

        var post = await JsonAsync(reader, $"/api{question}");
        Assert.Equal("Des **adresses** ?", (string?)post["body"]);
        Assert.Contains("<strong>adresses</strong>", (string?)post["bodyHtml"], StringComparison.Ordinal);
        Assert.Equal("Le cabinet près de la gare.", (string?)post["comments"]![0]!["body"]);
        Assert.Equal("Youssef", (string?)post["comments"]![0]!["author"]);
    }

    [Fact]
    public async Task Outsiders_get_nothing_signed_out_callers_get_401_and_nonsense_gets_400()
    {
        var (slug, _) = await factory.CommunityAsync();
        var (otherSlug, _) = await factory.CommunityAsync();
        using var author = await factory.MemberOfAsync(slug, "Léa");
        var post = await author.PublishAsync(slug, "Réservé aux membres", "Pas pour tout le monde.");
        using var outsider = await factory.MemberOfAsync(otherSlug, "Dehors");
        using var visitor = factory.NewBrowser();

        foreach (var url in new[] { $"/api/communities/{slug}/posts", $"/api{post}", $"/api/communities/{otherSlug}/posts/{post.Split('/')[^1]}", "/api/communities/nowhere/posts" })
        {
            var answer = await outsider.GetAsync(url);
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"{url}: {answer}");
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.DoesNotContain("Réservé aux membres", answer.Text, StringComparison.Ordinal);
        }

        var signedOut = await visitor.GetAsync($"/api/communities/{slug}/posts");
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.Status);
        Assert.Equal("application/problem+json", signedOut.ContentType);

        foreach (var query in new[] { "?kind=Banana", "?kind=99", "?p=0", "?p=x", $"?q={new string('a', 101)}" })
        {
            var answer = await author.GetAsync($"/api/communities/{slug}/posts{query}");
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{query}: {answer}");
        }
    }

    [Fact]
    public async Task A_blocked_parent_gets_neither_the_blockers_posts_nor_their_comments_and_hidden_posts_stay_hidden()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var blocker = await factory.MemberOfAsync(slug, "Bloqueuse");
        using var blocked = await factory.MemberOfAsync(slug, "Importun");
        var blockerPost = await blocker.PublishAsync(slug, "Poste de la bloqueuse", "Texte A.");
        var blockedPost = await blocked.PublishAsync(slug, "Poste de l'importun", "Texte B.");
        var page = await blocked.GetAsync(blockedPost);
        await blocked.SubmitAsync(page, new Dictionary<string, string> { ["CommentText"] = "Avant le blocage" }, "form[action*='handler=Comment']");
        page = await blocker.GetAsync(blockedPost);
        await blocker.SubmitAsync(page, new Dictionary<string, string> { ["CommentText"] = "Réponse de la bloqueuse" }, "form[action*='handler=Comment']");
        var hiddenPost = await blocked.PublishAsync(slug, "Poste masqué", "Texte C.");
        await factory.QueryAsync(async db =>
        {
            var ids = await db.Profiles.Where(p => p.DisplayName == "Bloqueuse" || p.DisplayName == "Importun")
                .Join(db.CommunityMembers.Where(m => db.Communities.Any(c => c.Id == m.CommunityId && c.Slug == slug)), p => p.MemberId, m => m.MemberId, (p, _) => new { p.DisplayName, p.MemberId })
                .ToDictionaryAsync(p => p.DisplayName, p => p.MemberId);
            db.Blocks.Add(new Block { BlockerId = ids["Bloqueuse"], BlockedId = ids["Importun"], CreatedAt = DateTime.UnixEpoch });
            var hiddenId = Guid.Parse(hiddenPost.Split('/')[^1]);
            await db.Posts.Where(p => p.Id == hiddenId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Moderation, ModerationState.Hidden));
            return await db.SaveChangesAsync();
        });
        factory.ExpireKeptCopies();

        Assert.Equal(["Poste masqué", "Poste de l'importun"], Titles(await JsonAsync(blocked, $"/api/communities/{slug}/posts")));
        Assert.Equal("Hidden", (string?)(await JsonAsync(blocked, $"/api{hiddenPost}"))["moderation"]);
        Assert.Equal(HttpStatusCode.NotFound, (await blocked.GetAsync($"/api{blockerPost}")).Status);
        var ownPost = await JsonAsync(blocked, $"/api{blockedPost}");
        Assert.Equal(["Avant le blocage"], ownPost["comments"]!.AsArray().Select(c => (string?)c!["body"]));

        Assert.Equal(["Poste de la bloqueuse"], Titles(await JsonAsync(blocker, $"/api/communities/{slug}/posts")));
        Assert.Equal(HttpStatusCode.NotFound, (await blocker.GetAsync($"/api{blockedPost}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await blocker.GetAsync($"/api{hiddenPost}")).Status);
    }

    [Fact]
    public async Task Hostile_text_comes_back_as_the_member_wrote_it_and_its_html_is_escaped()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var author = await factory.MemberOfAsync(slug, "Sofia");
        const string Hostile = "<script>alert(1)</script> '; DROP TABLE \"Posts\"; -- [x](javascript:alert(2))";
        var post = await author.PublishAsync(slug, "<img src=x onerror=alert(3)>", Hostile);

        var json = await JsonAsync(author, $"/api{post}");
        Assert.Equal("<img src=x onerror=alert(3)>", (string?)json["title"]);
        Assert.Equal(Hostile, (string?)json["body"]);
        var html = (string?)json["bodyHtml"];
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api_as_committed()
    {
        using var visitor = factory.NewBrowser();
        var served = await visitor.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, served.Status);
        var actual = Indented(served.Text);
        var path = Path.Combine(Repository.Root, CommittedDocument);
        if (Environment.GetEnvironmentVariable("VILLAGE_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        var paths = JsonNode.Parse(actual)!["paths"]!.AsObject().Select(p => p.Key).Order().ToList();
        Assert.Equal(["/api/communities/{slug}/posts", "/api/communities/{slug}/posts/{id}", "/api/conversations", "/api/conversations/{id}/messages", "/api/conversations/{id}/read", "/api/hsds", "/api/hsds/organizations", "/api/hsds/organizations/{id}", "/api/hsds/service_at_locations", "/api/hsds/service_at_locations/{id}", "/api/hsds/services", "/api/hsds/services/{id}", "/api/hsds/taxonomies", "/api/hsds/taxonomies/{id}", "/api/hsds/taxonomy_terms", "/api/hsds/taxonomy_terms/{id}", "/api/outings", "/api/outings/{id}", "/api/towns"], paths);
        Assert.True(
            File.Exists(path) && Indented(await File.ReadAllTextAsync(path)) == actual,
            $"The API changed: review it, then update {CommittedDocument} with VILLAGE_UPDATE_OPENAPI=1 dotnet test --filter OpenAPI.");
    }

    private static async Task<JsonNode> JsonAsync(Browser browser, string url)
    {
        var answer = await browser.GetAsync(url);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{url}: {answer}");
        Assert.Equal("application/json", answer.ContentType);
        return JsonNode.Parse(answer.Text)!;
    }

    private static List<string?> Titles(JsonNode feed) => feed["posts"]!.AsArray().Select(p => (string?)p!["title"]).ToList();

    private static string Indented(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
}

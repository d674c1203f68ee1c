using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Communities;
using Village.Web.Features.Posts;

namespace Village.Tests.Features.Posts;

/// <summary>Posting, answering and thanking in a community; and everything others may not do.</summary>
public sealed class PostsTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_member_asks_another_answers_and_the_asker_marks_the_question_answered()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var asker = await factory.MemberOfAsync(slug, "Camille");
        using var helper = await factory.MemberOfAsync(slug, "Youssef");

        var asked = await asker.FillAsync($"/communities/{slug}/posts/new", CommunitySteps.PostFields("Un pédiatre à Jambes ?", "Des adresses ?"));
        Assert.True(asked.Status == HttpStatusCode.Redirect, asked.ToString());
        var postUrl = asked.Location!;

        var page = await helper.GetAsync(postUrl);
        var answered = await helper.SubmitAsync(page, new Dictionary<string, string> { ["CommentText"] = "Le cabinet près de la gare." }, "form[action*='handler=Comment']");
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        var thanked = await helper.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Thanks']");
        await helper.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Thanks']");
        Assert.Equal(HttpStatusCode.Redirect, thanked.Status);

        var own = await asker.GetAsync(postUrl);
        Assert.Contains("Le cabinet près de la gare.", own.Text, StringComparison.Ordinal);
        Assert.Null(own.Document.QuerySelector("form[action*='handler=Thanks']"));
        var nonsense = await asker.SubmitAsync(own, new Dictionary<string, string> { ["state"] = "banana" }, "form[action*='handler=State']");
        var impossible = await asker.SubmitAsync(own, new Dictionary<string, string> { ["state"] = "Given" }, "form[action*='handler=State']");
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.Status);
        Assert.Equal(HttpStatusCode.BadRequest, impossible.Status);
        var marked = await asker.SubmitAsync(own, new Dictionary<string, string> { ["state"] = "Answered" }, "form[action*='handler=State']");
        Assert.Equal(HttpStatusCode.Redirect, marked.Status);

        var post = await PostAsync(postUrl);
        Assert.Equal(PostState.Answered, post.State);
        Assert.Equal(1, post.CommentCount);
        Assert.Equal(1, post.ThanksCount);
        var feed = await helper.GetAsync($"/communities/{slug}");
        Assert.Contains("Un pédiatre à Jambes ?", feed.Document.QuerySelector("main .cards")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_members_cannot_read_and_members_cannot_touch_anothers_post()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var author = await factory.MemberOfAsync(slug, "Léa");
        var postUrl = (await author.FillAsync($"/communities/{slug}/posts/new", CommunitySteps.PostFields("Vêtements à donner", "Un sac de bodies.", "Item", "Give"))).Location!;
        using var member = await factory.MemberOfAsync(slug, "Thomas");
        using var outsider = factory.NewBrowser();
        await outsider.SignedInMemberAsync(factory, displayName: "Dehors");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(postUrl)).Status);
        var feedForOutsider = await outsider.GetAsync($"/communities/{slug}");
        Assert.DoesNotContain("Vêtements à donner", feedForOutsider.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{slug}/posts/new")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(postUrl + "/edit")).Status);
        var token = (await member.GetAsync(postUrl)).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(postUrl + "?handler=Delete", [new(Browser.AntiforgeryField, token)])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(postUrl + "?handler=State", [new(Browser.AntiforgeryField, token), new("state", "Given")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(postUrl + "?handler=Pin", [new(Browser.AntiforgeryField, token)])).Status);
        var edit = await member.PostAsync(postUrl + "/edit", [new(Browser.AntiforgeryField, token), new("Input.Title", "Volé"), new("Input.Body", "x"), new("Input.Kind", "Tip")]);
        Assert.Equal(HttpStatusCode.NotFound, edit.Status);

        var post = await PostAsync(postUrl);
        Assert.Equal("Vêtements à donner", post.Title);
        Assert.Equal(PostState.Open, post.State);
        Assert.False(post.IsPinned);
    }

    [Fact]
    public async Task Only_admins_announce_and_pin()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var member = await factory.MemberOfAsync(slug, "Sofia");
        using var admin = await factory.MemberOfAsync(slug, "Camille", CommunityRole.Admin);

        var refused = await member.FillAsync($"/communities/{slug}/posts/new", CommunitySteps.PostFields("Annonce", "Réunion demain.", "Announcement"));
        var announced = await admin.FillAsync($"/communities/{slug}/posts/new", CommunitySteps.PostFields("Troc party samedi", "Apportez ce qui ne sert plus.", "Announcement"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(TextsFile.Fr("Post.AnnouncementsForAdmins"), refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, announced.Status);
        var page = await admin.GetAsync(announced.Location!);
        await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Pin']");
        Assert.True((await PostAsync(announced.Location!)).IsPinned);
    }

    public static TheoryData<string, string, string> WrongPosts => new()
    {
        { "Input.Body", new string('é', 100 * 1024), "Validation.MaxLength" },
        { "Input.Kind", "7", "Validation.InvalidValue" },
        { "Input.Price", "gratuit ?", "Post.PriceInvalid" },
        { "Input.Title", "", "Validation.Required" },
        { "Input.ItemMode", "banana", "Validation.Invalid" },
    };

    [Theory]
    [MemberData(nameof(WrongPosts))]
    public async Task A_wrong_post_is_refused_in_French_and_what_was_typed_comes_back(string field, string value, string messageKey)
    {
        var (slug, _) = await factory.CommunityAsync();
        using var member = await factory.MemberOfAsync(slug, "Nath");
        var fields = CommunitySteps.PostFields("Cherche poussette double", "Pour des jumelles.", "Item", "Wanted");
        fields[field] = value;

        var page = await member.FillAsync($"/communities/{slug}/posts/new", fields);

        Assert.True(page.Status == HttpStatusCode.BadRequest, page.ToString());
        Assert.Contains(TextsFile.French[messageKey].Split('{')[0], page.ErrorSummary, StringComparison.Ordinal);
        if (field != "Input.Body")
        {
            Assert.Equal("Pour des jumelles.", page.Document.QuerySelector("textarea[name='Input.Body']")?.TextContent);
        }
    }

    [Fact]
    public async Task Scripts_raw_html_and_javascript_links_in_a_post_stay_harmless_text()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var member = await factory.MemberOfAsync(slug, "Aminata");
        var body = "<script>alert(1)</script> <img src=x onerror=alert(2)> [clic](javascript:alert(3)) **gras**";

        var posted = await member.FillAsync($"/communities/{slug}/posts/new", CommunitySteps.PostFields("<b>Titre</b>", body, "Tip"));
        var page = await member.GetAsync(posted.Location!);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rendered = page.Document.QuerySelector(".post-body")!;
        Assert.Empty(rendered.QuerySelectorAll("script, img, b"));
        Assert.Equal("#", rendered.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("gras", rendered.QuerySelector("strong")?.TextContent);
        Assert.Equal("<b>Titre</b>", page.Document.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_filters_by_kind_finds_words_without_accents_and_pages_by_twenty()
    {
        var (slug, id) = await factory.CommunityAsync();
        using var member = await factory.MemberOfAsync(slug, "Youssef");
        await member.FillAsync($"/communities/{slug}/posts/new", CommunitySteps.PostFields("Crèche à Jambes", "Une place en crèche ?"));
        await factory.QueryAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 25; i++)
            {
                var post = new Post { Id = Guid.CreateVersion7(), CommunityId = id, CreatedAt = now.AddMinutes(-i - 10) };
                new PostInput { Kind = PostKind.Tip, Title = $"Bon plan {i}", Body = "Un bon plan." }.CopyTo(post);
                db.Posts.Add(post);
            }

            return await db.SaveChangesAsync();
        });

        var questions = await member.GetAsync($"/communities/{slug}?kind=Question");
        var search = await member.GetAsync($"/communities/{slug}?q=CRECHE");
        var first = await member.GetAsync($"/communities/{slug}");
        var second = await member.GetAsync($"/communities/{slug}?p=2");
        var hostile = await member.GetAsync($"/communities/{slug}?kind=banana&p=-1");

        Assert.Single(questions.Document.QuerySelectorAll("main .cards > li"));
        Assert.Contains("Crèche à Jambes", search.Text, StringComparison.Ordinal);
        Assert.Single(search.Document.QuerySelectorAll("main .cards > li"));
        Assert.Equal(CommunityFeed.PageSize, first.Document.QuerySelectorAll("main .cards > li").Length);
        Assert.Equal(26 - CommunityFeed.PageSize, second.Document.QuerySelectorAll("main .cards > li").Length);
        Assert.Equal(HttpStatusCode.BadRequest, hostile.Status);
    }

    [Fact]
    public async Task A_post_stays_unsigned_when_its_author_deletes_their_account()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var author = factory.NewBrowser();
        var email = await author.SignedInMemberAsync(factory, displayName: "Partante");
        await author.JoinAsync(slug);
        var postUrl = (await author.FillAsync($"/communities/{slug}/posts/new", CommunitySteps.PostFields("Sortie au parc", "Qui vient ?"))).Location!;
        using var reader = await factory.MemberOfAsync(slug, "Lecteur");

        var deleted = await author.FillAsync("/account/data", new Dictionary<string, string> { ["Delete.Password"] = AccountSteps.Password, ["Delete.Confirm"] = "true" }, "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        var page = await reader.GetAsync(postUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(TextsFile.Fr("Post.FormerMember"), page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Partante", page.Text, StringComparison.Ordinal);
        Assert.Null((await PostAsync(postUrl)).AuthorId);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task The_feed_readers_share_shows_a_new_post_a_comment_and_a_moderators_decision_at_once()
    {
        var (slug, _) = await factory.CommunityAsync();
        using var author = await factory.MemberOfAsync(slug, "Camille");
        using var reader = await factory.MemberOfAsync(slug, "Youssef");
        using var admin = await factory.MemberOfAsync(slug, "Nath", CommunityRole.Admin);
        Assert.Empty(FeedTitles(await reader.GetAsync($"/communities/{slug}")));

        var postUrl = await author.PublishAsync(slug, "Troc samedi", "Qui vient ?");
        Assert.Equal(["Troc samedi"], FeedTitles(await reader.GetAsync($"/communities/{slug}")));

        var page = await admin.GetAsync(postUrl);
        await admin.SubmitAsync(page, new Dictionary<string, string> { ["CommentText"] = "Moi !" }, "form[action*='handler=Comment']");
        var feed = await reader.GetAsync($"/communities/{slug}");
        Assert.Contains(TextsFile.Fr("Post.CommentCount.One").Replace("{0}", "1", StringComparison.Ordinal), feed.Document.QuerySelector("main .cards")!.TextContent, StringComparison.Ordinal);

        var queue = await admin.GetAsync($"/communities/{slug}/moderation");
        var hidden = await admin.PostHandlerAsync(
            $"/communities/{slug}/moderation", "Content", queue.AntiforgeryToken,
            ("kind", "Post"), ("id", postUrl.Split('/')[^1]), ("act", "Hide"), ("Reason", "À vérifier"));
        Assert.Equal(HttpStatusCode.Redirect, hidden.Status);
        Assert.Empty(FeedTitles(await reader.GetAsync($"/communities/{slug}")));
        Assert.Equal(["Troc samedi"], FeedTitles(await author.GetAsync($"/communities/{slug}")));
    }

    private static List<string> FeedTitles(WebPage feed) =>
        feed.Document.QuerySelectorAll("main .cards h3 a").Select(a => a.TextContent).ToList();

    private Task<Post> PostAsync(string url)
    {
        var id = Guid.Parse(url.Split('/')[^1]);
        return factory.QueryAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Communities;
using Village.Web.Features.Ideas;

namespace Village.Tests.Features.Ideas;

/// <summary>The idea box: suggesting, one vote per member, the admins' status and answer; and what others may not do.</summary>
public sealed class IdeasTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task Members_vote_once_each_withdraw_and_the_list_sorts_by_votes_or_newest()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Youssef");
        using var camille = await factory.MemberOfAsync(slug, "Camille");
        using var sofia = await factory.MemberOfAsync(slug, "Sofia");
        var picnic = (await author.FillAsync($"/communities/{slug}/ideas", IdeaFields("Un pique-nique des familles", "Au parc, en juin."), "#new-idea")).Location!;
        var swap = (await author.FillAsync($"/communities/{slug}/ideas", IdeaFields("Une bourse aux vêtements", "Deux fois par an."), "#new-idea")).Location!;

        foreach (var voter in new[] { camille, sofia })
        {
            var page = await voter.GetAsync(picnic);
            Assert.Equal(HttpStatusCode.Redirect, (await voter.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Vote']")).Status);
            // The same vote twice (an old page, a double tap) still counts once.
            await voter.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Vote']");
        }

        Assert.Equal(2, (await IdeaAsync(picnic)).VoteCount);
        Assert.Equal(2, await factory.QueryAsync(db => db.IdeaVotes.CountAsync(v => db.Ideas.Any(i => i.Id == v.IdeaId && i.Title == "Un pique-nique des familles"))));
        var byVotes = await camille.GetAsync($"/communities/{slug}/ideas");
        var newest = await camille.GetAsync($"/communities/{slug}/ideas?sort=Newest");
        Assert.Equal(["Un pique-nique des familles", "Une bourse aux vêtements"], Titles(byVotes));
        Assert.Equal(["Une bourse aux vêtements", "Un pique-nique des familles"], Titles(newest));
        Assert.Equal(HttpStatusCode.BadRequest, (await camille.GetAsync($"/communities/{slug}/ideas?sort=banana")).Status);

        // Voting from the list, then withdrawing.
        var listed = await sofia.SubmitAsync(await sofia.GetAsync($"/communities/{slug}/ideas"), new Dictionary<string, string>(), $"#idea-{Id(swap)} form");
        Assert.Equal(HttpStatusCode.Redirect, listed.Status);
        Assert.Equal(1, (await IdeaAsync(swap)).VoteCount);
        var withdrawn = await camille.SubmitAsync(await camille.GetAsync(picnic), new Dictionary<string, string>(), "form[action*='handler=Vote']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal(1, (await IdeaAsync(picnic)).VoteCount);
        Assert.Contains(TextsFile.Fr("Idea.Vote"), (await camille.GetAsync(picnic)).Document.QuerySelector("form[action*='handler=Vote'] button")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_set_the_status_and_answer_and_only_the_author_edits()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Nath");
        using var member = await factory.MemberOfAsync(slug, "Thomas");
        using var admin = await factory.MemberOfAsync(slug, "Léa", CommunityRole.Admin);
        var url = (await author.FillAsync($"/communities/{slug}/ideas", IdeaFields("Atelier massage bébé", "Avec une puéricultrice."), "#new-idea")).Location!;

        var token = (await member.GetAsync(url)).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(url, "Answer", token, ("Reply.Status", "Done"), ("Reply.Answer", "Non."))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await author.PostHandlerAsync(url, "Answer", (await author.GetAsync(url)).AntiforgeryToken, ("Reply.Status", "Done"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(url, "Edit", token, ("Input.Title", "Volé"), ("Input.Body", "x"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(url, "Delete", token)).Status);
        Assert.Null((await member.GetAsync(url)).Document.QuerySelector("form[action*='handler=Answer']"));

        var wrong = await admin.SubmitAsync(await admin.GetAsync(url), new Dictionary<string, string> { ["Reply.Status"] = "9" }, "form[action*='handler=Answer']");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        var answered = await admin.SubmitAsync(
            await admin.GetAsync(url),
            new Dictionary<string, string> { ["Reply.Status"] = "Planned", ["Reply.Answer"] = "Prévu le 14 juin à la maison de quartier." },
            "form[action*='handler=Answer']");
        Assert.True(answered.Status == HttpStatusCode.Redirect, answered.ErrorSummary);
        var edited = await author.SubmitAsync(await author.GetAsync(url), new Dictionary<string, string> { ["Input.Title"] = "Atelier massage des bébés" }, "form[action*='handler=Edit']");
        Assert.True(edited.Status == HttpStatusCode.Redirect, edited.ErrorSummary);

        var idea = await IdeaAsync(url);
        Assert.Equal(IdeaStatus.Planned, idea.Status);
        Assert.Equal("Atelier massage des bébés", idea.Title);
        var shown = await member.GetAsync(url);
        Assert.Contains("Prévu le 14 juin à la maison de quartier.", shown.MainText(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Idea.Status.Planned"), shown.MainText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(await author.GetAsync(url), new Dictionary<string, string>(), "form[action*='handler=Delete']")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).Status);
    }

    [Fact]
    public async Task Non_members_cannot_read_suggest_nor_vote()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Aminata");
        var url = (await author.FillAsync($"/communities/{slug}/ideas", IdeaFields("Café des parents", "Le mardi matin."), "#new-idea")).Location!;
        using var outsider = await factory.OutsiderAsync();
        var token = (await outsider.GetAsync($"/communities/{slug}")).AntiforgeryToken;

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{slug}/ideas")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/communities/{slug}/ideas", [new(Browser.AntiforgeryField, token), new("Input.Title", "Spam"), new("Input.Body", "Spam")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostHandlerAsync(url, "Vote", token, ("vote", "true"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostHandlerAsync($"/communities/{slug}/ideas?id={Id(url)}", "Vote", token, ("vote", "true"))).Status);
        Assert.Equal(0, (await IdeaAsync(url)).VoteCount);
        Assert.Equal(1, await factory.QueryAsync(db => db.Ideas.CountAsync(i => db.Communities.Any(c => c.Id == i.CommunityId && c.Slug == slug))));
    }

    [Fact]
    public async Task Hostile_ideas_are_stored_and_shown_as_text_and_a_100_KB_one_is_refused_in_French()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var member = await factory.MemberOfAsync(slug, "Sofia");
        const string title = "<script>alert(1)</script> \u202Egnp.exe 👨‍👩‍👧";
        const string body = "'; DELETE FROM \"Ideas\"; -- <img src=x onerror=alert(2)>\nligne 2";

        var posted = await member.FillAsync($"/communities/{slug}/ideas", IdeaFields(title, body), "#new-idea");
        var tooLong = await member.FillAsync($"/communities/{slug}/ideas", IdeaFields("Trop long", new string('é', 100 * 1024)), "#new-idea");

        var page = await member.GetAsync(posted.Location!);
        Assert.Equal(title, page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(body, page.MainText(), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script, main img"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains(TextsFile.Fr("Validation.MaxLength", TextsFile.Fr("Idea.Body"), 4000), tooLong.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Trop long", tooLong.FieldValue("Input.Title"));
    }

    private static Dictionary<string, string> IdeaFields(string title, string body) => new() { ["Input.Title"] = title, ["Input.Body"] = body };

    private static string[] Titles(WebPage page) => page.Document.QuerySelectorAll("main .cards h2").Select(h => h.TextContent.Trim()).ToArray();

    private static Guid Id(string url) => Guid.Parse(url.Split('/')[^1]);

    private Task<Idea> IdeaAsync(string url) => factory.QueryAsync(db => db.Ideas.AsNoTracking().SingleAsync(i => i.Id == Id(url)));
}

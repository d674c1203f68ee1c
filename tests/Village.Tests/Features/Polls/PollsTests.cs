using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Communities;
using Village.Web.Features.Polls;

namespace Village.Tests.Features.Polls;

/// <summary>Polls: single and multiple choice, changing one's vote, results after voting or closing, closing by time
/// or early; and what others may not do.</summary>
public sealed class PollsTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_single_choice_poll_takes_one_vote_per_member_which_they_may_change()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Camille");
        using var voter = await factory.MemberOfAsync(slug, "Youssef");
        var url = await NewPollAsync(author, slug, "Quel jour pour la balade ?", ["Mardi", "Jeudi", "Samedi"]);

        var before = await voter.GetAsync(url);
        Assert.Null(before.Document.QuerySelector("#results"));
        Assert.Equal(3, before.Document.QuerySelectorAll("input[type=radio][name=choices]").Length);
        var both = await voter.PostHandlerAsync(url, "Vote", before.AntiforgeryToken, ("choices", Choice(before, "Mardi")), ("choices", Choice(before, "Jeudi")));
        Assert.Equal(HttpStatusCode.BadRequest, both.Status);
        Assert.Contains(TextsFile.Fr("Poll.OnlyOne"), both.ErrorSummary, StringComparison.Ordinal);
        var none = await voter.PostHandlerAsync(url, "Vote", before.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        var foreign = await voter.PostHandlerAsync(url, "Vote", before.AntiforgeryToken, ("choices", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await voter.PostHandlerAsync(url, "Vote", before.AntiforgeryToken, ("choices", Choice(before, "Mardi")))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await voter.PostHandlerAsync(url, "Vote", before.AntiforgeryToken, ("choices", Choice(before, "Mardi")))).Status);
        Assert.Equal(new[] { 1, 0, 0 }, await CountsAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await voter.PostHandlerAsync(url, "Vote", before.AntiforgeryToken, ("choices", Choice(before, "Samedi")))).Status);

        Assert.Equal(new[] { 0, 0, 1 }, await CountsAsync(url));
        Assert.Equal(1, (await PollAsync(url)).VoterCount);
        var after = await voter.GetAsync(url);
        Assert.NotNull(after.Document.QuerySelector("#results"));
        Assert.Equal(3, after.Document.QuerySelectorAll("#results progress").Length);
        Assert.Equal("Samedi", after.Document.QuerySelectorAll("input[name=choices]").Single(i => i.HasAttribute("checked")).ParentElement?.TextContent.Trim());
        // The author has not voted: the results wait.
        Assert.Null((await author.GetAsync(url)).Document.QuerySelector("#results"));
    }

    [Fact]
    public async Task A_multiple_choice_poll_counts_each_ticked_choice_and_each_voter_once()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Sofia");
        using var voter = await factory.MemberOfAsync(slug, "Nath");
        var url = await NewPollAsync(author, slug, "Quels ateliers ?", ["Massage bébé", "Premiers secours", "Portage"], multiple: true);

        var page = await voter.GetAsync(url);
        Assert.Equal(3, page.Document.QuerySelectorAll("input[type=checkbox][name=choices]").Length);
        await voter.PostHandlerAsync(url, "Vote", page.AntiforgeryToken, ("choices", Choice(page, "Massage bébé")), ("choices", Choice(page, "Portage")));
        Assert.Equal(new[] { 1, 0, 1 }, await CountsAsync(url));
        await voter.PostHandlerAsync(url, "Vote", page.AntiforgeryToken, ("choices", Choice(page, "Premiers secours")), ("choices", Choice(page, "Portage")));
        var mine = await author.GetAsync(url);
        await author.PostHandlerAsync(url, "Vote", mine.AntiforgeryToken, ("choices", Choice(mine, "Portage")));

        Assert.Equal(new[] { 0, 1, 2 }, await CountsAsync(url));
        Assert.Equal(2, (await PollAsync(url)).VoterCount);
        Assert.Equal(3, await factory.QueryAsync(db => db.PollVotes.CountAsync(v => v.PollId == PollId(url))));
    }

    [Fact]
    public async Task Voting_after_the_closing_day_is_refused_and_a_closed_poll_is_read_only_with_its_results()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Léa");
        using var voter = await factory.MemberOfAsync(slug, "Thomas");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var url = await NewPollAsync(author, slug, "Piscine samedi ?", ["Oui", "Non"], closesOn: today);
        var page = await voter.GetAsync(url);
        await voter.PostHandlerAsync(url, "Vote", page.AntiforgeryToken, ("choices", Choice(page, "Oui")));

        try
        {
            factory.Clock.Advance(TimeSpan.FromDays(1));
            var late = await voter.PostHandlerAsync(url, "Vote", page.AntiforgeryToken, ("choices", Choice(page, "Non")));
            Assert.Equal(HttpStatusCode.BadRequest, late.Status);
            Assert.Contains(TextsFile.Fr("Poll.AlreadyClosed"), late.ErrorSummary, StringComparison.Ordinal);
            Assert.Equal(new[] { 1, 0 }, await CountsAsync(url));

            var closed = await author.GetAsync(url);
            Assert.Null(closed.Document.QuerySelector("form[action*='handler=Vote']"));
            Assert.NotNull(closed.Document.QuerySelector("#results"));
            Assert.Contains(TextsFile.Fr("Poll.Closed"), closed.MainText(), StringComparison.Ordinal);
            var list = await author.GetAsync($"/communities/{slug}/polls");
            Assert.Contains("Piscine samedi ?", list.Document.QuerySelector("[aria-labelledby=closed-title]")?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_author_or_an_admin_closes_early_or_deletes_and_other_members_cannot()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Aminata");
        using var member = await factory.MemberOfAsync(slug, "Youssef");
        using var admin = await factory.MemberOfAsync(slug, "Camille", CommunityRole.Admin);
        var first = await NewPollAsync(author, slug, "Goûter au parc ?", ["Oui", "Non"]);
        var second = await NewPollAsync(author, slug, "Sortie au zoo ?", ["Oui", "Non"]);

        var open = await member.GetAsync(first);
        var token = open.AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(first, "Close", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(first, "Delete", token)).Status);
        Assert.False((await PollAsync(first)).IsClosed(factory.Clock.GetUtcNow().UtcDateTime));

        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(await author.GetAsync(first), new Dictionary<string, string>(), "form[action*='handler=Close']")).Status);
        Assert.True((await PollAsync(first)).IsClosed(factory.Clock.GetUtcNow().UtcDateTime));
        var late = await member.PostHandlerAsync(first, "Vote", token, ("choices", Choice(open, "Oui")));
        Assert.Equal(HttpStatusCode.BadRequest, late.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetAsync(second), new Dictionary<string, string>(), "form[action*='handler=Delete']")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(second)).Status);
    }

    [Fact]
    public async Task Non_members_cannot_read_create_nor_vote()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Nath");
        var url = await NewPollAsync(author, slug, "Bourse aux vêtements en mars ?", ["Oui", "Non"]);
        var choice = Choice(await author.GetAsync(url), "Oui");
        using var outsider = await factory.OutsiderAsync();
        using var visitor = factory.NewBrowser();
        var token = (await outsider.GetAsync($"/communities/{slug}")).AntiforgeryToken;

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{slug}/polls")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{slug}/polls/new")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostHandlerAsync(url, "Vote", token, ("choices", choice))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/communities/{slug}/polls/new", [new(Browser.AntiforgeryField, token), .. PollFields("Spam ?", ["a", "b"], false, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(2))])).Status);
        Assert.Equal(0, (await PollAsync(url)).VoterCount);
    }

    public static TheoryData<string, string, string> WrongPolls => new()
    {
        { "Input.Question", new string('é', 100 * 1024), "Validation.LengthBetween" },
        { "Input.Choices[1]", "", "Poll.ChoicesCount" },
        { "Input.Choices[1]", new string('x', 100 * 1024), "Poll.ChoiceTooLong" },
        { "Input.Choices[1]", " MARDI ", "Poll.ChoicesTwice" },
        { "Input.Choices[10]", "Un onzième", "Poll.ChoicesCount" },
        { "Input.ClosesOn", "2020-01-01", "Poll.ClosesOnRange" },
        { "Input.ClosesOn", "far", "Validation.Invalid" },
        { "Input.ClosesOn", "+4 months", "Poll.ClosesOnRange" },
    };

    [Theory]
    [MemberData(nameof(WrongPolls))]
    public async Task A_wrong_poll_is_refused_in_French_and_what_was_typed_comes_back(string field, string value, string messageKey)
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var member = await factory.MemberOfAsync(slug, "Sofia");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var fields = PollFields("Quel jour ?", ["Mardi", "Jeudi"], false, today.AddDays(3));
        fields[field] = value == "+4 months" ? today.AddMonths(4).AddDays(1).ToString("yyyy-MM-dd") : value;

        var page = await member.FillAsync($"/communities/{slug}/polls/new", fields);

        Assert.True(page.Status == HttpStatusCode.BadRequest, page.ToString());
        Assert.Contains(TextsFile.French[messageKey].Split('{')[0], page.ErrorSummary, StringComparison.Ordinal);
        if (field != "Input.Question")
        {
            Assert.Equal("Quel jour ?", page.FieldValue("Input.Question"));
        }
    }

    [Fact]
    public async Task Hostile_questions_and_choices_are_stored_and_shown_as_text()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var member = await factory.MemberOfAsync(slug, "Thomas");
        const string question = "<script>alert(1)</script> ?";
        string[] choices = ["<img src=x onerror=alert(2)>", "'; DROP TABLE \"Polls\"; --", "\u202Eevil\u202C 👶🏾 ‮"];

        var url = await NewPollAsync(member, slug, question, choices);
        var page = await member.GetAsync(url);
        await member.PostHandlerAsync(url, "Vote", page.AntiforgeryToken, ("choices", Choice(page, choices[0])));
        var results = await member.GetAsync(url);

        Assert.Equal(question, results.Document.QuerySelector("h1")?.TextContent);
        Assert.Empty(results.Document.QuerySelectorAll("main script, main img"));
        foreach (var choice in choices)
        {
            Assert.Contains(choice, results.Document.QuerySelector("#results")?.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(choices, await factory.QueryAsync(db => db.PollChoices.Where(c => c.PollId == PollId(url)).OrderBy(c => c.Position).Select(c => c.Text).ToArrayAsync()));
    }

    private async Task<string> NewPollAsync(Browser author, string slug, string question, string[] choices, bool multiple = false, DateOnly? closesOn = null)
    {
        var day = closesOn ?? DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(7);
        var created = await author.FillAsync($"/communities/{slug}/polls/new", PollFields(question, choices, multiple, day));
        Assert.True(created.Status == HttpStatusCode.Redirect, created.ToString() + created.ErrorSummary);
        return created.Location!;
    }

    private static Dictionary<string, string> PollFields(string question, string[] choices, bool multiple, DateOnly closesOn)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Question"] = question,
            ["Input.MultipleChoice"] = multiple ? "true" : "false",
            ["Input.ClosesOn"] = closesOn.ToString("yyyy-MM-dd"),
        };
        for (var i = 0; i < choices.Length; i++)
        {
            fields[$"Input.Choices[{i}]"] = choices[i];
        }

        return fields;
    }

    /// <summary>The id of the choice labelled with this text on the poll's page.</summary>
    private static string Choice(WebPage page, string text) =>
        page.Document.QuerySelectorAll("input[name=choices]").Single(i => i.ParentElement!.TextContent.Trim() == text).GetAttribute("value")!;

    private static Guid PollId(string url) => Guid.Parse(url.Split('/')[^1]);

    private Task<Poll> PollAsync(string url) => factory.QueryAsync(db => db.Polls.AsNoTracking().SingleAsync(p => p.Id == PollId(url)));

    private Task<int[]> CountsAsync(string url) =>
        factory.QueryAsync(db => db.PollChoices.Where(c => c.PollId == PollId(url)).OrderBy(c => c.Position).Select(c => c.VoteCount).ToArrayAsync());
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Communities;
using Village.Web.Features.Safety;

namespace Village.Tests.Features.CommunityAdmin;

/// <summary>Limits for new accounts and the pause before hurtful words, at posting time.</summary>
public sealed class PostingSafetyTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_new_accounts_fourth_post_in_a_day_waits_with_its_text_kept_until_an_admin_trusts_them()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (otherSlug, otherId) = await factory.CommunityAsync("Papas ensemble");
        var (admin, _) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var (newcomer, newcomerId) = await factory.InCommunityAsync(id, "Nouvelle", CommunityRole.Member);
        await factory.QueryAsync(db =>
        {
            db.CommunityMembers.Add(new CommunityMember { CommunityId = otherId, MemberId = newcomerId, JoinedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });

        // Three posts in 24 hours, in any of their communities, are fine.
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.FillAsync($"/communities/{slug}/posts/new", PostFields("Bonjour à tous", "Je viens d'arriver."))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.FillAsync($"/communities/{otherSlug}/posts/new", PostFields("Bonjour les papas", "Moi aussi."))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.FillAsync($"/communities/{slug}/posts/new", PostFields("Une crèche ?", "Des idées ?"))).Status);

        var fourth = await newcomer.FillAsync($"/communities/{slug}/posts/new", PostFields("Encore une question", "Mon texte que je ne veux pas perdre."));

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        Assert.Contains(TextsFile.French["Limits.NewAccount"].Split('{')[0], fourth.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Mon texte que je ne veux pas perdre.", fourth.FieldValue("Input.Body"));
        Assert.Equal("Encore une question", fourth.FieldValue("Input.Title"));
        Assert.Equal(3, await factory.QueryAsync(db => db.Posts.CountAsync(p => p.AuthorId == newcomerId)));

        // Comments are not limited.
        var postUrl = $"/communities/{slug}/posts/{await factory.QueryAsync(db => db.Posts.Where(p => p.AuthorId == newcomerId).Select(p => p.Id).FirstAsync())}";
        var commented = await newcomer.SubmitAsync(await newcomer.GetAsync(postUrl), new Dictionary<string, string> { ["CommentText"] = "Merci !" }, "form[action*='handler=Comment']");
        Assert.Equal(HttpStatusCode.Redirect, commented.Status);

        // An admin who knows them marks them trusted in the roster.
        var roster = await admin.GetAsync($"/communities/{slug}/admin/members");
        var trusted = await admin.SubmitAsync(roster, new Dictionary<string, string>(), $"form[action*='handler=Trust']:has(input[value='{newcomerId}'])");
        Assert.Equal(HttpStatusCode.Redirect, trusted.Status);
        Assert.True((await factory.MembershipAsync(id, newcomerId)).Trusted);
        var afterTrust = await newcomer.SubmitAsync(fourth, new Dictionary<string, string>());
        Assert.True(afterTrust.Status == HttpStatusCode.Redirect, afterTrust.ToString());
        admin.Dispose();
        newcomer.Dispose();
    }

    [Fact]
    public async Task An_account_older_than_two_weeks_is_not_limited()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (parent, parentId) = await factory.InCommunityAsync(id, "Ancienne", CommunityRole.Member);
        var limits = new LimitsOptions();
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == parentId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-limits.NewAccountDays - 1))));

        for (var i = 0; i <= limits.NewAccountPostsPerDay; i++)
        {
            var posted = await parent.FillAsync($"/communities/{slug}/posts/new", PostFields($"Bon plan {i}", "Un bon plan."));
            Assert.True(posted.Status == HttpStatusCode.Redirect, posted.ToString());
        }

        parent.Dispose();
    }

    [Fact]
    public async Task Hurtful_words_pause_a_post_for_a_second_look_and_publish_anyway_publishes()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (author, authorId) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Member);
        var fields = PostFields("Le voisin", "Quel CONNARD, il a encore bloqué la poussette.");

        var paused = await author.FillAsync($"/communities/{slug}/posts/new", fields);

        Assert.True(paused.Status == HttpStatusCode.OK, paused.ToString() + paused.Location);
        Assert.Contains(TextsFile.Fr("Hurtful.Title"), paused.Document.QuerySelector("#hurtful-prompt")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Quel CONNARD, il a encore bloqué la poussette.", paused.FieldValue("Input.Body"));
        Assert.NotNull(paused.Document.QuerySelector($"button[name='{HurtfulWords.ConfirmField}']"));
        Assert.False(await factory.QueryAsync(db => db.Posts.AnyAsync(p => p.AuthorId == authorId)));

        var resentUnchanged = await author.SubmitAsync(paused, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, resentUnchanged.Status);
        var published = await author.SubmitAsync(paused, new Dictionary<string, string> { [HurtfulWords.ConfirmField] = "true" });
        Assert.True(published.Status == HttpStatusCode.Redirect, published.ToString());
        Assert.True(await factory.QueryAsync(db => db.Posts.AnyAsync(p => p.AuthorId == authorId)));

        // Editing pauses the same way; rewritten, it goes straight through.
        var edit = await author.FillAsync(published.Location + "/edit", new Dictionary<string, string> { ["Input.Title"] = "Espèce d'idiot" });
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.NotNull(edit.Document.QuerySelector("#hurtful-prompt"));
        var rewritten = await author.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Title"] = "Le voisin distrait", ["Input.Body"] = "Il a encore bloqué la poussette." });
        Assert.Equal(HttpStatusCode.Redirect, rewritten.Status);
        author.Dispose();
    }

    [Fact]
    public async Task Hurtful_words_pause_a_comment_but_words_that_merely_contain_them_and_parents_tiredness_do_not()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (author, _) = await factory.InCommunityAsync(id, "Nath", CommunityRole.Member);
        var calm = await author.FillAsync($"/communities/{slug}/posts/new", PostFields("Un conseil ?", "Je suis crevée, je me sens une mauvaise mère, c'est peut-être une question idiote."));
        Assert.True(calm.Status == HttpStatusCode.Redirect, calm.ToString());
        var post = await author.GetAsync(calm.Location!);

        var paused = await author.SubmitAsync(post, new Dictionary<string, string> { ["CommentText"] = "Ta gueule." }, "form[action*='handler=Comment']");
        Assert.Equal(HttpStatusCode.OK, paused.Status);
        Assert.NotNull(paused.Document.QuerySelector("#comment-form #hurtful-prompt"));
        Assert.Equal("Ta gueule.", paused.Document.QuerySelector("textarea[name='CommentText']")?.TextContent);
        var postId = Guid.Parse(calm.Location!.Split('/')[^1]);
        Assert.Equal(0, await factory.QueryAsync(db => db.Comments.CountAsync(c => c.PostId == postId)));

        var anyway = await author.SubmitAsync(paused, new Dictionary<string, string> { [HurtfulWords.ConfirmField] = "true" }, "form[action*='handler=Comment']");
        Assert.Equal(HttpStatusCode.Redirect, anyway.Status);
        Assert.Equal(1, await factory.QueryAsync(db => db.Comments.CountAsync(c => c.PostId == postId)));
        author.Dispose();
    }

    [Theory]
    [InlineData("Quel connard", true)]
    [InlineData("ENCULÉ !", true)]
    [InlineData("espèce d'idiote", true)]
    [InlineData("shut up", true)]
    [InlineData("un bon conseil de consultation", false)]
    [InlineData("une pute-", true)]
    [InlineData("computer", false)]
    [InlineData("", false)]
    public void Words_match_whole_after_normalising(string text, bool matches) =>
        Assert.Equal(matches, new HurtfulWords().Matches(text));

    private static Dictionary<string, string> PostFields(string title, string body) => new()
    {
        ["Input.Kind"] = "Question",
        ["Input.ItemMode"] = "",
        ["Input.Title"] = title,
        ["Input.Body"] = body,
    };
}

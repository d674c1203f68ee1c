using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Features.Moderation;

namespace Village.Tests.Features.Moderation;

/// <summary>Reports, the two queues, hiding and removing, mutes and bans, the log; and who may not.</summary>
public sealed class ModerationTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_report_reaches_its_community_admins_only_and_moderators_see_every_report()
    {
        var here = (await factory.CommunityAsync()).Slug;
        var elsewhere = (await factory.CommunityAsync()).Slug;
        var (admin, adminEmail) = await factory.MemberWithEmailAsync(here, "Camille", CommunityRole.Admin);
        var (otherAdmin, _) = await factory.MemberWithEmailAsync(elsewhere, "Léa", CommunityRole.Admin);
        var (author, _) = await factory.MemberWithEmailAsync(here, "Auteur");
        var (reporter, _) = await factory.MemberWithEmailAsync(here, "Youssef");
        var postUrl = await author.PublishAsync(here, "Vends poussette", "Contactez-moi sur mon site de paris en ligne.");
        var authorId = await PostAuthorAsync(postUrl);
        using var moderator = await factory.StaffAsync(Roles.Moderator);

        var sent = await reporter.FillAsync($"/report/post/{PostId(postUrl)}", new Dictionary<string, string> { ["Reason"] = "Spam", ["Details"] = "De la publicité." });
        var memberReport = await reporter.FillAsync($"/report/member/{authorId}", new Dictionary<string, string> { ["Reason"] = "Unkind" });

        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        Assert.Equal(postUrl, sent.Location);
        Assert.Contains(TextsFile.Fr("Report.Thanks"), (await reporter.GetAsync(postUrl)).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, memberReport.Status);
        var queue = await admin.GetAsync($"/communities/{here}/moderation");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("Vends poussette", queue.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("De la publicité.", queue.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Youssef", queue.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Single(queue.Document.QuerySelectorAll("li.report"));
        Assert.NotNull(queue.Document.QuerySelector($"nav a[href='/communities/{here}/moderation'][aria-current='page']"));
        Assert.Contains(await factory.EmailsToAsync(adminEmail), e => e.Subject == TextsFile.Fr("Email.NewReport.Subject"));

        Assert.DoesNotContain("Vends poussette", (await otherAdmin.GetAsync($"/communities/{elsewhere}/moderation")).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/communities/{here}/moderation")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/communities/{here}/moderation")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/communities/{here}/moderation/log")).Status);
        Assert.Null((await reporter.GetAsync($"/communities/{here}")).Document.QuerySelector($"a[href='/communities/{here}/moderation']"));
        var refused = await reporter.GetAsync("/moderation/reports");
        Assert.True(refused.Status is HttpStatusCode.Forbidden || refused.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, refused.ToString());
        Assert.NotEqual(HttpStatusCode.OK, (await reporter.GetAsync("/moderation/log")).Status);

        var all = await moderator.GetAsync("/moderation/reports");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Contains("Vends poussette", all.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(all.Document.QuerySelectorAll("li.report"), li => li.TextContent.Contains(TextsFile.Fr("Report.Target.Member"), StringComparison.Ordinal));
        Assert.NotNull((await moderator.GetAsync("/")).Document.QuerySelector("a[href='/moderation/reports']"));

        var again = await reporter.FillAsync($"/report/post/{PostId(postUrl)}", new Dictionary<string, string> { ["Reason"] = "Spam" });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(1, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.TargetId == PostId(postUrl))));
    }

    [Fact]
    public async Task Hidden_and_removed_content_leaves_others_while_its_author_sees_why_and_the_log_keeps_each_step()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var (admin, _) = await factory.MemberWithEmailAsync(slug, "Camille", CommunityRole.Admin);
        var (author, authorEmail) = await factory.MemberWithEmailAsync(slug, "Auteur");
        var (reader, _) = await factory.MemberWithEmailAsync(slug, "Rapporteuse");
        var postUrl = await author.PublishAsync(slug, "Un titre qui fâche", "Des mots durs.");
        await reader.FillAsync($"/report/post/{PostId(postUrl)}", new Dictionary<string, string> { ["Reason"] = "Unkind" });

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, slug, "Content", new() { ["kind"] = "Post", ["id"] = PostId(postUrl).ToString(), ["act"] = "Hide", ["Reason"] = "À vérifier" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(postUrl)).Status);
        Assert.DoesNotContain("Un titre qui fâche", (await reader.GetAsync($"/communities/{slug}")).Document.Body!.TextContent, StringComparison.Ordinal);
        var ownFeed = await author.GetAsync($"/communities/{slug}");
        Assert.Contains("Un titre qui fâche", ownFeed.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Moderation.State.Hidden"), ownFeed.Document.QuerySelector("main .cards")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(postUrl)).Status);
        Assert.Empty((await admin.GetAsync($"/communities/{slug}/moderation")).Document.QuerySelectorAll("li.report"));

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, slug, "Content", new() { ["kind"] = "Post", ["id"] = PostId(postUrl).ToString(), ["act"] = "Remove", ["Reason"] = "Propos blessants" })).Status);
        var own = await author.GetAsync(postUrl);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains(TextsFile.Fr("Moderation.Notice.Removed").Replace("{0}", "Propos blessants", StringComparison.Ordinal), own.Document.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(postUrl)).Status);
        var email = Assert.Single(await factory.EmailsToAsync(authorEmail), e => e.Subject == TextsFile.Fr("Email.ContentRemoved.Subject"));
        Assert.Contains("Propos blessants", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Rapporteuse", email.TextBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, slug, "Content", new() { ["kind"] = "Post", ["id"] = PostId(postUrl).ToString(), ["act"] = "Restore", ["Reason"] = "Après discussion" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(postUrl)).Status);

        var log = await admin.GetAsync($"/communities/{slug}/moderation/log");
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Equal(3, log.Document.QuerySelectorAll("li.log-line").Length);
        foreach (var (action, reason) in new[] { ("Hide", "À vérifier"), ("Remove", "Propos blessants"), ("Restore", "Après discussion") })
        {
            Assert.Contains(TextsFile.Fr($"Moderation.Action.{action}"), log.Document.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(reason, log.Document.Body!.TextContent, StringComparison.Ordinal);
        }

        var entries = await factory.QueryAsync(db => db.ModerationLog.AsNoTracking().Where(e => e.TargetId == PostId(postUrl)).ToListAsync());
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.NotNull(e.ActorId));
    }

    [Fact]
    public async Task A_hidden_comment_leaves_the_others_and_an_admin_cannot_act_on_another_community()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var elsewhere = (await factory.CommunityAsync()).Slug;
        var (admin, _) = await factory.MemberWithEmailAsync(slug, "Camille", CommunityRole.Admin);
        var (otherAdmin, _) = await factory.MemberWithEmailAsync(elsewhere, "Léa", CommunityRole.Admin);
        var (author, _) = await factory.MemberWithEmailAsync(slug, "Auteur");
        var (commenter, _) = await factory.MemberWithEmailAsync(slug, "Commentatrice");
        var postUrl = await author.PublishAsync(slug, "Sortie au parc", "Qui vient ?");
        await CommentAsync(commenter, postUrl, "Un commentaire déplacé");
        var commentId = await factory.QueryAsync(db => db.Comments.Where(c => c.PostId == PostId(postUrl)).Select(c => c.Id).SingleAsync());

        var foreign = await ActAsync(otherAdmin, elsewhere, "Content", new() { ["kind"] = "Comment", ["id"] = commentId.ToString(), ["act"] = "Hide", ["Reason"] = "Pas chez moi" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Contains("Un commentaire déplacé", (await author.GetAsync(postUrl)).Document.Body!.TextContent, StringComparison.Ordinal);

        await ActAsync(admin, slug, "Content", new() { ["kind"] = "Comment", ["id"] = commentId.ToString(), ["act"] = "Hide", ["Reason"] = "Hors sujet" });
        Assert.DoesNotContain("Un commentaire déplacé", (await author.GetAsync(postUrl)).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Un commentaire déplacé", (await commenter.GetAsync(postUrl)).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Un commentaire déplacé", (await admin.GetAsync(postUrl)).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_banned_member_cannot_read_post_comment_or_rejoin_until_the_ban_ends()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var (admin, _) = await factory.MemberWithEmailAsync(slug, "Camille", CommunityRole.Admin);
        var (banned, bannedEmail) = await factory.MemberWithEmailAsync(slug, "Exclue");
        var (author, _) = await factory.MemberWithEmailAsync(slug, "Auteur");
        var postUrl = await author.PublishAsync(slug, "Troc de vêtements", "Samedi au parc.");
        var commentToken = (await banned.GetAsync(postUrl)).AntiforgeryToken;

        var ban = await ActAsync(admin, slug, "Sanction", new()
        {
            ["member"] = (await MemberIdAsync(bannedEmail)).ToString(),
            ["community"] = (await CommunityIdAsync(slug)).ToString(),
            ["sanction"] = "Ban",
            ["days"] = "1",
            ["Reason"] = "Insultes répétées",
        });
        Assert.True(ban.Status == HttpStatusCode.Redirect, ban.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await banned.GetAsync(postUrl)).Status);
        var community = await banned.GetAsync($"/communities/{slug}");
        Assert.Contains("Insultes répétées", community.Document.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Troc de vêtements", community.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await banned.GetAsync($"/communities/{slug}/posts/new")).Status);
        var comment = await banned.PostAsync(postUrl + "?handler=Comment", [new(Browser.AntiforgeryField, commentToken), new("CommentText", "Je suis encore là")]);
        Assert.Equal(HttpStatusCode.NotFound, comment.Status);
        var posted = await banned.PostAsync($"/communities/{slug}/posts/new", [new(Browser.AntiforgeryField, commentToken), new("Input.Kind", "Tip"), new("Input.Title", "Interdit"), new("Input.Body", "x")]);
        Assert.False(posted.Location?.Contains("/posts/", StringComparison.Ordinal) == true, posted.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await banned.PostAsync($"/communities/{slug}?handler=Leave", [new(Browser.AntiforgeryField, community.AntiforgeryToken)])).Status);
        var rejoin = await banned.PostAsync($"/communities/{slug}?handler=Join", [new(Browser.AntiforgeryField, community.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.Redirect, rejoin.Status);
        Assert.False(await factory.QueryAsync(db => db.CommunityMembers.AnyAsync(m => db.Communities.Any(c => c.Id == m.CommunityId && c.Slug == slug) && db.Users.Any(u => u.Id == m.MemberId && u.Email == bannedEmail))));
        Assert.Equal(0, await factory.QueryAsync(db => db.Comments.CountAsync(c => c.Body == "Je suis encore là")));
        Assert.Equal(0, await factory.QueryAsync(db => db.Posts.CountAsync(p => p.Title == "Interdit")));

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var back = await banned.GetAsync($"/communities/{slug}");
        Assert.Null(back.Document.QuerySelector(".notice"));
        var joined = await banned.SubmitAsync(back, new Dictionary<string, string>(), "form[action*='handler=Join']");
        Assert.Equal(HttpStatusCode.Redirect, joined.Status);
        Assert.Equal(HttpStatusCode.OK, (await banned.GetAsync(postUrl)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(banned, postUrl, "Pardon pour l'autre jour")).Status);
        Assert.Contains(TextsFile.Fr("Moderation.Action.Ban"), (await admin.GetAsync($"/communities/{slug}/moderation/log")).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ban_made_on_another_instance_stops_writing_at_once_and_reading_once_the_kept_standing_expires()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var (banned, bannedEmail) = await factory.MemberWithEmailAsync(slug, "Exclue");
        var (author, _) = await factory.MemberWithEmailAsync(slug, "Auteur");
        var postUrl = await author.PublishAsync(slug, "Troc de vêtements", "Samedi au parc.");
        var commentToken = (await banned.GetAsync(postUrl)).AntiforgeryToken;
        var bannedId = await MemberIdAsync(bannedEmail);
        var communityId = await CommunityIdAsync(slug);

        // Another instance bans her: this one still keeps her standing for reading, not for writing.
        await factory.QueryAsync(db =>
        {
            db.CommunitySanctions.Add(new CommunitySanction
            {
                Id = Guid.CreateVersion7(),
                CommunityId = communityId,
                MemberId = bannedId,
                Kind = SanctionKind.Ban,
                Reason = "Insultes",
                StartsAt = factory.Clock.GetUtcNow().UtcDateTime,
                ById = bannedId,
            });
            return db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.OK, (await banned.GetAsync(postUrl)).Status);
        var comment = await banned.PostAsync(postUrl + "?handler=Comment", [new(Browser.AntiforgeryField, commentToken), new("CommentText", "Encore là")]);
        Assert.Equal(HttpStatusCode.NotFound, comment.Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.Comments.CountAsync(c => c.Body == "Encore là")));

        factory.ExpireKeptCopies();
        Assert.Equal(HttpStatusCode.NotFound, (await banned.GetAsync(postUrl)).Status);
    }

    [Fact]
    public async Task A_muted_member_reads_but_cannot_post_comment_or_thank_until_lifted()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var (admin, _) = await factory.MemberWithEmailAsync(slug, "Camille", CommunityRole.Admin);
        var (muted, mutedEmail) = await factory.MemberWithEmailAsync(slug, "Sourdine");
        var (author, _) = await factory.MemberWithEmailAsync(slug, "Auteur");
        var postUrl = await author.PublishAsync(slug, "Bébé-nageurs", "Qui connaît ?");
        await ActAsync(admin, slug, "Sanction", new()
        {
            ["member"] = (await MemberIdAsync(mutedEmail)).ToString(),
            ["community"] = (await CommunityIdAsync(slug)).ToString(),
            ["sanction"] = "Mute",
            ["days"] = "7",
            ["Reason"] = "Trop de messages",
        });

        var page = await muted.GetAsync(postUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Comment']"));
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Thanks']"));
        Assert.Contains(TextsFile.Fr("Sanction.CannotWrite"), page.Document.Body!.TextContent, StringComparison.Ordinal);
        var comment = await muted.PostAsync(postUrl + "?handler=Comment", [new(Browser.AntiforgeryField, page.AntiforgeryToken), new("CommentText", "Moi !")]);
        var thanks = await muted.PostAsync(postUrl + "?handler=Thanks", [new(Browser.AntiforgeryField, page.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.Forbidden, comment.Status);
        Assert.Equal(HttpStatusCode.Forbidden, thanks.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await muted.GetAsync($"/communities/{slug}/posts/new")).Status);
        Assert.Contains("Trop de messages", (await muted.GetAsync($"/communities/{slug}")).Document.QuerySelector(".notice")?.TextContent, StringComparison.Ordinal);

        var sanctionId = await factory.QueryAsync(db => db.CommunitySanctions.Where(s => s.Reason == "Trop de messages").Select(s => s.Id).SingleAsync());
        await ActAsync(admin, slug, "Lift", new() { ["sanctionId"] = sanctionId.ToString(), ["Reason"] = "On s'est parlé" });
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(muted, postUrl, "Moi !")).Status);
        var log = await admin.GetAsync($"/communities/{slug}/moderation/log");
        Assert.Contains(TextsFile.Fr("Moderation.Action.Mute"), log.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Moderation.Action.Lift"), log.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_parent_no_longer_sees_nor_reaches_the_blocker_and_the_blocker_no_longer_sees_them()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var (blocker, blockerEmail) = await factory.MemberWithEmailAsync(slug, "Bloqueuse");
        var (blocked, blockedEmail) = await factory.MemberWithEmailAsync(slug, "Importun");
        var (third, _) = await factory.MemberWithEmailAsync(slug, "Tierce");
        var blockerPost = await blocker.PublishAsync(slug, "Poste de la bloqueuse", "Texte A.");
        var blockedPost = await blocked.PublishAsync(slug, "Poste de l'importun", "Texte B.");
        var thirdPost = await third.PublishAsync(slug, "Poste de la tierce", "Texte C.");
        await CommentAsync(blocked, thirdPost, "Commentaire de l'importun");
        var blockerId = await MemberIdAsync(blockerEmail);
        var blockedId = await MemberIdAsync(blockedEmail);
        await factory.QueryAsync(db => db.Profiles.Where(p => p.MemberId == blockerId || p.MemberId == blockedId).ExecuteUpdateAsync(s => s.SetProperty(p => p.VisibleNearby, true)));
        var tokenBefore = (await blocked.GetAsync(blockerPost)).AntiforgeryToken;

        var profile = await blocker.GetAsync($"/parents/{blockedId}");
        var done = await blocker.SubmitAsync(profile, new Dictionary<string, string>(), "form[action*='handler=Block']");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        Assert.Equal(HttpStatusCode.NotFound, (await blocked.GetAsync(blockerPost)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await blocked.GetAsync($"/parents/{blockerId}")).Status);
        var blockedFeed = await blocked.GetAsync($"/communities/{slug}");
        Assert.DoesNotContain("Poste de la bloqueuse", blockedFeed.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Poste de la tierce", blockedFeed.Document.Body!.TextContent, StringComparison.Ordinal);
        var comment = await blocked.PostAsync(blockerPost + "?handler=Comment", [new(Browser.AntiforgeryField, tokenBefore), new("CommentText", "Réponds-moi")]);
        var thanks = await blocked.PostAsync(blockerPost + "?handler=Thanks", [new(Browser.AntiforgeryField, tokenBefore)]);
        Assert.Equal(HttpStatusCode.NotFound, comment.Status);
        Assert.Equal(HttpStatusCode.NotFound, thanks.Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.Comments.CountAsync(c => c.Body == "Réponds-moi")));

        var blockerFeed = await blocker.GetAsync($"/communities/{slug}");
        Assert.DoesNotContain("Poste de l'importun", blockerFeed.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await blocker.GetAsync(blockedPost)).Status);
        Assert.DoesNotContain("Commentaire de l'importun", (await blocker.GetAsync(thirdPost)).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Commentaire de l'importun", (await third.GetAsync(thirdPost)).Document.Body!.TextContent, StringComparison.Ordinal);

        var list = await blocker.GetAsync("/blocks");
        Assert.Contains("Importun", list.Document.Body!.TextContent, StringComparison.Ordinal);
        var unblocked = await blocker.SubmitAsync(list, new Dictionary<string, string>(), "form[action*='handler=Unblock']");
        Assert.Equal(HttpStatusCode.Redirect, unblocked.Status);
        Assert.Equal(HttpStatusCode.OK, (await blocked.GetAsync(blockerPost)).Status);
        Assert.Contains("Poste de l'importun", (await blocker.GetAsync($"/communities/{slug}")).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_report_text_is_shown_as_text_in_the_queue()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var (admin, _) = await factory.MemberWithEmailAsync(slug, "Camille", CommunityRole.Admin);
        var (author, _) = await factory.MemberWithEmailAsync(slug, "Auteur");
        var (reporter, _) = await factory.MemberWithEmailAsync(slug, "Rapporteur");
        var postUrl = await author.PublishAsync(slug, "Un conseil", "Dormez quand bébé dort.");
        const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>'; DROP TABLE Reports; -- \u202Egnp.exe";

        await reporter.FillAsync($"/report/post/{PostId(postUrl)}", new Dictionary<string, string> { ["Reason"] = "Other", ["Details"] = Hostile });
        var queue = await admin.GetAsync($"/communities/{slug}/moderation");

        var report = queue.Document.QuerySelector("li.report")!;
        Assert.Empty(report.QuerySelectorAll("script, img"));
        Assert.Contains(Hostile, report.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", queue.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_reports_and_actions_are_refused_in_French_and_reports_are_limited_per_day()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        var (admin, _) = await factory.MemberWithEmailAsync(slug, "Camille", CommunityRole.Admin);
        var (author, authorEmail) = await factory.MemberWithEmailAsync(slug, "Auteur");
        var (reporter, _) = await factory.MemberWithEmailAsync(slug, "Rapporteur");
        var postUrl = await author.PublishAsync(slug, "Un conseil", "Dormez quand bébé dort.");
        var reportUrl = $"/report/post/{PostId(postUrl)}";

        var noReason = await reporter.FillAsync(reportUrl, new Dictionary<string, string> { ["Details"] = "Je garde ce texte" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains(TextsFile.Fr("Validation.Required").Split('{')[0], noReason.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Je garde ce texte", noReason.FieldValue("Details"));
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.FillAsync(reportUrl, new Dictionary<string, string> { ["Reason"] = "banana" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.FillAsync(reportUrl, new Dictionary<string, string> { ["Reason"] = "42" })).Status);
        var huge = await reporter.FillAsync(reportUrl, new Dictionary<string, string> { ["Reason"] = "Spam", ["Details"] = new string('é', 100 * 1024) });
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        Assert.Contains(TextsFile.Fr("Validation.MaxLength").Split('{')[0], huge.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(reportUrl)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/report/post/{Guid.NewGuid()}")).Status);

        var noActionReason = await ActAsync(admin, slug, "Content", new() { ["kind"] = "Post", ["id"] = PostId(postUrl).ToString(), ["act"] = "Hide", ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noActionReason.Status);
        Assert.Contains(TextsFile.Fr("Validation.Required").Split('{')[0], noActionReason.ErrorSummary, StringComparison.Ordinal);
        var badDuration = await ActAsync(admin, slug, "Sanction", new()
        {
            ["member"] = (await MemberIdAsync(authorEmail)).ToString(),
            ["community"] = (await CommunityIdAsync(slug)).ToString(),
            ["sanction"] = "Ban",
            ["days"] = "3",
            ["Reason"] = "Test",
        });
        Assert.Equal(HttpStatusCode.BadRequest, badDuration.Status);
        Assert.Contains(TextsFile.Fr("Sanction.InvalidDuration"), badDuration.ErrorSummary, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.CommunitySanctions.AnyAsync(s => s.Reason == "Test")));
        Assert.False(await factory.QueryAsync(db => db.ModerationLog.AnyAsync(e => e.TargetId == PostId(postUrl))));

        // More posts than a new account may publish in a day: the author is trusted.
        var authorId = await MemberIdAsync(authorEmail);
        await factory.QueryAsync(db => db.CommunityMembers.Where(m => m.MemberId == authorId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Trusted, true)));
        var posts = new List<string>();
        for (var i = 0; i <= ReportModel.DailyLimit; i++)
        {
            posts.Add(await author.PublishAsync(slug, $"Publication {i}", "Texte."));
        }

        for (var i = 0; i < ReportModel.DailyLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await reporter.FillAsync($"/report/post/{PostId(posts[i])}", new Dictionary<string, string> { ["Reason"] = "Spam" })).Status);
        }

        var tooMany = await reporter.FillAsync($"/report/post/{PostId(posts[^1])}", new Dictionary<string, string> { ["Reason"] = "Spam" });
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.Status);
        Assert.Contains(TextsFile.Fr("Report.TooMany").Split('{')[0], tooMany.ErrorSummary, StringComparison.Ordinal);
    }

    private Task<WebPage> ActAsync(Browser browser, string slug, string handler, Dictionary<string, string> fields) =>
        ActOnAsync(browser, $"/communities/{slug}/moderation", handler, fields);

    private static async Task<WebPage> ActOnAsync(Browser browser, string queue, string handler, Dictionary<string, string> fields)
    {
        var page = await browser.GetAsync(queue);
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        return await browser.PostAsync($"{queue}?handler={handler}", [new(Browser.AntiforgeryField, page.AntiforgeryToken), .. fields]);
    }

    private static Guid PostId(string url) => Guid.Parse(url.Split('/')[^1]);

    private Task<Guid?> PostAuthorAsync(string url) =>
        factory.QueryAsync(db => db.Posts.Where(p => p.Id == PostId(url)).Select(p => p.AuthorId).SingleAsync());

    private Task<Guid> MemberIdAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> CommunityIdAsync(string slug) =>
        factory.QueryAsync(db => db.Communities.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    private static async Task<WebPage> CommentAsync(Browser browser, string postUrl, string text)
    {
        var page = await browser.GetAsync(postUrl);
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        return await browser.SubmitAsync(page, new Dictionary<string, string> { ["CommentText"] = text }, "form[action*='handler=Comment']");
    }
}

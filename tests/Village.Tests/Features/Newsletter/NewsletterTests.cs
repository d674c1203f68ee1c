using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Communities;
using Village.Web.Features.Newsletter;
using Village.Web.Infrastructure.Email;

namespace Village.Tests.Features.Newsletter;

/// <summary>A community's newsletter: what an issue says, who receives it, the one-click unsubscribe, and what
/// members who are not admins may not do.</summary>
public sealed partial class NewsletterTests(NewsletterFactory factory) : IClassFixture<NewsletterFactory>
{
    [Fact]
    public async Task An_issue_lists_this_communitys_posts_since_the_last_issue_and_is_skipped_when_nothing_is_new()
    {
        var here = await CommunityAsync();
        var elsewhere = await CommunityAsync();
        var (reader, readerEmail) = await MemberOfAsync(here, "Camille");
        var (author, _) = await MemberOfAsync(here, "Youssef");
        var (stranger, _) = await MemberOfAsync(elsewhere, "Léa");
        using (reader)
        using (author)
        using (stranger)
        {
            await PostAsync(author, here, "Poussette à prêter", "Une **poussette** canne, libre tout le mois.", "Item", "Lend");
            await PostAsync(stranger, elsewhere, "Secret d'ailleurs", "Rien à voir.");
            await RunSenderAsync();

            var first = Assert.Single(await NewslettersToAsync(readerEmail, here));
            Assert.Contains("Poussette à prêter", first.TextBody, StringComparison.Ordinal);
            Assert.Contains(TextsFile.Fr("Post.ItemMode.Lend"), first.TextBody, StringComparison.Ordinal);
            Assert.Contains("Une poussette canne, libre tout le mois.", first.TextBody, StringComparison.Ordinal);
            Assert.Contains($"http://localhost/communities/{here.Slug}/posts/", first.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret d'ailleurs", first.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret d'ailleurs", first.HtmlBody, StringComparison.Ordinal);

            factory.Calendar.Now = factory.Calendar.Now.AddDays(7);
            await PostAsync(author, here, "Atelier portage jeudi", "À la maison de quartier.");
            await RunSenderAsync();

            var second = (await NewslettersToAsync(readerEmail, here))[^1];
            Assert.Contains("Atelier portage jeudi", second.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Poussette à prêter", second.TextBody, StringComparison.Ordinal);

            factory.Calendar.Now = factory.Calendar.Now.AddDays(7);
            await RunSenderAsync();

            Assert.Equal(2, (await NewslettersToAsync(readerEmail, here)).Count);
            var issues = await factory.QueryAsync(db => db.NewsletterIssues.AsNoTracking().Where(i => i.CommunityId == here.Id).OrderBy(i => i.Period).ToListAsync());
            Assert.Equal([false, false, true], issues.Select(i => i.Skipped));
            Assert.Equal(0, issues[^1].RecipientCount);
        }
    }

    [Fact]
    public async Task Only_members_who_want_it_receive_it_chosen_on_the_newsletter_page_or_in_the_settings()
    {
        var community = await CommunityAsync();
        var (keeps, keepsEmail) = await MemberOfAsync(community, "Sofia");
        var (leavesHere, leavesHereEmail) = await MemberOfAsync(community, "Nath");
        var (leavesInSettings, leavesInSettingsEmail) = await MemberOfAsync(community, "Thomas");
        using (keeps)
        using (leavesHere)
        using (leavesInSettings)
        {
            var page = await leavesHere.GetAsync($"/communities/{community.Slug}/newsletter");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(TextsFile.Fr("Newsletter.YouReceive"), MainText(page), StringComparison.Ordinal);
            var off = await leavesHere.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Subscription']", followRedirects: true);
            Assert.Contains(TextsFile.Fr("Newsletter.YouDoNotReceive"), MainText(off), StringComparison.Ordinal);

            var settings = await leavesInSettings.GetAsync("/account/settings");
            var box = settings.Document.QuerySelector($"input[name='subscribed'][value='{community.Id}']");
            Assert.True(box?.HasAttribute("checked"), settings.ToString());
            var saved = await leavesInSettings.SubmitAsync(settings, new Dictionary<string, string> { ["subscribed"] = Guid.NewGuid().ToString() }, "form[action='/account/newsletters']", followRedirects: true);
            Assert.Contains(TextsFile.Fr("Newsletter.SubscriptionsSaved"), MainText(saved), StringComparison.Ordinal);
            Assert.False(saved.Document.QuerySelector($"input[name='subscribed'][value='{community.Id}']")?.HasAttribute("checked"));
            var export = await leavesInSettings.GetAsync("/account/data?handler=Download");
            Assert.Contains("\"newsletter\": false", export.Text, StringComparison.Ordinal);

            await PostAsync(keeps, community, "Café poussettes mardi", "Au parc Louise-Marie.");
            await RunSenderAsync();

            Assert.Single(await NewslettersToAsync(keepsEmail, community));
            Assert.Empty(await NewslettersToAsync(leavesHereEmail, community));
            Assert.Empty(await NewslettersToAsync(leavesInSettingsEmail, community));
        }
    }

    [Fact]
    public async Task The_email_a_real_smtp_server_receives_carries_the_one_click_unsubscribe_headers_in_the_readers_language()
    {
        var community = await CommunityAsync();
        using var reader = factory.NewBrowser();
        reader.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var email = await reader.SignedInMemberAsync(factory, displayName: "Aminata");
        await JoinAsync(reader, community);
        await PostAsync(reader, community, "Swap of baby clothes", "Sizes 0 to 6 months.", "Tip");
        await RunSenderAsync();
        await factory.SendOutboxAsync();

        var raw = Assert.Single(factory.Smtp.Received(), m => m.Contains(email, StringComparison.Ordinal) && m.Contains("List-Unsubscribe", StringComparison.Ordinal));
        var message = MimeMessage.Parse(raw);
        var queued = Assert.Single(await NewslettersToAsync(email, community));
        var link = queued.ListUnsubscribe!;
        Assert.StartsWith("http://localhost/newsletter/unsubscribe?token=", link, StringComparison.Ordinal);
        Assert.Equal($"<{link}>", message.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", message.Header("List-Unsubscribe-Post"));
        Assert.Contains(community.Name, message.Header("Subject"), StringComparison.Ordinal);
        Assert.Contains(TextsFile.En("Newsletter.Email.NewPostsTitle"), message.Parts["text/plain"], StringComparison.Ordinal);
        Assert.Contains($"{TextsFile.En("Newsletter.Email.Unsubscribe")}: {link}", message.Parts["text/plain"], StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", message.Parts["text/html"], StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link)}\"", message.Parts["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unsubscribe_link_only_asks_on_GET_and_a_bare_POST_unsubscribes_without_session_or_antiforgery()
    {
        var community = await CommunityAsync();
        var (member, email) = await MemberOfAsync(community, "Léa");
        using (member)
        {
            await PostAsync(member, community, "Qui connaît une crèche ?", "À Fives.");
        }

        await RunSenderAsync();
        var link = new Uri(Assert.Single(await NewslettersToAsync(email, community)).ListUnsubscribe!).PathAndQuery;
        using var scanner = factory.NewBrowser();

        var asked = await scanner.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains(TextsFile.Fr("Newsletter.ConfirmUnsubscribe", community.Name), MainText(asked), StringComparison.Ordinal);
        Assert.NotNull(asked.Document.QuerySelector("main form[method='post'] button"));
        Assert.True(await SubscribedAsync(community, email));

        using var mailClient = factory.NewBrowser();
        var done = await mailClient.PostAsync(link, [new("List-Unsubscribe", "One-Click")]);

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains(TextsFile.Fr("Newsletter.UnsubscribeDone", community.Name), MainText(done), StringComparison.Ordinal);
        Assert.False(await SubscribedAsync(community, email));
        var again = await scanner.GetAsync(link);
        Assert.Contains(TextsFile.Fr("Newsletter.AlreadyUnsubscribed", community.Name), MainText(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_refused_with_a_400_page_and_unsubscribes_nobody()
    {
        var community = await CommunityAsync();
        var (member, email) = await MemberOfAsync(community, "Youssef");
        using (member)
        {
            await PostAsync(member, community, "Bon plan piscine", "Le mercredi matin, bassin pour bébés.", "Tip");
        }

        await RunSenderAsync();
        var token = Regex.Match(Assert.Single(await NewslettersToAsync(email, community)).ListUnsubscribe!, "token=(.+)$").Groups[1].Value;
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var memberId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        // The same membership, signed for another purpose: not an unsubscribe token.
        var foreign = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Village.Other").Protect($"{community.Id:N}.{memberId:N}");
        using var anybody = factory.NewBrowser();

        foreach (var bad in new[] { tampered, Uri.EscapeDataString(foreign), "", "%00%3Cscript%3E", new string('x', 5000) })
        {
            var get = await anybody.GetAsync($"/newsletter/unsubscribe?token={bad}");
            var post = await anybody.PostAsync($"/newsletter/unsubscribe?token={bad}", [new("List-Unsubscribe", "One-Click")]);
            Assert.Equal(HttpStatusCode.BadRequest, get.Status);
            Assert.Equal(HttpStatusCode.BadRequest, post.Status);
            Assert.Contains(TextsFile.Fr("Newsletter.InvalidLink"), MainText(post), StringComparison.Ordinal);
        }

        Assert.True(await SubscribedAsync(community, email));
    }

    [Fact]
    public async Task A_member_who_is_not_admin_cannot_change_the_settings_nor_see_the_preview_and_outsiders_see_nothing()
    {
        var community = await CommunityAsync();
        var (member, _) = await MemberOfAsync(community, "Sofia");
        using var outsider = factory.NewBrowser();
        await outsider.SignedInMemberAsync(factory, displayName: "Dehors");
        using var visitor = factory.NewBrowser();
        using (member)
        {
            var page = await member.GetAsync($"/communities/{community.Slug}/newsletter");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector("form[action*='handler=Settings']"));
            Assert.Null(page.Document.QuerySelector("iframe"));

            var preview = await member.GetAsync($"/communities/{community.Slug}/newsletter?handler=Preview");
            var change = await member.PostAsync($"/communities/{community.Slug}/newsletter?handler=Settings", new Dictionary<string, string>
            {
                [Browser.AntiforgeryField] = page.AntiforgeryToken,
                ["Input.Frequency"] = "Off",
                ["Input.Weekday"] = "Friday",
                ["Input.Note"] = "Note d'un membre",
            });

            Assert.Equal(HttpStatusCode.NotFound, preview.Status);
            Assert.Equal(HttpStatusCode.NotFound, change.Status);
            Assert.False(await factory.QueryAsync(db => db.NewsletterSettings.AnyAsync(s => s.CommunityId == community.Id && s.Note != "")));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{community.Slug}/newsletter")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{community.Slug}/newsletter?handler=Preview")).Status);
        var signedOut = await visitor.GetAsync($"/communities/{community.Slug}/newsletter?handler=Preview");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.StartsWith("/account/signin", signedOut.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_senders_running_for_the_same_period_send_the_issue_once()
    {
        var community = await CommunityAsync();
        var (member, email) = await MemberOfAsync(community, "Nath");
        using (member)
        {
            await PostAsync(member, community, "Cherche poussette double", "Pour des jumelles.", "Item", "Wanted");
        }

        var first = factory.Services.GetRequiredService<NewsletterSender>();
        var second = ActivatorUtilities.CreateInstance<NewsletterSender>(factory.Services);
        var now = factory.Calendar.Now.UtcDateTime;
        var day = DateOnly.FromDateTime(now);
        // Both instances found the issue due and go for it at the same time, each on a thread of its own.
        var issued = await Task.WhenAll(
            Task.Run(() => first.IssueAsync(community.Id, day, now, CancellationToken.None)),
            Task.Run(() => second.IssueAsync(community.Id, day, now, CancellationToken.None)));
        var again = await second.IssueAsync(community.Id, day, now.AddMinutes(10), CancellationToken.None);
        await Task.WhenAll(first.RunDueAsync(CancellationToken.None), second.RunDueAsync(CancellationToken.None));

        Assert.Equal(1, issued.Count(i => i));
        Assert.False(again);
        Assert.Single(await NewslettersToAsync(email, community));
        Assert.Equal(1, await factory.QueryAsync(db => db.NewsletterIssues.CountAsync(i => i.CommunityId == community.Id)));
    }

    [Fact]
    public async Task The_admins_note_is_saved_previewed_sent_once_and_hostile_markdown_stays_text()
    {
        var community = await CommunityAsync();
        var (admin, adminEmail) = await MemberOfAsync(community, "Camille", CommunityRole.Admin);
        var (member, memberEmail) = await MemberOfAsync(community, "Youssef");
        const string note = "<script>alert(1)</script> <img src=x onerror=alert(2)> [clic](javascript:alert(3)) **troc samedi**";
        using (admin)
        using (member)
        {
            var url = $"/communities/{community.Slug}/newsletter";
            var tooLong = await admin.FillAsync(url, new Dictionary<string, string> { ["Input.Note"] = new string('é', 100 * 1024) }, "form[action*='handler=Settings']");
            var nonsense = await admin.FillAsync(url, new Dictionary<string, string> { ["Input.Frequency"] = "banana", ["Input.Note"] = "Gardé" }, "form[action*='handler=Settings']");
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
            Assert.Equal(HttpStatusCode.BadRequest, nonsense.Status);
            Assert.Equal("Gardé", nonsense.FieldValue("Input.Note"));
            Assert.NotNull(nonsense.ErrorSummary);

            var saved = await admin.FillAsync(url, new Dictionary<string, string> { ["Input.Note"] = note }, "form[action*='handler=Settings']", followRedirects: true);
            Assert.Equal(HttpStatusCode.OK, saved.Status);
            Assert.Equal(note, saved.FieldValue("Input.Note"));
            Assert.Null(saved.Document.QuerySelector("main script"));

            var preview = await admin.GetAsync($"{url}?handler=Preview");
            Assert.Equal(HttpStatusCode.OK, preview.Status);
            Assert.Equal("text/html", preview.ContentType);
            Assert.Contains("sandbox", preview.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            AssertHarmless(preview.Text);
            Assert.Contains(TextsFile.Fr("Newsletter.Email.NoteTitle"), MainText(preview), StringComparison.Ordinal);
        }

        await RunSenderAsync();

        var sent = Assert.Single(await NewslettersToAsync(memberEmail, community));
        Assert.Single(await NewslettersToAsync(adminEmail, community));
        AssertHarmless(sent.HtmlBody);
        Assert.Contains(note, sent.TextBody, StringComparison.Ordinal);
        var settings = await factory.QueryAsync(db => db.NewsletterSettings.AsNoTracking().SingleAsync(s => s.CommunityId == community.Id));
        var issue = await factory.QueryAsync(db => db.NewsletterIssues.AsNoTracking().SingleAsync(i => i.CommunityId == community.Id));
        Assert.Equal("", settings.Note);
        Assert.Equal(note, issue.Note);
        Assert.False(issue.Skipped);
    }

    private static string MainText(WebPage page) => page.Document.QuerySelector("main")?.TextContent ?? page.Text;

    private static void AssertHarmless(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal("troc samedi", document.QuerySelector("strong")?.TextContent);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    private sealed record TestCommunity(Guid Id, string Slug, string Name);

    /// <summary>An approved community whose newsletter goes out weekly on the test clock's weekday.</summary>
    private async Task<TestCommunity> CommunityAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var community = new Community
        {
            Id = Guid.CreateVersion7(),
            Slug = $"lettre-{unique}",
            Name = $"Parents {unique}",
            Description = "Une communauté pour les tests de la lettre.",
            Kind = CommunityKind.Themed,
            Theme = CommunityTheme.Other,
            Status = CommunityStatus.Approved,
            CreatedAt = factory.Calendar.Now.UtcDateTime,
        };
        await factory.QueryAsync(db =>
        {
            db.Communities.Add(community);
            db.NewsletterSettings.Add(new NewsletterSettings { CommunityId = community.Id, Weekday = factory.Calendar.Now.DayOfWeek, UpdatedAt = community.CreatedAt });
            return db.SaveChangesAsync();
        });
        return new TestCommunity(community.Id, community.Slug, community.Name);
    }

    private async Task<(Browser Browser, string Email)> MemberOfAsync(TestCommunity community, string name, CommunityRole role = CommunityRole.Member)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        await JoinAsync(browser, community);
        if (role == CommunityRole.Admin)
        {
            await factory.QueryAsync(db => db.CommunityMembers
                .Where(m => m.CommunityId == community.Id && db.Users.Any(u => u.Id == m.MemberId && u.Email == email))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, CommunityRole.Admin)));
        }

        return (browser, email);
    }

    private static async Task JoinAsync(Browser browser, TestCommunity community)
    {
        var page = await browser.GetAsync($"/communities/{community.Slug}");
        var joined = await browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Join']");
        Assert.True(joined.Status == HttpStatusCode.Redirect, joined.ToString());
    }

    private static async Task PostAsync(Browser browser, TestCommunity community, string title, string body, string kind = "Question", string mode = "")
    {
        var posted = await browser.FillAsync($"/communities/{community.Slug}/posts/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = kind,
            ["Input.ItemMode"] = mode,
            ["Input.Title"] = title,
            ["Input.Body"] = body,
        });
        Assert.True(posted.Status == HttpStatusCode.Redirect, posted.ToString());
    }

    private Task<int> RunSenderAsync() => factory.Services.GetRequiredService<NewsletterSender>().RunDueAsync(CancellationToken.None);

    /// <summary>The newsletters of this community queued for an address, oldest first.</summary>
    private async Task<List<OutboxEmail>> NewslettersToAsync(string address, TestCommunity community) =>
        [.. (await factory.EmailsToAsync(address)).Where(e => e.ListUnsubscribe is not null && e.Subject.Contains(community.Name, StringComparison.Ordinal))];

    private Task<bool> SubscribedAsync(TestCommunity community, string email) =>
        factory.QueryAsync(db => db.CommunityMembers.Where(m => m.CommunityId == community.Id && db.Users.Any(u => u.Id == m.MemberId && u.Email == email))
            .Select(m => m.NewsletterSubscribed).SingleAsync());
}

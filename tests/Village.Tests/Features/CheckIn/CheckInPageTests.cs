using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Village.Tests.Support;
using Village.Web.Data;
using Village.Web.Features.CheckIn;
using Village.Web.Infrastructure.Email;

namespace Village.Tests.Features.CheckIn;

/// <summary>The private check-in through the real pages: nothing kept without consent, protected answers with it, the
/// neutral reminder, the tiered result (safety first, the parent's country's lines), the private history, and bad
/// input.</summary>
public sealed class CheckInPageTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static Dictionary<string, string> Fields(CheckInAnswers answers, bool keep = false, bool remind = false)
    {
        var fields = answers.ToValues().ToDictionary(kv => $"Answers[{kv.Key}]", kv => kv.Value!);
        if (keep)
        {
            fields["Keep"] = "true";
        }

        if (remind)
        {
            fields["Remind"] = "true";
        }

        return fields;
    }

    /// <summary>Answers whose JSON is recognisable: a thin family, lonely, emotional, down.</summary>
    private static readonly CheckInAnswers Heavy = CheckInScoringTests.Perfect with { FamilySeen = 1, FamilyTalk = 0, FamilyHelp = 2, LackCompany = 3, Lonely = 4, MissClose = 2, Down = 1 };

    private async Task<(Browser Browser, string Email, Guid Id)> ParentAsync(string? country = null)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        if (country is not null)
        {
            await factory.QueryAsync(db => db.Profiles.Where(p => p.MemberId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Country, country)));
        }

        return (browser, email, id);
    }

    private Task<int> EntriesAsync(Guid id) => factory.QueryAsync(db => db.CheckInEntries.CountAsync(e => e.MemberId == id));

    private Task<CheckInReminder?> ReminderAsync(Guid id) => factory.QueryAsync(db => db.CheckInReminders.AsNoTracking().SingleOrDefaultAsync(r => r.MemberId == id));

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        using var visitor = factory.NewBrowser();
        foreach (var url in new[] { "/checkin", "/checkin/history" })
        {
            var page = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/signin", page.Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_form_says_what_it_is_offers_a_quick_exit_and_leaves_both_boxes_unticked()
    {
        var (browser, _, _) = await ParentAsync();
        using var _ = browser;
        var page = await browser.GetAsync("/checkin");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var exit = page.Document.QuerySelector("main a[data-quick-exit]");
        Assert.Equal("https://www.google.com/", exit?.GetAttribute("href"));
        Assert.Contains("n'appellera personne", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(15, page.Document.QuerySelectorAll("fieldset.checkin-question").Length);
        Assert.All(page.Document.QuerySelectorAll("fieldset.checkin-question"), q => Assert.NotNull(q.QuerySelector("legend")));
        Assert.Empty(page.Document.QuerySelectorAll("input[type=radio][checked]"));
        Assert.Null(page.Document.QuerySelector("#Keep")!.GetAttribute("checked"));
        Assert.Null(page.Document.QuerySelector("#Remind")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task Without_consent_nothing_is_stored_not_even_in_a_cookie()
    {
        var (browser, email, id) = await ParentAsync();
        using var _ = browser;
        var result = await browser.FillAsync("/checkin", Fields(Heavy));
        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.Contains("no-store", result.Response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.NotNull(result.Document.QuerySelector("#checkin-mood"));
        Assert.NotNull(result.Document.QuerySelector("#checkin-lines"));
        Assert.Equal(0, await EntriesAsync(id));
        Assert.Null(await ReminderAsync(id));
        var cookies = result.Response.Headers.TryGetValues("Set-Cookie", out var set) ? string.Join("\n", set) : "";
        Assert.DoesNotContain("Answers", cookies, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TempData", cookies, StringComparison.OrdinalIgnoreCase);
        // Neither raw numbers nor labels on the result.
        var text = result.MainText();
        Assert.DoesNotContain("dépression", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("isolé", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/30", text, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.EmailsToAsync(email), e => e.Subject.Contains("rappel", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_consent_the_answers_are_kept_protected_and_the_reminder_email_is_neutral()
    {
        var (browser, email, id) = await ParentAsync();
        using var _ = browser;
        var result = await browser.FillAsync("/checkin", Fields(Heavy, keep: true, remind: true));
        Assert.True(result.Status == HttpStatusCode.OK, result.ToString());
        Assert.NotNull(result.Document.QuerySelector(".success"));

        var entry = Assert.Single(await factory.QueryAsync(db => db.CheckInEntries.AsNoTracking().Where(e => e.MemberId == id).ToListAsync()));
        foreach (var word in new[] { "familySeen", "FamilySeen", "lonely", "safety", "{", "\"" })
        {
            Assert.DoesNotContain(word, entry.ProtectedAnswers, StringComparison.Ordinal);
        }

        Assert.Equal(Heavy, factory.Services.GetRequiredService<CheckInAnswersCodec>().Read(entry.ProtectedAnswers));
        await AssertNotInClearAsync();

        var reminder = await ReminderAsync(id);
        Assert.NotNull(reminder);
        Assert.InRange(reminder!.DueAt - factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));
        Assert.Null(reminder.SentAt);

        var reminders = factory.Services.GetRequiredService<CheckInReminders>();
        await reminders.SendDueAsync(CancellationToken.None);
        Assert.DoesNotContain(await factory.EmailsToAsync(email), e => e.Subject.Contains("rappel", StringComparison.OrdinalIgnoreCase));
        factory.Clock.Advance(TimeSpan.FromDays(14.1));
        try
        {
            Assert.True(await reminders.SendDueAsync(CancellationToken.None) >= 1);
            Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        }
        finally
        {
            factory.Clock.Reset();
        }

        var sent = Assert.Single(await factory.EmailsToAsync(email), e => e.Subject == "Votre rappel Village");
        Assert.Contains("Vous nous aviez demandé un petit rappel. Il vous attend sur Village.", sent.TextBody, StringComparison.Ordinal);
        var site = factory.Services.GetRequiredService<IOptions<EmailOptions>>().Value.SiteUrl.TrimEnd('/');
        Assert.Contains($"{site}/", sent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/checkin", sent.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await ReminderAsync(id))!.SentAt);

        // No email at all says a word of the check-in.
        var all = await factory.QueryAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        foreach (var mail in all)
        {
            var body = mail.Subject + mail.TextBody + mail.HtmlBody;
            foreach (var word in new[] { "checkin", "check-in", "humeur", "seul", "moral", "isol", "entourage", "moment pour vous", "sécurité", "familySeen", "Personne d'autre" })
            {
                Assert.DoesNotContain(word, body, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The history shows the reminder as sent; cancelling removes it.
        var history = await browser.GetAsync("/checkin/history");
        Assert.Contains("arrivé", history.Document.QuerySelector("#checkin-reminder")!.TextContent, StringComparison.Ordinal);
        var cancelled = await browser.SubmitAsync(history, new Dictionary<string, string>(), "form[action*='CancelReminder']");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        Assert.Null(await ReminderAsync(id));

        // The export holds the saved answers in clear, for the person.
        var export = await browser.GetAsync("/account/data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Contains("\"checkIns\"", export.Text, StringComparison.Ordinal);
        Assert.Contains("\"MissClose\": 2", export.Text, StringComparison.Ordinal);
    }

    private async Task AssertNotInClearAsync()
    {
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            var file = await factory.QueryAsync(async db =>
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                return new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            });
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                await stream.CopyToAsync(memory);
                bytes = memory.ToArray();
            }

            var raw = Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("familySeen", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("missClose", raw, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            var type = await factory.QueryAsync(db => db.Database
                .SqlQueryRaw<string>("SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'CheckInEntries' AND column_name = 'ProtectedAnswers'")
                .SingleAsync());
            Assert.DoesNotContain("json", type, StringComparison.OrdinalIgnoreCase);
            var found = await factory.QueryAsync(db => db.Database
                .SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM \"CheckInEntries\" WHERE \"ProtectedAnswers\" ILIKE '%familySeen%'")
                .SingleAsync());
            Assert.Equal(0, found);
        }
    }

    [Theory]
    [InlineData("FR", "3114", "0800 32 123")]
    [InlineData("BE", "0800 32 123", "3114")]
    public async Task Every_result_shows_the_lines_of_the_parents_country(string country, string seen, string notSeen)
    {
        var (browser, _, _) = await ParentAsync(country);
        using var _ = browser;
        foreach (var answers in new[] { CheckInScoringTests.Perfect, Heavy, CheckInScoringTests.Perfect with { Safety = 1 } })
        {
            var result = await browser.FillAsync("/checkin", Fields(answers));
            Assert.Equal(HttpStatusCode.OK, result.Status);
            var text = result.MainText();
            Assert.Contains(seen, text, StringComparison.Ordinal);
            Assert.DoesNotContain(notSeen, text, StringComparison.Ordinal);
            Assert.NotNull(result.Document.QuerySelector($"main a[href='tel:{new string([.. seen.Where(char.IsAsciiDigit)])}']"));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_safety_screen_comes_before_anything_else_with_the_emergency_numbers_in_view(int safety)
    {
        var (browser, _, id) = await ParentAsync("FR");
        using var _ = browser;
        var result = await browser.FillAsync("/checkin", Fields(Heavy with { Safety = safety }));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var main = result.Document.QuerySelector("main")!;
        var first = main.QuerySelector("section, h1, h2");
        Assert.Equal("checkin-safety", first?.Id);
        var html = main.InnerHtml;
        var safetyAt = html.IndexOf("id=\"checkin-safety\"", StringComparison.Ordinal);
        Assert.True(safetyAt >= 0);
        foreach (var other in new[] { "checkin-mood", "checkin-isolation", "checkin-lines", "checkin-low" })
        {
            var at = html.IndexOf($"id=\"{other}\"", StringComparison.Ordinal);
            Assert.True(at < 0 || at > safetyAt, other);
        }

        // "I am not safe right now": the emergency numbers, visible without a click.
        var emergencies = main.QuerySelector("#checkin-safety #checkin-emergencies")!;
        Assert.Null(emergencies.Closest("details"));
        Assert.NotNull(emergencies.QuerySelector("a[href='tel:112']"));
        Assert.NotNull(emergencies.QuerySelector("a[href='tel:15']"));
        Assert.Null(emergencies.QuerySelector("a[href='tel:3114']"));
        Assert.NotNull(main.QuerySelector("#checkin-safety a[href='tel:3114']"));
        Assert.Equal(0, await EntriesAsync(id));
    }

    [Fact]
    public async Task The_history_opens_and_deletes_only_my_own_check_ins()
    {
        var (mine, _, myId) = await ParentAsync();
        var (other, _, _) = await ParentAsync();
        using var _ = mine;
        using var __ = other;
        await mine.FillAsync("/checkin", Fields(Heavy, keep: true));
        await mine.FillAsync("/checkin", Fields(CheckInScoringTests.Perfect, keep: true));
        await mine.FillAsync("/checkin", Fields(CheckInScoringTests.Perfect with { Safety = 3 }, keep: true));
        var ids = await factory.QueryAsync(db => db.CheckInEntries.Where(e => e.MemberId == myId).OrderBy(e => e.TakenAt).Select(e => e.Id).ToListAsync());
        Assert.Equal(3, ids.Count);

        var history = await mine.GetAsync("/checkin/history");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains("no-store", history.Response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, history.Document.QuerySelectorAll("#checkin-history > li").Length);
        Assert.NotNull(history.Document.QuerySelector("main a[data-quick-exit]"));

        var opened = await mine.GetAsync($"/checkin/history/{ids[0]}");
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.NotNull(opened.Document.QuerySelector("#checkin-mood"));
        Assert.NotNull(opened.Document.QuerySelector("#checkin-lines"));
        Assert.Equal("checkin-safety", (await mine.GetAsync($"/checkin/history/{ids[2]}")).Document.QuerySelector("main section")?.Id);

        // Another parent: not found, cannot delete.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/checkin/history/{ids[0]}")).Status);
        var theirs = await other.GetAsync("/checkin/history");
        var token = theirs.AntiforgeryToken;
        var attempt = await other.PostAsync($"/checkin/history/{ids[0]}?handler=Delete", [new(Browser.AntiforgeryField, token)]);
        Assert.Equal(HttpStatusCode.NotFound, attempt.Status);
        var all = await other.PostAsync("/checkin/history?handler=DeleteAll", [new(Browser.AntiforgeryField, token)]);
        Assert.Equal(HttpStatusCode.Redirect, all.Status);
        Assert.Equal(3, await EntriesAsync(myId));

        // Delete one, then all.
        var deleted = await mine.SubmitAsync(history, new Dictionary<string, string>(), $"form[action*='{ids[0]}']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal(2, await EntriesAsync(myId));
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/checkin/history/{ids[0]}")).Status);
        history = await mine.GetAsync("/checkin/history");
        Assert.Equal(2, history.Document.QuerySelectorAll("#checkin-history > li").Length);
        var cleared = await mine.SubmitAsync(history, new Dictionary<string, string>(), "#delete-all");
        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        Assert.Equal(0, await EntriesAsync(myId));
    }

    [Fact]
    public async Task Missing_and_hostile_answers_are_refused_with_the_form_kept()
    {
        var (browser, _, id) = await ParentAsync();
        using var _ = browser;
        var missing = Fields(Heavy, keep: true);
        missing.Remove("Answers[CutOff]");
        var page = await browser.FillAsync("/checkin", missing);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Question 9", page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("1", page.Document.QuerySelector("input[name='Answers[FamilySeen]'][checked]")?.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector("#Keep")!.GetAttribute("checked"));
        Assert.NotNull(page.Document.QuerySelector("#Answers_CutOff_"));

        foreach (var (field, value) in new[]
        {
            ("Answers[FamilySeen]", "6"), ("Answers[Safety]", "-1"), ("Answers[Safety]", "4"), ("Answers[Down]", "<script>alert(1)</script>"),
            ("Answers[Lonely]", "1; DROP TABLE \"CheckInEntries\";--"), ("Answers[LeftOut]", new string('9', 100_000)), ("Answers[MissWider]", "２"),
            ("Keep", "peut-être"),
        })
        {
            var fields = Fields(Heavy, keep: true, remind: true);
            fields[field] = value;
            var bad = await browser.FillAsync("/checkin", fields);
            Assert.True(bad.Status == HttpStatusCode.BadRequest, $"{field}={value[..Math.Min(value.Length, 40)]}: {(int)bad.Status}");
            Assert.NotNull(bad.ErrorSummary);
            Assert.DoesNotContain("<script>alert", bad.Text, StringComparison.Ordinal);
            Assert.Equal("4", bad.Document.QuerySelector("input[name='Answers[Lonely]'][checked]")?.GetAttribute("value") ?? (field == "Answers[Lonely]" ? "4" : null));
        }

        Assert.Equal(0, await EntriesAsync(id));
        Assert.Null(await ReminderAsync(id));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.CheckIn;

namespace Village.Tests.Features.CheckIn;

/// <summary>/help-now shows the crisis lines of the right country (chosen, the parent's, the browser's region, France),
/// emergencies first, one tap to call; /admin/crisis-lines lets administrators (only) correct, add, delete and mark
/// lines checked today, with hostile input kept and refused in words. Edits touch only lines the tests add.</summary>
public sealed partial class CrisisLinesTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_french_parent_sees_the_french_lines_and_a_belgian_parent_the_belgian_ones()
    {
        using var french = factory.NewBrowser();
        var frenchId = await factory.MemberIdAsync(await french.SignedInMemberAsync(factory));
        await factory.SetHomeAsync(frenchId, OutingData.NewSpot());
        await factory.QueryAsync(db => db.Profiles.Where(p => p.MemberId == frenchId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Country, "FR")));
        using var belgian = factory.NewBrowser();
        await factory.SetHomeAsync(await factory.MemberIdAsync(await belgian.SignedInMemberAsync(factory)), OutingData.NewSpot());

        var forFrench = await french.GetAsync("/help-now");
        var forBelgian = await belgian.GetAsync("/help-now");

        Assert.Equal(HttpStatusCode.OK, forFrench.Status);
        Assert.Contains("tel:3114", Dials(forFrench));
        Assert.DoesNotContain("tel:080032123", Dials(forFrench));
        Assert.NotNull(forFrench.Document.QuerySelector("main a[href='/checkin']"));
        Assert.Contains("tel:080032123", Dials(forBelgian));
        Assert.Contains("0800 32 123", forBelgian.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("tel:3114", Dials(forBelgian));
    }

    [Fact]
    public async Task A_visitor_gets_the_lines_of_their_browser_s_region_or_of_the_country_they_choose()
    {
        using var belgianVisitor = factory.NewBrowser();
        belgianVisitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE,fr;q=0.9");
        using var visitor = factory.NewBrowser();

        var belgian = await belgianVisitor.GetAsync("/help-now");
        var plain = await visitor.GetAsync("/help-now");
        var swiss = await visitor.GetAsync("/help-now?country=ch");

        Assert.Equal(HttpStatusCode.OK, belgian.Status);
        Assert.Contains("tel:080032123", Dials(belgian));
        Assert.Contains("tel:3114", Dials(plain));
        Assert.Null(plain.Document.QuerySelector("main a[href='/checkin']"));
        Assert.NotNull(plain.Document.QuerySelector("main a[href^='/services']"));
        Assert.Equal(HttpStatusCode.OK, swiss.Status);
        Assert.Contains("tel:143", Dials(swiss));
        Assert.DoesNotContain("tel:3114", Dials(swiss));
        Assert.Equal("page", swiss.Document.QuerySelector("main a[href='/help-now?country=CH']")?.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Emergencies_come_first_every_link_dials_digits_only_and_the_page_stays_light()
    {
        using var visitor = factory.NewBrowser();

        var page = await visitor.GetAsync("/help-now?country=FR");

        var lines = page.Document.QuerySelectorAll("main .crisis-line").ToList();
        Assert.True(lines.Count >= 8, page.ToString());
        Assert.Contains("crisis-emergency", lines[0].ClassName, StringComparison.Ordinal);
        var firstOther = lines.FindIndex(l => !l.ClassList.Contains("crisis-emergency"));
        Assert.True(lines.Skip(firstOther).All(l => !l.ClassList.Contains("crisis-emergency")));
        Assert.All(Dials(page), href => Assert.Matches(DialPattern(), href));
        Assert.Contains("sms:114", Dials(page));
        Assert.Contains(TextsFile.Fr("CrisisLine.AlwaysOpen"), page.MainText(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("CrisisLine.HoursUnverified"), page.MainText(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("CrisisLine.Purpose.SuicidePrevention"), page.MainText(), StringComparison.Ordinal);
        Assert.True(page.Text.Length < 40_000, $"/help-now is {page.Text.Length} characters.");
    }

    [Fact]
    public async Task An_unknown_country_is_a_clear_400_that_still_shows_the_lines()
    {
        using var visitor = factory.NewBrowser();

        var page = await visitor.GetAsync("/help-now?country=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(TextsFile.Fr("CrisisLine.UnknownCountry"), page.ErrorSummary, StringComparison.Ordinal);
        Assert.Contains("tel:112", Dials(page));
        Assert.DoesNotContain("<script>alert(1)", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_adds_edits_marks_checked_and_deletes_a_line_and_help_now_follows()
    {
        using var admin = await factory.StaffAsync(Roles.Administrator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Ligne des parents {tag}";

        var added = await admin.SubmitAsync(await admin.GetAsync("/admin/crisis-lines/new"), new Dictionary<string, string>(Fields(name, "+352 45 45 45")) { ["Input.VerifiedOn"] = "2026-01-02" });
        Assert.True(added.Status == HttpStatusCode.Redirect, added.ToString());
        var line = await LineAsync(name);
        Assert.Equal("LU", line.Country);
        Assert.Equal(new DateOnly(2026, 1, 2), line.VerifiedOn);
        Assert.Contains("tel:352454545", Dials(await admin.GetAsync("/help-now?country=LU")));

        var edit = await admin.GetAsync($"/admin/crisis-lines/{line.Id}");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal("+352 45 45 45", edit.FieldValue("Input.Number"));
        var edited = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Number"] = "8002 1234", ["Input.Hours"] = "Du lundi au vendredi, de 9 h à 17 h" }, "main form:not([action])");
        Assert.True(edited.Status == HttpStatusCode.Redirect, edited.ToString());
        var luxembourg = await admin.GetAsync("/help-now?country=LU");
        Assert.Contains("tel:80021234", Dials(luxembourg));
        Assert.Contains("Du lundi au vendredi, de 9 h à 17 h", luxembourg.MainText(), StringComparison.Ordinal);

        var list = await admin.GetAsync("/admin/crisis-lines");
        Assert.Contains(name, list.MainText(), StringComparison.Ordinal);
        var verified = await admin.SubmitAsync(list, new Dictionary<string, string>(), $"form[action*='{line.Id}'][action*='handler=Verified']");
        Assert.True(verified.Status == HttpStatusCode.Redirect, verified.ToString());
        Assert.Equal(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), (await LineAsync(name)).VerifiedOn);

        edit = await admin.GetAsync($"/admin/crisis-lines/{line.Id}");
        var unconfirmed = await admin.SubmitAsync(edit, new Dictionary<string, string>(), "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.Contains(TextsFile.Fr("CrisisLine.Error.ConfirmDelete"), unconfirmed.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.CrisisLines.CountAsync(l => l.Id == line.Id)));
        var deleted = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["ConfirmDelete"] = "true" }, "form[action*='handler=Delete']");
        Assert.True(deleted.Status == HttpStatusCode.Redirect, deleted.ToString());
        Assert.Equal(0, await factory.QueryAsync(db => db.CrisisLines.CountAsync(l => l.Id == line.Id)));
        Assert.DoesNotContain(name, (await admin.GetAsync("/help-now?country=LU")).MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/crisis-lines/{line.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/crisis-lines/banana")).Status);
    }

    [Fact]
    public async Task Hostile_input_is_kept_refused_in_words_or_stored_as_text()
    {
        using var admin = await factory.StaffAsync(Roles.Administrator);
        var form = await admin.GetAsync("/admin/crisis-lines/new");
        var script = $"<script>alert('x')</script> {Guid.NewGuid():N}";
        var cases = new (string Field, string Value, string Error)[]
        {
            ("Input.Number", "'; DROP TABLE CrisisLines; --", TextsFile.Fr("CrisisLine.Error.Number")),
            ("Input.Number", "abc", TextsFile.Fr("CrisisLine.Error.Number")),
            ("Input.Country", "XX", TextsFile.Fr("CrisisLine.Error.Country")),
            ("Input.Languages", "français", TextsFile.Fr("CrisisLine.Error.Languages")),
            ("Input.VerifiedOn", "2999-01-01", TextsFile.Fr("CrisisLine.Error.VerifiedOn")),
            ("Input.Note", new string('x', 100_000), ""),
            ("Input.Purpose", "99", ""),
        };
        foreach (var (field, value, error) in cases)
        {
            var refused = await admin.SubmitAsync(form, new Dictionary<string, string>(Fields(script, "0800 12 345")) { [field] = value });
            Assert.True(refused.Status == HttpStatusCode.BadRequest, $"{field}={value[..Math.Min(30, value.Length)]}: {refused}");
            Assert.Contains(error, refused.ErrorSummary, StringComparison.Ordinal);
            Assert.Equal(script, refused.FieldValue("Input.Name"));
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.CrisisLines.CountAsync(l => l.Name == script)));

        var saved = await admin.SubmitAsync(form, Fields(script, "0800 12 345"));
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        var page = await admin.GetAsync("/help-now?country=LU");
        Assert.Contains(script, page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert('x')", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parents_and_visitors_cannot_reach_the_administration_of_the_lines()
    {
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory);
        using var visitor = factory.NewBrowser();
        var someLine = await factory.QueryAsync(db => db.CrisisLines.Where(l => l.Country == "FR").Select(l => l.Id).FirstAsync());

        foreach (var url in new[] { "/admin/crisis-lines", "/admin/crisis-lines/new", $"/admin/crisis-lines/{someLine}" })
        {
            var asParent = await parent.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, asParent.Status);
            Assert.StartsWith("/account/denied", asParent.Location, StringComparison.Ordinal);
            var asVisitor = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, asVisitor.Status);
            Assert.StartsWith("/account/signin", asVisitor.Location, StringComparison.Ordinal);
        }

        // Even with a valid form token of their own, a parent's POST changes nothing.
        var settings = await parent.GetAsync("/account/settings");
        var posted = await parent.PostAsync($"/admin/crisis-lines?handler=Verified&id={someLine}", [new(Browser.AntiforgeryField, settings.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.StartsWith("/account/denied", posted.Location, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 22), await factory.QueryAsync(db => db.CrisisLines.Where(l => l.Id == someLine).Select(l => l.VerifiedOn).SingleAsync()));
    }

    private static Dictionary<string, string> Fields(string name, string number) => new()
    {
        ["Input.Country"] = "LU",
        ["Input.Name"] = name,
        ["Input.Number"] = number,
        ["Input.Purpose"] = nameof(CrisisPurpose.Parents),
        ["Input.Languages"] = "fr, de",
        ["Input.AlwaysOpen"] = "false",
        ["Input.Hours"] = "",
        ["Input.IsFree"] = "true",
        ["Input.Note"] = "",
        ["Input.Rank"] = "40",
    };

    private Task<CrisisLine> LineAsync(string name) => factory.QueryAsync(db => db.CrisisLines.AsNoTracking().SingleAsync(l => l.Name == name));

    private static List<string> Dials(WebPage page) =>
        [.. page.Document.QuerySelectorAll("main .crisis-number").Select(a => a.GetAttribute("href") ?? "")];

    [GeneratedRegex("^(tel|sms):[0-9]+$")]
    private static partial Regex DialPattern();
}

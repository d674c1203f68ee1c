using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Features.Profiles;

/// <summary>Children are described by age to others; first names and hidden profiles stay private.</summary>
public sealed class ChildrenAndVisibilityTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Another_parent_sees_a_visible_parents_children_by_age_never_by_first_name()
    {
        using var first = factory.NewBrowser();
        var firstEmail = await first.SignedInMemberAsync(factory, displayName: "Camille");
        await MakeVisibleInNamurAsync(first);
        var born = Today.AddMonths(-4);
        var added = await AddChildAsync(first, born, "Joséphine");
        Assert.True(added.Status == HttpStatusCode.Redirect, added.ToString());
        var own = await first.GetAsync("/profile/children");
        Assert.Contains("Joséphine", own.Text, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Child.Months", 4), own.Text, StringComparison.Ordinal);

        using var second = factory.NewBrowser();
        await second.SignedInMemberAsync(factory, displayName: "Youssef");
        await MakeVisibleInNamurAsync(second);
        var id = await IdOfAsync(firstEmail);

        var seen = await second.GetAsync($"/parents/{id}");

        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Contains("Camille", seen.Text, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Child.Months", 4), seen.Text, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Distance.UnderOne"), seen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Joséphine", seen.Text, StringComparison.Ordinal);
        var home = await second.GetAsync("/");
        Assert.DoesNotContain(TextsFile.Fr("Home.NearbyNone"), home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_who_is_not_visible_cannot_be_seen_by_another_parent()
    {
        using var hidden = factory.NewBrowser();
        var hiddenEmail = await hidden.SignedInMemberAsync(factory, displayName: "Discrète");
        using var other = factory.NewBrowser();
        await other.SignedInMemberAsync(factory);
        var id = await IdOfAsync(hiddenEmail);

        var page = await other.GetAsync($"/parents/{id}");
        var own = await hidden.GetAsync($"/parents/{id}");
        using var anonymous = factory.NewBrowser();
        var signedOut = await anonymous.GetAsync($"/parents/{id}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Discrète", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
    }

    [Fact]
    public async Task What_a_parent_keeps_to_themselves_is_not_shown_to_others()
    {
        using var first = factory.NewBrowser();
        var email = await first.SignedInMemberAsync(factory);
        await first.FillAsync("/profile", new Dictionary<string, string>
        {
            ["Input.TownQuery"] = "Namur (BE)",
            ["Input.VisibleNearby"] = "true",
            ["Input.Languages"] = "wo",
            ["Input.LanguagesAudience"] = "OnlyMe",
            ["Input.About"] = "Un secret bien gardé",
            ["Input.AboutAudience"] = "Connections",
        });
        using var second = factory.NewBrowser();
        await second.SignedInMemberAsync(factory);

        var seen = await second.GetAsync($"/parents/{await IdOfAsync(email)}");

        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.DoesNotContain("Wolof", seen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Un secret bien gardé", seen.Text, StringComparison.Ordinal);
        var own = await first.GetAsync($"/parents/{await IdOfAsync(email)}");
        Assert.Contains("Wolof", own.Text, StringComparison.Ordinal);
        Assert.Contains("Un secret bien gardé", own.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_cannot_remove_another_familys_child()
    {
        using var owner = factory.NewBrowser();
        var ownerEmail = await owner.SignedInMemberAsync(factory);
        await AddChildAsync(owner, Today.AddMonths(-10), null);
        var childId = await factory.QueryAsync(db => db.Children.Where(c => c.ParentId == db.Users.Single(m => m.Email == ownerEmail).Id).Select(c => c.Id).SingleAsync());
        using var intruder = factory.NewBrowser();
        await intruder.SignedInMemberAsync(factory);

        var own = await intruder.GetAsync("/profile/children");
        var removal = await intruder.PostAsync(
            $"/profile/children?handler=Remove&id={childId}",
            [new(Browser.AntiforgeryField, own.AntiforgeryToken)]);

        Assert.True(removal.Status == HttpStatusCode.NotFound, removal.ToString());
        Assert.True(await factory.QueryAsync(db => db.Children.AnyAsync(c => c.Id == childId)));
    }

    public static TheoryData<bool, int, string, string> ImpossibleDates => new()
    {
        { false, 3, "", "Children.BirthOutOfRange" },
        { false, -20 * 12, "", "Children.BirthOutOfRange" },
        { true, 24, "", "Children.DueOutOfRange" },
        { true, -2, "", "Children.DueOutOfRange" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleDates))]
    public async Task An_impossible_birth_or_due_month_is_refused_with_a_clear_message(bool expected, int monthsFromNow, string firstName, string messageKey)
    {
        using var browser = factory.NewBrowser();
        await browser.SignedInMemberAsync(factory);

        var page = await AddChildAsync(browser, Today.AddMonths(monthsFromNow), firstName, expected);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(TextsFile.Fr(messageKey), page.ErrorSummary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Year", "deux mille")]
    [InlineData("Input.Month", "13")]
    [InlineData("Input.IsExpected", "peut-être")]
    [InlineData("Input.FirstName", "<script>alert(1)</script>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_wrong_child_field_is_refused_in_French_never_with_a_server_error(string field, string value)
    {
        using var browser = factory.NewBrowser();
        await browser.SignedInMemberAsync(factory);

        var page = await browser.FillAsync("/profile/children", new Dictionary<string, string> { [field] = value }, "form[action*='handler=Add']");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.True(page.ErrorSummary is { Length: > 0 }, page.ToString());
        Assert.DoesNotContain("is not valid", page.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Text, StringComparison.Ordinal);
    }

    private static Task<WebPage> MakeVisibleInNamurAsync(Browser browser) =>
        browser.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = "Namur (BE)", ["Input.VisibleNearby"] = "true" });

    private static Task<WebPage> AddChildAsync(Browser browser, DateOnly month, string? firstName, bool expected = false) =>
        browser.FillAsync(
            "/profile/children",
            new Dictionary<string, string>
            {
                ["Input.IsExpected"] = expected ? "true" : "false",
                ["Input.Month"] = month.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Year"] = month.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.FirstName"] = firstName ?? "",
            },
            "form[action*='handler=Add']");

    private Task<Guid> IdOfAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
}

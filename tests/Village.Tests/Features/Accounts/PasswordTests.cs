using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Features.Accounts;

public sealed class PasswordTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private const string NewPassword = "une nouvelle phrase secrète";

    [Fact]
    public async Task A_forgotten_password_gets_the_same_answer_for_unknown_addresses()
    {
        var email = await MemberAsync();
        using var browser = factory.NewBrowser();
        var stranger = AccountSteps.NewAddress("personne");

        var known = await Forgot(browser, email);
        var unknown = await Forgot(browser, stranger);

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(TextsFile.Fr("Forgot.Sent"), known.Document.QuerySelector("main .success")?.TextContent.Trim());
        Assert.Equal(known.Document.QuerySelector("main")?.TextContent.Normalized(), unknown.Document.QuerySelector("main")?.TextContent.Normalized());
        Assert.Empty(await factory.EmailsToAsync(stranger));
        Assert.Equal(TextsFile.Fr("Email.ResetPassword.Subject"), (await factory.EmailsToAsync(email))[^1].Subject);
    }

    [Fact]
    public async Task The_reset_link_sets_a_new_password_once()
    {
        var email = await MemberAsync();
        using var browser = factory.NewBrowser();
        await Forgot(browser, email);
        var link = await factory.LinkAsync(email, "/account/reset?");

        var reset = await browser.FillAsync(link, new Dictionary<string, string> { ["NewPassword"] = NewPassword });

        Assert.True(reset.Status == HttpStatusCode.OK, reset.ToString());
        Assert.Equal(TextsFile.Fr("Reset.Done"), reset.Document.QuerySelector("main .success")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync(email)).Status);
        using (var fresh = factory.NewBrowser())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync(email, NewPassword)).Status);
        }

        // The same link cannot be used again (the security stamp changed).
        var again = await browser.FillAsync(link, new Dictionary<string, string> { ["NewPassword"] = "encore une autre phrase" });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains(TextsFile.Fr("Identity.InvalidToken"), again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, NewPassword)).Status);
    }

    [Fact]
    public async Task A_reset_link_for_another_member_or_with_a_forged_code_changes_nothing()
    {
        var victim = await MemberAsync();
        var attacker = await MemberAsync();
        using var browser = factory.NewBrowser();
        await Forgot(browser, attacker);
        var link = await factory.LinkAsync(attacker, "/account/reset?");
        var victimId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == victim).Select(u => u.Id).SingleAsync());
        var attackerId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == attacker).Select(u => u.Id).SingleAsync());

        var stolen = await browser.FillAsync(link.Replace(attackerId.ToString(), victimId.ToString(), StringComparison.Ordinal),
            new Dictionary<string, string> { ["NewPassword"] = NewPassword });
        var forged = await browser.FillAsync($"/account/reset?userId={victimId}&code=Zm9yZ2Vk",
            new Dictionary<string, string> { ["NewPassword"] = NewPassword });
        var noCode = await browser.GetAsync($"/account/reset?userId={victimId}");

        Assert.Equal(HttpStatusCode.BadRequest, stolen.Status);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noCode.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync(victim, NewPassword)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(victim)).Status);
    }

    [Fact]
    public async Task Resetting_the_password_lifts_a_lockout()
    {
        var email = await MemberAsync();
        using var browser = factory.NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync(email, "mauvais essai");
        }

        await Forgot(browser, email);
        var reset = await browser.FillAsync(await factory.LinkAsync(email, "/account/reset?"), new Dictionary<string, string> { ["NewPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, NewPassword)).Status);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);

        var wrong = await ChangePassword(browser, "pas le mot de passe actuel", NewPassword);
        var tooShort = await ChangePassword(browser, AccountSteps.Password, "court");
        var right = await ChangePassword(browser, AccountSteps.Password, NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains(TextsFile.Fr("Identity.PasswordMismatch"), wrong.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.NotNull(tooShort.ErrorSummary);
        Assert.True(right.Status == HttpStatusCode.Redirect, right.ToString());
        Assert.Equal("/account/settings", right.Location);
        var settings = await browser.GetAsync("/account/settings");
        Assert.Contains(TextsFile.Fr("Settings.PasswordChanged"), settings.Document.QuerySelector("main .success")?.TextContent, StringComparison.Ordinal);
        var notice = Assert.Single(await factory.EmailsToAsync(email), e => e.Subject == TextsFile.Fr("Email.PasswordChanged.Subject"));
        Assert.DoesNotContain(NewPassword, notice.TextBody, StringComparison.Ordinal);

        using var other = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.BadRequest, (await other.SignInAsync(email)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(email, NewPassword)).Status);
    }

    /// <summary>A confirmed member, signed in on a browser of its own that is then closed.</summary>
    private async Task<string> MemberAsync()
    {
        using var browser = factory.NewBrowser();
        return await browser.SignedInMemberAsync(factory);
    }

    private static Task<WebPage> Forgot(Browser browser, string email) =>
        browser.FillAsync("/account/forgot", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<WebPage> ChangePassword(Browser browser, string current, string next) =>
        browser.FillAsync(
            "/account/settings",
            new Dictionary<string, string> { ["PasswordChange.CurrentPassword"] = current, ["PasswordChange.NewPassword"] = next },
            "form[action*='handler=Password']");
}

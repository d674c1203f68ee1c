using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Features.Accounts;

public sealed class EmailChangeTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task The_new_address_takes_effect_only_through_its_confirmation_link()
    {
        using var browser = factory.NewBrowser();
        var old = await browser.SignedInMemberAsync(factory);
        var id = await IdOfAsync(old);
        var next = AccountSteps.NewAddress("nouvelle");

        var asked = await ChangeEmail(browser, next, AccountSteps.Password);

        Assert.True(asked.Status == HttpStatusCode.Redirect, asked.ToString());
        Assert.Equal(old, await EmailOfAsync(id));
        var email = Assert.Single(await factory.EmailsToAsync(next));
        Assert.Equal(TextsFile.Fr("Email.ConfirmNewAddress.Subject"), email.Subject);
        var link = await factory.LinkAsync(next, "/account/confirm-email-change?");

        // A stranger (not signed in) cannot use the link.
        using var stranger = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync(link)).Status);
        Assert.Equal(old, await EmailOfAsync(id));

        var confirmed = await browser.GetAsync(link);
        Assert.True(confirmed.Status == HttpStatusCode.OK, confirmed.ToString());
        Assert.Equal(next, await EmailOfAsync(id));
        Assert.Contains(next, (await browser.GetAsync("/account/settings")).Text, StringComparison.Ordinal);
        Assert.Single(await factory.EmailsToAsync(old), e => e.Subject == TextsFile.Fr("Email.AddressChanged.Subject"));

        using var later = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.BadRequest, (await later.SignInAsync(old)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync(next)).Status);
    }

    [Fact]
    public async Task Changing_the_address_needs_the_password_and_a_valid_address()
    {
        using var browser = factory.NewBrowser();
        var old = await browser.SignedInMemberAsync(factory);
        var id = await IdOfAsync(old);
        var next = AccountSteps.NewAddress("nouvelle");

        var wrongPassword = await ChangeEmail(browser, next, "pas le bon mot de passe");
        var invalid = await ChangeEmail(browser, "pas-une-adresse", AccountSteps.Password);

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        Assert.Contains(TextsFile.Fr("Settings.WrongPassword"), wrongPassword.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(next, wrongPassword.FieldValue("EmailChange.NewEmail"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains(TextsFile.Fr("Validation.Email", TextsFile.Fr("Settings.NewEmail")), invalid.ErrorSummary, StringComparison.Ordinal);
        Assert.Empty(await factory.EmailsToAsync(next));
        Assert.Equal(old, await EmailOfAsync(id));
    }

    [Fact]
    public async Task A_link_for_one_member_does_not_work_for_another()
    {
        using var first = factory.NewBrowser();
        using var second = factory.NewBrowser();
        var firstAddress = await first.SignedInMemberAsync(factory);
        var secondAddress = await second.SignedInMemberAsync(factory);
        var firstId = await IdOfAsync(firstAddress);
        var secondId = await IdOfAsync(secondAddress);
        var next = AccountSteps.NewAddress("nouvelle");
        await ChangeEmail(first, next, AccountSteps.Password);
        var link = await factory.LinkAsync(next, "/account/confirm-email-change?");

        var page = await second.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(firstAddress, await EmailOfAsync(firstId));
        Assert.Equal(secondAddress, await EmailOfAsync(secondId));
    }

    [Fact]
    public async Task Asking_for_an_address_already_taken_answers_the_same_and_sends_nothing()
    {
        using var browser = factory.NewBrowser();
        using var other = factory.NewBrowser();
        var mine = await browser.SignedInMemberAsync(factory);
        var taken = await other.SignedInMemberAsync(factory);
        var id = await IdOfAsync(mine);
        var before = (await factory.EmailsToAsync(taken)).Count;

        var page = await ChangeEmail(browser, taken, AccountSteps.Password);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(before, (await factory.EmailsToAsync(taken)).Count);
        Assert.Equal(mine, await EmailOfAsync(id));
    }

    private Task<Guid> IdOfAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The member's sign-in address and user name, which must always agree.</summary>
    private async Task<string?> EmailOfAsync(Guid id)
    {
        var member = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(member.Email, member.UserName);
        return member.Email;
    }

    private static Task<WebPage> ChangeEmail(Browser browser, string address, string password) =>
        browser.FillAsync(
            "/account/settings",
            new Dictionary<string, string> { ["EmailChange.NewEmail"] = address, ["EmailChange.Password"] = password },
            "form[action*='handler=Email']");
}

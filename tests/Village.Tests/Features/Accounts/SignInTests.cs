using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Features.Accounts;

public sealed class SignInTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task An_unconfirmed_account_cannot_sign_in_and_only_the_right_password_learns_why()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();
        await browser.SignUpAsync(email);

        var rightPassword = await browser.SignInAsync(email);
        var wrongPassword = await browser.SignInAsync(email, "pas le bon mot de passe");

        Assert.Equal(HttpStatusCode.BadRequest, rightPassword.Status);
        Assert.Contains(TextsFile.Fr("SignIn.NeedsConfirmation"), rightPassword.ErrorSummary, StringComparison.Ordinal);
        Assert.NotNull(rightPassword.Document.QuerySelector("main a[href='/account/resend']"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        Assert.Contains(TextsFile.Fr("SignIn.Failed"), wrongPassword.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain(TextsFile.Fr("SignIn.NeedsConfirmation"), wrongPassword.Text, StringComparison.Ordinal);
        Assert.Null(wrongPassword.Document.QuerySelector("main a[href='/account/resend']"));
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Confirming_the_address_then_signing_in_works()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();
        await browser.SignUpAsync(email);

        var confirmed = await browser.ConfirmAsync(factory, email);
        Assert.True(await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
        var page = await browser.SignInAsync(email, returnUrl: "/account/settings");

        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/account/settings", page.Location);
        var settings = await browser.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.OK, settings.Status);
        Assert.Contains(email, settings.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_link_with_a_wrong_code_or_member_confirms_nothing()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();
        await browser.SignUpAsync(email);
        var link = await factory.LinkAsync(email, "/account/confirm?");
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        foreach (var bad in new[]
        {
            $"/account/confirm?userId={id}&code=AAAA",
            $"/account/confirm?userId={id}",
            $"/account/confirm?userId={Guid.NewGuid()}&code={link.Split("code=")[1]}",
            "/account/confirm?userId=banana&code=AAAA",
            "/account/confirm",
        })
        {
            var page = await browser.GetAsync(bad);
            Assert.True(page.Status == HttpStatusCode.BadRequest, $"{bad}: {page}");
        }

        Assert.False(await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task A_wrong_password_gets_the_same_answer_as_an_unknown_address()
    {
        using var member = factory.NewBrowser();
        var email = await member.SignedInMemberAsync(factory);
        using var browser = factory.NewBrowser();

        var known = await browser.SignInAsync(email, "pas le bon mot de passe");
        var unknown = await browser.SignInAsync(AccountSteps.NewAddress("personne"), "pas le bon mot de passe");

        Assert.Equal(HttpStatusCode.BadRequest, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(TextsFile.Fr("SignIn.Failed"), known.Document.QuerySelector(".error-summary li")?.TextContent.Trim());
        Assert.Equal(known.ErrorSummary, unknown.ErrorSummary);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var member = factory.NewBrowser();
        var email = await member.SignedInMemberAsync(factory);
        using var browser = factory.NewBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync(email, $"mauvais essai {attempt}")).Status);
        }

        var locked = await browser.SignInAsync(email);

        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Contains(TextsFile.Fr("SignIn.Failed"), locked.ErrorSummary, StringComparison.Ordinal);
        Assert.False(await browser.IsSignedInAsync());
        var lockoutEnd = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > TimeProvider.System.GetUtcNow().AddMinutes(10));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_needs_a_post()
    {
        using var browser = factory.NewBrowser();
        await browser.SignedInMemberAsync(factory);

        var get = await browser.GetAsync("/account/signout");
        Assert.True(await browser.IsSignedInAsync(), "A GET (a link, an image) must not sign anyone out.");
        var post = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, get.Status);
        Assert.True(post.Status == HttpStatusCode.Redirect, post.ToString());
        Assert.False(await browser.IsSignedInAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task Signing_in_never_redirects_to_another_site(string returnUrl)
    {
        using var member = factory.NewBrowser();
        var email = await member.SignedInMemberAsync(factory);
        using var browser = factory.NewBrowser();

        var page = await browser.SignInAsync(email, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/", page.Location);
    }

    [Theory]
    [InlineData("/account/settings")]
    [InlineData("/account/data")]
    [InlineData("/account/data?handler=Download")]
    [InlineData("/account/confirm-email-change?email=a%40example.org&code=x")]
    public async Task Member_pages_send_strangers_to_the_sign_in_page(string url)
    {
        using var browser = factory.NewBrowser();

        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/signin?ReturnUrl=", page.Location, StringComparison.Ordinal);
    }
}

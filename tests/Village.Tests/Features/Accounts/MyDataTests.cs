using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Features.Accounts;

public sealed class MyDataTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task The_export_holds_the_members_own_data_and_nobody_elses()
    {
        using var browser = factory.NewBrowser();
        using var other = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: "Dominique");
        var otherEmail = await other.SignedInMemberAsync(factory, displayName: "Quelqu'un d'autre");

        var page = await browser.GetAsync("/account/data?handler=Download");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("application/json", page.ContentType);
        Assert.Contains("attachment", page.Response.Content.Headers.ContentDisposition?.DispositionType ?? "", StringComparison.Ordinal);
        using var json = JsonDocument.Parse(page.Text);
        var root = json.RootElement;
        Assert.Equal(email, root.GetProperty("account").GetProperty("Email").GetString());
        Assert.True(root.GetProperty("account").GetProperty("EmailConfirmed").GetBoolean());
        Assert.Equal("Dominique", root.GetProperty("profile").GetProperty("DisplayName").GetString());
        Assert.Contains(root.GetProperty("account").GetProperty("roles").EnumerateArray(), r => r.GetString() == "parent");
        var emails = root.GetProperty("emails").EnumerateArray().ToList();
        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.Equal(email, e.GetProperty("ToAddress").GetString()));
        Assert.DoesNotContain(otherEmail, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quelqu'un d'autre", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_account_removes_the_member_the_profile_and_the_emails()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.NotEmpty(await factory.EmailsToAsync(email));

        var page = await Delete(browser, AccountSteps.Password, confirm: true);

        Assert.True(page.Status == HttpStatusCode.Redirect, page.ToString());
        Assert.Equal("/account/deleted", page.Location);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Id == id)));
        Assert.False(await factory.QueryAsync(db => db.Profiles.AnyAsync(p => p.MemberId == id)));
        Assert.False(await factory.QueryAsync(db => db.OutboxEmails.AnyAsync(e => e.MemberId == id)));
        Assert.False(await factory.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == id)));
        Assert.Empty(await factory.EmailsToAsync(email));
        Assert.False(await browser.IsSignedInAsync());
        var signIn = await browser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
        Assert.Contains(TextsFile.Fr("SignIn.Failed"), signIn.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_needs_the_password_and_the_confirmation()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);

        var wrongPassword = await Delete(browser, "pas le bon mot de passe", confirm: true);
        var notConfirmed = await Delete(browser, AccountSteps.Password, confirm: false);
        var banana = await browser.FillAsync(
            "/account/data",
            new Dictionary<string, string> { ["Delete.Password"] = AccountSteps.Password, ["Delete.Confirm"] = "banana" },
            "form[action*='handler=Delete']");

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        Assert.Contains(TextsFile.Fr("Settings.WrongPassword"), wrongPassword.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notConfirmed.Status);
        Assert.Contains(TextsFile.Fr("MyData.ConfirmRequired"), notConfirmed.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, banana.Status);
        Assert.NotNull(banana.ErrorSummary);
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.True(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Strangers_cannot_delete_or_download()
    {
        using var member = factory.NewBrowser();
        var email = await member.SignedInMemberAsync(factory);
        using var stranger = factory.NewBrowser();
        var form = await stranger.GetAsync("/account/signin");
        var token = form.Form().QuerySelector($"input[name='{Browser.AntiforgeryField}']")!.GetAttribute("value")!;

        var delete = await stranger.PostAsync("/account/data?handler=Delete", new Dictionary<string, string>
        {
            ["Delete.Password"] = AccountSteps.Password,
            ["Delete.Confirm"] = "true",
            [Browser.AntiforgeryField] = token,
        });
        var download = await stranger.GetAsync("/account/data?handler=Download");

        Assert.Equal(HttpStatusCode.Redirect, delete.Status);
        Assert.StartsWith("/account/signin", delete.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, download.Status);
        Assert.True(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    private static Task<WebPage> Delete(Browser browser, string password, bool confirm) =>
        browser.FillAsync(
            "/account/data",
            new Dictionary<string, string> { ["Delete.Password"] = password, ["Delete.Confirm"] = confirm ? "true" : "false" },
            "form[action*='handler=Delete']");
}

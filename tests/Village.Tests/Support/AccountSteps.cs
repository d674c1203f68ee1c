using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Web.Features.Accounts;
using Village.Web.Infrastructure.Email;

namespace Village.Tests.Support;

/// <summary>The account steps most tests start with, done the way a person does them: through the pages.</summary>
public static partial class AccountSteps
{
    public const string Password = "une phrase assez longue";

    /// <summary>An address no other test uses.</summary>
    public static string NewAddress(string who = "parent") => $"{who}-{Guid.NewGuid():N}@example.org";

    public static Dictionary<string, string> SignUpFields(string email, string password = Password, string displayName = "Camille") => new()
    {
        ["Input.DisplayName"] = displayName,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.AcceptPrivacy"] = "true",
        ["Input.AcceptRules"] = "true",
    };

    public static Task<WebPage> SignUpAsync(this Browser browser, string email, string password = Password, string displayName = "Camille") =>
        browser.FillAsync("/account/signup", SignUpFields(email, password, displayName));

    public static Task<WebPage> SignInAsync(this Browser browser, string email, string password = Password, string? returnUrl = null) =>
        browser.FillAsync(
            returnUrl is null ? "/account/signin" : $"/account/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task<WebPage> SignOutAsync(this Browser browser)
    {
        var page = await browser.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action='/account/signout']");
    }

    /// <summary>The emails queued for an address, oldest first.</summary>
    public static Task<List<OutboxEmail>> EmailsToAsync(this VillageFactory factory, string address) =>
        factory.QueryAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.ToAddress == address).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync());

    /// <summary>The site path of the newest link in emails to this address whose path starts with the prefix
    /// (e.g. "/account/confirm?"). Email links are absolute: http://localhost/...</summary>
    public static async Task<string> LinkAsync(this VillageFactory factory, string address, string pathPrefix)
    {
        var emails = await factory.EmailsToAsync(address);
        var links = emails.SelectMany(e => LinkPattern().Matches(e.TextBody).Select(m => m.Value))
            .Select(l => new Uri(l).PathAndQuery)
            .Where(l => l.StartsWith(pathPrefix, StringComparison.Ordinal))
            .ToList();
        Assert.True(links.Count > 0, $"No {pathPrefix} link in the {emails.Count} email(s) to {address}:\n{string.Join("\n---\n", emails.Select(e => e.TextBody))}");
        return links[^1];
    }

    public static async Task<WebPage> ConfirmAsync(this Browser browser, VillageFactory factory, string email)
    {
        var page = await browser.GetAsync(await factory.LinkAsync(email, "/account/confirm?"));
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        return page;
    }

    /// <summary>Signs up, confirms the address and signs in: a member ready to use the site.</summary>
    public static async Task<string> SignedInMemberAsync(this Browser browser, VillageFactory factory, string? email = null, string displayName = "Camille")
    {
        email ??= NewAddress();
        var signUp = await browser.SignUpAsync(email, displayName: displayName);
        Assert.True(signUp.Status == HttpStatusCode.Redirect, signUp.ToString());
        await browser.ConfirmAsync(factory, email);
        var signIn = await browser.SignInAsync(email);
        Assert.True(signIn.Status == HttpStatusCode.Redirect, signIn.ToString());
        return email;
    }

    /// <summary>A confirmed member with a staff role (moderator, administrator), signed in on a browser of its own.</summary>
    public static async Task<Browser> StaffAsync(this VillageFactory factory, string role)
    {
        var email = NewAddress(role);
        using (var scope = factory.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountCreation>()
                .CreateConfirmedAsync(email, Password, role, [role]);
            Assert.True(created.Succeeded);
        }

        var browser = factory.NewBrowser();
        await browser.SignInAsync(email);
        return browser;
    }

    /// <summary>Whether this browser currently holds a working sign-in (the settings page needs one).</summary>
    public static async Task<bool> IsSignedInAsync(this Browser browser) =>
        (await browser.GetAsync("/account/settings")).Status == HttpStatusCode.OK;

    [GeneratedRegex(@"http://localhost/[^\s""<>]+")]
    private static partial Regex LinkPattern();
}

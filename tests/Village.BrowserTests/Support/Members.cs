using System.Text.RegularExpressions;

namespace Village.BrowserTests.Support;

/// <summary>Account steps done the way a person does them, in the browser.</summary>
public static class Members
{
    public const string Password = "une phrase assez longue";

    /// <summary>An address no other test uses.</summary>
    public static string NewAddress(string who = "parent") => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>Fills and sends the sign-up form on the current page (/account/signup).</summary>
    public static async Task SubmitSignUpAsync(IPage page, string displayName, string email, string password = Password)
    {
        await page.Locator("#Input_DisplayName").FillAsync(displayName);
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("#Input_AcceptPrivacy").CheckAsync();
        await page.Locator("#Input_AcceptRules").CheckAsync();
        await ClickAndWaitForLoadAsync(page, page.Locator("form.stack button[type=submit]"));
        await ExpectPathAsync(page, "/account/check-email");
    }

    /// <summary>Signs in from /account/signin and waits for the home page.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        if (new Uri(page.Url).AbsolutePath != "/account/signin")
        {
            await page.GotoAsync("/account/signin");
        }

        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await ClickAndWaitForLoadAsync(page, page.Locator("form.stack button[type=submit]"));
        await ExpectPathAsync(page, "/");
    }

    /// <summary>Signs up in the browser, opens the confirmation link from the outbox and signs in.</summary>
    public static async Task<Guid> SignUpConfirmAndSignInAsync(IPage page, VillageServer server, string displayName, string email)
    {
        await page.GotoAsync("/account/signup");
        await SubmitSignUpAsync(page, displayName, email);
        await page.GotoAsync(await server.ConfirmationLinkAsync(email));
        await Assertions.Expect(page.Locator(".success")).ToBeVisibleAsync();
        await SignInAsync(page, email);
        return await server.MemberIdAsync(email);
    }

    /// <summary>Clicks a form's submit button and waits for the page it leads to, so that nothing is read from the
    /// page the form was on.</summary>
    public static Task SubmitAsync(IPage page, string button) =>
        ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));

    /// <summary>Waits until the page's address has this path (and any query).</summary>
    public static Task ExpectPathAsync(IPage page, string path) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+" + Regex.Escape(path) + @"(\?.*)?$"));

    /// <summary>Clicks and waits for the next document to be parsed (a form posted, a redirect followed). Waits on the
    /// page's own event, registered before the click, rather than on the address, which a same-address form repeats.</summary>
    public static async Task ClickAndWaitForLoadAsync(IPage page, ILocator target)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.DOMContentLoaded += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            page.DOMContentLoaded -= OnLoad;
        }
    }

    /// <summary>Picks a town in the profile's autocomplete: types the start, waits for the suggestion fetched from
    /// /api/towns, then chooses it (as picking from the list does: the field gets the exact label).</summary>
    public static async Task ChooseTownAsync(IPage page, string typed, string label)
    {
        var town = page.Locator("#Input_TownQuery");
        await town.ClearAsync();
        await town.PressSequentiallyAsync(typed, new LocatorPressSequentiallyOptions { Delay = 30 });
        await Assertions.Expect(page.Locator($"#town-options option[value=\"{label}\"]")).ToHaveCountAsync(1);
        await town.FillAsync(label);
    }
}

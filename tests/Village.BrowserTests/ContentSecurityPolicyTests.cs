using Village.BrowserTests.Support;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_main_pages_work_under_the_strict_content_security_policy_without_a_single_violation()
    {
        // A normal context: the app's CSP applies (no axe here, it would need an inline script).
        await using var journey = new Journey(app, output, "csp");
        var server = journey.Server;
        var page = await journey.NewPageAsync(bypassCsp: false);
        var problems = new List<string>();
        var messages = new List<string>();
        page.Console += (_, message) =>
        {
            var text = $"{message.Type}: {message.Text} ({page.Url})";
            messages.Add(text);
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(text);
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error} ({page.Url})");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} {request.Failure}");

        var header = (await page.GotoAsync("/"))!.Headers["content-security-policy"];
        output.WriteLine($"CSP: {header}");
        Assert.Contains("script-src 'self'", header, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", header, StringComparison.Ordinal);

        foreach (var path in new[] { "/account/signup", "/account/signin", "/account/forgot", "/account/resend", "/account/check-email" })
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
        }

        var email = Members.NewAddress("csp");
        var id = await Members.SignUpConfirmAndSignInAsync(page, server, "Claude", email);

        // The profile with its script at work: the autocomplete fetches suggestions from /api/towns.
        await page.GotoAsync("/profile");
        await Members.ChooseTownAsync(page, "Nam", "Namur (BE)");
        await page.GetByLabel("Me rendre visible").CheckAsync();
        await Members.SubmitAsync(page, "Enregistrer");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-position]").IsVisibleAsync(), "site.js ran: the position button is shown.");

        foreach (var path in new[] { "/", "/profile/children", $"/parents/{id}", "/account/settings", "/account/data", "/privacy", "/rules", "/about-data" })
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
        }

        foreach (var message in messages)
        {
            output.WriteLine(message);
        }

        Assert.True(problems.Count == 0, "CSP violations or page errors:\n" + string.Join("\n", problems));
        journey.AssertClean();
    }
}

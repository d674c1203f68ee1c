using System.Net;
using Village.Tests.Support;

namespace Village.Tests.Infrastructure.Security;

public sealed class SecurityHeadersTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    public static readonly TheoryData<string> Pages = new()
    {
        "/account/signin",
        "/account/signup",
        "/account/forgot",
        "/account/resend",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_carry_a_strict_content_security_policy(string url)
    {
        using var browser = factory.NewBrowser();
        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var policy = Assert.Single(page.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(page.Response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_have_no_inline_script_or_style_that_the_policy_would_block(string url)
    {
        using var browser = factory.NewBrowser();
        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var inlineScripts = page.Document.QuerySelectorAll("script:not([src])").Where(s => s.TextContent.Trim().Length > 0 && s.GetAttribute("nonce") is null);
        Assert.Empty(inlineScripts.Select(s => s.OuterHtml));
        Assert.Empty(page.Document.QuerySelectorAll("[style]").Select(e => e.OuterHtml));
        Assert.Empty(page.Document.QuerySelectorAll("style:not([nonce])").Select(e => e.OuterHtml));
        var handlers = page.Document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(handlers.Select(a => $"{a.Name}={a.Value}"));
    }

    [Fact]
    public async Task The_health_check_and_the_api_also_carry_the_headers()
    {
        using var browser = factory.NewBrowser();
        foreach (var url in new[] { "/healthz", "/api/towns?q=par" })
        {
            var page = await browser.GetAsync(url);
            Assert.True(page.Response.Headers.Contains("Content-Security-Policy"), url);
            Assert.Equal("nosniff", Assert.Single(page.Response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync("/account/signin");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var email = AccountSteps.NewAddress();

        var page = await browser.PostAsync("/account/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AccountSteps.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused()
    {
        using var attacker = factory.NewBrowser();
        using var victim = factory.NewBrowser();
        var attackerForm = await attacker.GetAsync("/account/signup");
        var token = attackerForm.Form().QuerySelector($"input[name='{Browser.AntiforgeryField}']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));
        await victim.GetAsync("/account/signup");
        var email = AccountSteps.NewAddress();

        var fields = AccountSteps.SignUpFields(email);
        fields[Browser.AntiforgeryField] = token!;
        var page = await victim.PostAsync("/account/signup", fields);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, await factory.QueryAsync(db => Task.FromResult(db.Users.Count(u => u.Email == email))));
    }

    [Fact]
    public async Task Every_posting_form_carries_an_antiforgery_token()
    {
        using var member = factory.NewBrowser();
        using var stranger = factory.NewBrowser();
        await member.SignedInMemberAsync(factory);
        foreach (var (browser, url) in new[]
        {
            (member, "/account/settings"), (member, "/account/data"),
            (stranger, "/account/signin"), (stranger, "/account/signup"), (stranger, "/account/forgot"),
        })
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var forms = page.Document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(forms);
            foreach (var form in forms)
            {
                Assert.True(
                    form.QuerySelector($"input[name='{Browser.AntiforgeryField}']") is not null,
                    $"{url}: this form has no antiforgery token, so posting it always fails:\n{form.OuterHtml}");
            }
        }
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        var email = AccountSteps.NewAddress();
        using (var signUp = factory.NewBrowser())
        {
            await signUp.SignUpAsync(email);
            await signUp.ConfirmAsync(factory, email);
        }

        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync("/account/signin");
        var cookies = form.Response.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : [];
        var signIn = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = AccountSteps.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        cookies.AddRange(signIn.Response.Headers.GetValues("Set-Cookie"));

        var session = Assert.Single(cookies, c => c.StartsWith("village=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("village.af=", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}

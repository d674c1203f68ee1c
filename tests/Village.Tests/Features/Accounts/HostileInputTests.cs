using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;

namespace Village.Tests.Features.Accounts;

/// <summary>Whatever people (or robots) type, the answer is a 4xx with a message in French, what they typed comes back
/// safely encoded, and nothing breaks (never a 500).</summary>
public sealed class HostileInputTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private const string Script = "<script>alert(1)</script>";

    /// <summary>Values by name, so test names stay readable and serializable.</summary>
    private static readonly Dictionary<string, string> Values = new()
    {
        ["script"] = Script,
        ["sql"] = "'; DROP TABLE \"AspNetUsers\";--",
        ["long"] = new string('x', 100 * 1024),
        ["rtl"] = "\u202Egnp.exe\u202C Camille",
        ["zwj"] = "Ca\u200Dmi\u200Cl\u200Ble",
        ["emoji"] = "👨‍👩‍👧‍👦 Famille 🎈",
        ["nul"] = "Cam\0ille",
        ["surrogate"] = "Cam\uD800ille",
        ["quote"] = "\"><img src=x onerror=alert(1)>",
    };

    /// <summary>ASP.NET Core refuses to read a form holding a NUL character at all, so the page never runs: the
    /// answer is then the site's French "bad request" page rather than the form with its errors.</summary>
    private const string Unreadable = "nul";

    /// <summary>Values that must come back exactly as typed in the re-shown form.</summary>
    private static readonly HashSet<string> KeptExactly = ["script", "sql", "long", "rtl", "zwj", "emoji", "quote"];

    public static TheoryData<string> Kinds => [.. Values.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hostile_display_name_with_an_invalid_address_is_refused_in_French_and_kept(string kind)
    {
        using var browser = factory.NewBrowser();
        var fields = AccountSteps.SignUpFields("pas-une-adresse", displayName: Values[kind]);

        var page = await browser.FillAsync("/account/signup", fields);

        if (kind == Unreadable)
        {
            AssertUnreadableFormRefused(page);
            return;
        }

        AssertPolitelyRefused(page);
        Assert.Contains(TextsFile.Fr("Validation.Email", TextsFile.Fr("SignUp.Email")), page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("pas-une-adresse", page.FieldValue("Input.Email"));
        if (KeptExactly.Contains(kind))
        {
            Assert.Equal(Values[kind], page.FieldValue("Input.DisplayName"));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hostile_address_is_refused_in_French_on_every_account_form(string kind)
    {
        var value = Values[kind];
        using var browser = factory.NewBrowser();
        var forms = new (string Url, Dictionary<string, string> Fields)[]
        {
            ("/account/signup", AccountSteps.SignUpFields(value, displayName: "Camille")),
            ("/account/signin", new() { ["Input.Email"] = value, ["Input.Password"] = AccountSteps.Password }),
            ("/account/forgot", new() { ["Input.Email"] = value }),
            ("/account/resend", new() { ["Input.Email"] = value }),
        };

        foreach (var (url, fields) in forms)
        {
            var page = await browser.FillAsync(url, fields);
            if (kind == Unreadable)
            {
                AssertUnreadableFormRefused(page, url);
                continue;
            }

            AssertPolitelyRefused(page, url);
            Assert.True(
                page.ErrorSummary!.Contains(TextsFile.Fr("Validation.Email", TextsFile.Fr("SignUp.Email")), StringComparison.Ordinal)
                || page.ErrorSummary.Contains(TextsFile.Fr("Validation.MaxLength", TextsFile.Fr("SignUp.Email"), 256), StringComparison.Ordinal),
                $"{url}: {page.ErrorSummary}");
            if (KeptExactly.Contains(kind))
            {
                Assert.Equal(value, page.FieldValue("Input.Email"));
            }
        }

        Assert.True(await factory.QueryAsync(db => db.Users.CountAsync()) >= 0, "The members table is still there.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hostile_password_never_breaks_the_forms(string kind)
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();

        var signIn = await browser.FillAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Values[kind] });

        if (kind == Unreadable)
        {
            AssertUnreadableFormRefused(signIn);
            return;
        }

        AssertPolitelyRefused(signIn);
        Assert.True(string.IsNullOrEmpty(signIn.FieldValue("Input.Password")), "A password is never sent back.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_unusual_display_name_with_a_valid_address_is_stored_as_typed_or_refused_politely(string kind)
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();

        var page = await browser.SignUpAsync(email, displayName: Values[kind]);

        Assert.True((int)page.Status is 302 or 400, $"{kind}: {page}");
        if (kind == Unreadable)
        {
            AssertUnreadableFormRefused(page);
            Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        }
        else if (page.Status == HttpStatusCode.BadRequest)
        {
            AssertPolitelyRefused(page);
            Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        }
        else
        {
            var stored = await factory.QueryAsync(db => db.Profiles.Where(p => p.Member.Email == email).Select(p => p.DisplayName).SingleAsync());
            Assert.True(kind != "long", "A 100 KB display name must be refused.");
            if (KeptExactly.Contains(kind))
            {
                Assert.Equal(Values[kind].Trim(), stored);
            }
        }
    }

    [Fact]
    public async Task A_word_where_a_yes_or_no_is_expected_is_refused_in_French()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();

        var signIn = await browser.FillAsync("/account/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AccountSteps.Password,
            ["Input.RememberMe"] = "banana",
        });
        var fields = AccountSteps.SignUpFields(email, displayName: "Camille");
        fields["Input.AcceptPrivacy"] = "maybe";
        fields["Input.IsProfessional"] = "oui";
        var signUp = await browser.FillAsync("/account/signup", fields);

        AssertPolitelyRefused(signIn);
        Assert.Contains(TextsFile.Fr("Validation.Invalid", "banana", TextsFile.Fr("SignIn.RememberMe")), signIn.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(email, signIn.FieldValue("Input.Email"));
        AssertPolitelyRefused(signUp);
        Assert.Contains(TextsFile.Fr("Validation.Invalid", "maybe", TextsFile.Fr("SignUp.AcceptPrivacy")), signUp.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Camille", signUp.FieldValue("Input.DisplayName"));
        Assert.Equal(email, signUp.FieldValue("Input.Email"));
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Missing_and_repeated_fields_are_refused_politely()
    {
        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync("/account/signup");
        var token = form.Form().QuerySelector($"input[name='{Browser.AntiforgeryField}']")!.GetAttribute("value")!;

        var empty = await browser.PostAsync("/account/signup", [new(Browser.AntiforgeryField, token)]);
        var repeated = await browser.PostAsync("/account/signup",
        [
            new(Browser.AntiforgeryField, token),
            new("Input.Email", "a@example.org"),
            new("Input.Email", "b@example.org"),
            new("Input.DisplayName", "Camille"),
            new("Input.Password", AccountSteps.Password),
            new("Input.AcceptPrivacy", "true"),
            new("Input.AcceptPrivacy", "false"),
            new("Input.AcceptRules", "true"),
        ]);

        AssertPolitelyRefused(empty);
        Assert.Contains(TextsFile.Fr("Validation.Required", TextsFile.Fr("SignUp.DisplayName")), empty.ErrorSummary, StringComparison.Ordinal);
        Assert.True((int)repeated.Status is 302 or 400, repeated.ToString());
    }

    private static void AssertUnreadableFormRefused(WebPage page, string? where = null)
    {
        var context = $"{where ?? page.Url.PathAndQuery}: {page}";
        Assert.True(page.Status == HttpStatusCode.BadRequest, context);
        Assert.Equal("fr", page.Lang);
        Assert.Equal(TextsFile.Fr("Error.BadRequest.Title"), page.Document.QuerySelector("main h1")?.TextContent.Trim());
    }

    private static void AssertPolitelyRefused(WebPage page, string? where = null)
    {
        var context = $"{where ?? page.Url.PathAndQuery}: {page}";
        Assert.True((int)page.Status is >= 400 and < 500, context);
        Assert.True(page.ErrorSummary is { Length: > 0 }, $"No error summary. {context}");
        Assert.Equal("fr", page.Lang);
        Assert.DoesNotContain("Validation.", page.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("The value", page.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("is invalid", page.ErrorSummary, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page.Text, StringComparison.Ordinal);
    }
}

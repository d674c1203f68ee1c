using System.Net;
using Village.Tests.Support;

namespace Village.Tests.Infrastructure.Security;

/// <summary>A factory whose account forms take only three posts a minute.</summary>
public sealed class StrictRateLimitFactory : VillageFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Security:AccountAttemptsPerMinute"] = "3",
    };
}

public sealed class RateLimitingTests(StrictRateLimitFactory factory) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task The_fourth_sign_in_attempt_in_a_minute_is_refused_but_reading_the_form_is_not()
    {
        using var browser = factory.NewBrowser();
        var form = await browser.GetAsync("/account/signin");
        var fields = new Dictionary<string, string> { ["Input.Email"] = AccountSteps.NewAddress(), ["Input.Password"] = "pas le bon mot de passe" };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var page = await browser.SubmitAsync(form, fields);
            Assert.True(page.Status == HttpStatusCode.BadRequest, $"attempt {attempt}: {page}");
        }

        var refused = await browser.SubmitAsync(form, fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("fr", refused.Lang);
        Assert.Equal(TextsFile.Fr("Error.TooMany.Title"), refused.Document.QuerySelector("main h1")?.TextContent.Trim());

        for (var read = 0; read < 10; read++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/signin")).Status);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/signup")).Status);
        }

        // The limit is per address and covers every account form, so switching forms does not help.
        var other = await browser.FillAsync("/account/forgot", new Dictionary<string, string> { ["Input.Email"] = AccountSteps.NewAddress() });
        Assert.Equal(HttpStatusCode.TooManyRequests, other.Status);
    }
}

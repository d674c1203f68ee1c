using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Infrastructure.Email;

namespace Village.Tests.Infrastructure.Email;

/// <summary>The app talking to a real SMTP server started for the test.</summary>
public sealed class SmtpFactory : VillageFactory
{
    public SmtpServer Smtp { get; } = SmtpServer.StartAsync().GetAwaiter().GetResult();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

public sealed partial class EmailDeliveryTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    [Fact]
    public async Task A_confirmation_reaches_a_real_smtp_server_in_two_parts_in_the_recipients_language()
    {
        using var browser = factory.NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var email = AccountSteps.NewAddress();
        await browser.SignUpAsync(email);

        Assert.Equal(1, await factory.SendOutboxAsync());

        var raw = Assert.Single(factory.Smtp.Received(), m => m.Contains(email, StringComparison.Ordinal));
        var message = MimeMessage.Parse(raw);
        Assert.Equal(TextsFile.En("Email.ConfirmAddress.Subject"), message.Header("Subject"));
        Assert.Contains("Village", message.Header("From"), StringComparison.Ordinal);
        Assert.Contains("bonjour@village.local", message.Header("From"), StringComparison.Ordinal);
        Assert.Contains(email, message.Header("To"), StringComparison.Ordinal);
        Assert.Contains("multipart/alternative", message.Header("Content-Type"), StringComparison.OrdinalIgnoreCase);
        var text = message.Parts["text/plain"];
        var html = message.Parts["text/html"];
        Assert.Contains(TextsFile.En("Email.ConfirmAddress.Body1"), text, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(TextsFile.En("Email.ConfirmAddress.Action")), html, StringComparison.Ordinal);

        var link = new Uri(ConfirmLink().Match(text).Value);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link.ToString())}\"", html, StringComparison.Ordinal);
        var confirmed = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
    }

    [Fact]
    public async Task Two_senders_sharing_the_database_never_send_an_email_twice()
    {
        var marker = Guid.NewGuid().ToString("N");
        using (var scope = factory.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < 30; i++)
            {
                outbox.Add($"twice-{i}-{marker}@example.org", new EmailMessage($"Test {i}", "Bonjour,", ["Un message."], "Village"));
            }

            await scope.ServiceProvider.GetRequiredService<Web.Data.VillageDb>().SaveChangesAsync();
        }

        var first = factory.Services.GetRequiredService<OutboxSender>();
        var second = ActivatorUtilities.CreateInstance<OutboxSender>(factory.Services);
        int sent;
        do
        {
            var counts = await Task.WhenAll(first.SendDueAsync(CancellationToken.None), second.SendDueAsync(CancellationToken.None));
            sent = counts.Sum();
        }
        while (sent > 0);

        var received = factory.Smtp.Received().Where(m => m.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(30, received.Count);
        Assert.Equal(30, received.Select(m => MimeMessage.Parse(m).Header("To")).Distinct().Count());
        Assert.Equal(30, await factory.QueryAsync(db => db.OutboxEmails.CountAsync(e => e.ToAddress.Contains(marker) && e.SentAt != null && e.Attempts == 1)));
    }

    [GeneratedRegex(@"http://localhost/account/confirm\?\S+")]
    private static partial Regex ConfirmLink();
}

/// <summary>The app with an SMTP server that is not there.</summary>
public sealed class UnreachableSmtpFactory : VillageFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Email:Delivery"] = "Smtp",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = SmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class EmailRetryTests(UnreachableSmtpFactory factory) : IClassFixture<UnreachableSmtpFactory>
{
    [Fact]
    public async Task An_email_the_server_refuses_is_retried_later_then_given_up_after_the_last_attempt()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();
        await browser.SignUpAsync(email);

        Assert.Equal(1, await factory.SendOutboxAsync());

        var queued = Assert.Single(await factory.EmailsToAsync(email));
        Assert.Null(queued.SentAt);
        Assert.Null(queued.FailedAt);
        Assert.Equal(1, queued.Attempts);
        Assert.False(string.IsNullOrEmpty(queued.LastError));
        Assert.True(queued.NextAttemptAt >= queued.CreatedAt.AddSeconds(59), $"Retried too soon: {queued.NextAttemptAt:O} after {queued.CreatedAt:O}.");
        Assert.Equal(0, await factory.SendOutboxAsync());

        var maxAttempts = new EmailOptions().MaxAttempts;
        for (var attempt = 2; attempt <= maxAttempts; attempt++)
        {
            // Time passes: the retry falls due.
            await factory.QueryAsync(db => db.OutboxEmails.Where(e => e.Id == queued.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, queued.CreatedAt.AddDays(-1))));
            Assert.Equal(1, await factory.SendOutboxAsync());
        }

        var given = Assert.Single(await factory.EmailsToAsync(email));
        Assert.Equal(maxAttempts, given.Attempts);
        Assert.NotNull(given.FailedAt);
        Assert.Null(given.SentAt);
        await factory.QueryAsync(db => db.OutboxEmails.Where(e => e.Id == queued.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, queued.CreatedAt.AddDays(-1))));
        Assert.Equal(0, await factory.SendOutboxAsync());
    }
}

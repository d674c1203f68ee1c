using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;

namespace Village.Web.Infrastructure.Email;

/// <summary>Sends the outbox in the background, retrying with growing delays. Each email is leased before it is
/// sent, so several app instances sharing one database never send it twice.</summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The outbox sender failed; it will try again.");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one batch of due emails and returns how many it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails
            .Where(e => e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now && (e.LeasedUntil == null || e.LeasedUntil < now))
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => e.Id)
            .Take(20)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in due)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.OutboxEmails
                .Where(e => e.Id == id && e.SentAt == null && (e.LeasedUntil == null || e.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeasedUntil, leaseEnd), cancellationToken);
            if (claimed == 1)
            {
                await SendOneAsync(db, id, cancellationToken);
                handled++;
            }
        }

        return handled;
    }

    private async Task SendOneAsync(VillageDb db, Guid id, CancellationToken cancellationToken)
    {
        var email = await db.OutboxEmails.SingleAsync(e => e.Id == id, cancellationToken);
        email.Attempts++;
        email.LeasedUntil = null;
        try
        {
            await transport.SendAsync(email, cancellationToken);
            email.SentAt = clock.GetUtcNow().UtcDateTime;
            email.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Email {Id} could not be sent (attempt {Attempt}).", email.Id, email.Attempts);
            email.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            var now = clock.GetUtcNow().UtcDateTime;
            if (email.Attempts >= options.Value.MaxAttempts)
            {
                email.FailedAt = now;
            }
            else
            {
                // 1, 4, 16, 64... minutes: a short outage heals quickly, a long one does not flood the server.
                email.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Pow(4, email.Attempts - 1));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

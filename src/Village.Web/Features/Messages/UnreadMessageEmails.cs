using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Moderation;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Jobs;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Messages;

/// <summary>Emails a parent who has messages from others unread for more than <see cref="MessagesOptions.EmailAfterMinutes"/>:
/// one email per batch (what came since the last email), in the parent's language, through the outbox. The email says
/// neither who wrote nor what (a phone may be shared): only that messages wait, and a link to /messages. Each
/// conversation's batch is claimed by a conditional update of <see cref="ConversationMember.EmailedAt"/> in the same
/// transaction as the email, so two instances never both send it. A parent who read in time gets nothing.</summary>
public sealed class UnreadMessageEmails(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<MessagesOptions> options,
    ILogger<UnreadMessageEmails> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.EmailInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    /// <summary>Queues the emails due now; returns how many parents were emailed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var before = now.AddMinutes(-options.Value.EmailAfterMinutes);
        List<Due> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
            // A batch is due when a message from someone else, unread, older than the delay, came after the last email.
            due = await db.ConversationMembers.AsNoTracking()
                .Where(cm => db.Messages.Any(m => m.ConversationId == cm.ConversationId && m.Sequence > cm.ReadSequence
                    && m.AuthorId != cm.MemberId && m.Moderation == ModerationState.Visible
                    && m.CreatedAt <= before && (cm.EmailedAt == null || m.CreatedAt > cm.EmailedAt)))
                .OrderBy(cm => cm.MemberId)
                .Select(cm => new Due(cm.MemberId, cm.ConversationId, cm.EmailedAt))
                .Take(options.Value.EmailBatch)
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var member in due.GroupBy(d => d.MemberId))
        {
            if (await SendAsync(member.Key, [.. member], now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(Guid memberId, IReadOnlyList<Due> batches, DateTime now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = 0;
        foreach (var batch in batches)
        {
            claimed += await db.ConversationMembers
                .Where(cm => cm.ConversationId == batch.ConversationId && cm.MemberId == memberId && cm.EmailedAt == batch.EmailedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(cm => cm.EmailedAt, now), cancellationToken);
        }

        var to = await db.Users.AsNoTracking().Where(u => u.Id == memberId && u.Email != null)
            .Select(u => new { Email = u.Email!, u.PreferredCulture }).FirstOrDefaultAsync(cancellationToken);
        if (claimed == 0 || to is null)
        {
            // Another instance sent it, or the parent has no address: the claim (if any) stands, nothing is sent.
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var t = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Texts>>();
        var site = scope.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value.SiteUrl.TrimEnd('/');
        using (new CultureScope(to.PreferredCulture))
        {
            var message = new EmailMessage(t["MessageEmail.Subject"], t["Email.Greeting"], [t["MessageEmail.Body1"], t["MessageEmail.Body2"]], t["Email.Footer"])
            {
                ActionLabel = t["MessageEmail.Action"],
                ActionUrl = $"{site}/messages",
                Culture = to.PreferredCulture,
            };
            scope.ServiceProvider.GetRequiredService<Outbox>().Add(to.Email, message, memberId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private sealed record Due(Guid MemberId, Guid ConversationId, DateTime? EmailedAt);
}

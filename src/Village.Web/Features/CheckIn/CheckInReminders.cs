using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Jobs;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.CheckIn;

/// <summary>Sends the "check in again in two weeks" reminders that parents asked for. The email is neutral on purpose (a
/// phone may be shared): "your Village reminder", a link to the home page, not a word about a check-in, mood or
/// loneliness. Each reminder goes once: claimed by a conditional update of <see cref="CheckInReminder.SentAt"/> in the
/// same transaction as its email, so two instances never both send it.</summary>
public sealed class CheckInReminders(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<CheckInOptions> options,
    ILogger<CheckInReminders> logger) : PeriodicJob(clock, logger)
{
    /// <summary>The reminder comes this long after the check-in.</summary>
    public static readonly TimeSpan After = TimeSpan.FromDays(14);

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    /// <summary>Queues the reminders due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
            due = await db.CheckInReminders.AsNoTracking().Where(r => r.SentAt == null && r.DueAt <= now)
                .OrderBy(r => r.DueAt).Select(r => r.MemberId).Take(200).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var memberId in due)
        {
            if (await SendAsync(memberId, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(Guid memberId, DateTime now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.CheckInReminders.Where(r => r.MemberId == memberId && r.SentAt == null && r.DueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, now), cancellationToken);
        var to = await db.Users.AsNoTracking().Where(u => u.Id == memberId && u.Email != null)
            .Select(u => new { Email = u.Email!, u.PreferredCulture }).FirstOrDefaultAsync(cancellationToken);
        if (claimed == 0 || to is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var t = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Texts>>();
        var site = scope.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value.SiteUrl.TrimEnd('/');
        using (new CultureScope(to.PreferredCulture))
        {
            var message = new EmailMessage(t["CheckIn.Email.Subject"], t["Email.Greeting"], [t["CheckIn.Email.Body"]], t["Email.Footer"])
            {
                ActionLabel = t["CheckIn.Email.Action"],
                ActionUrl = $"{site}/",
                Culture = to.PreferredCulture,
            };
            scope.ServiceProvider.GetRequiredService<Outbox>().Add(to.Email, message, memberId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

public sealed class CheckInOptions
{
    /// <summary>How often the reminders job looks for reminders due.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Outings;
using Village.Web.Infrastructure.Jobs;

namespace Village.Web.Features.HelpCalendars;

/// <summary>Reminds a helper of their turn the day before at 18:00 in the calendar's time zone, through the email
/// outbox. Each reminder goes at most once: it is claimed with a conditional update of ReminderSentAt in the same
/// transaction as its email. Never for a cancelled turn, a closed calendar or a removed helper.</summary>
public sealed class HelpReminders(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<HelpGuestOptions> options,
    ILogger<HelpReminders> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    /// <summary>Queues every reminder due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        // The eve's 18:00 is at most 31 hours before a turn (a 23:59 start, a clock change).
        var soon = now.AddHours(32);
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
            var candidates = await db.HelpTurns.AsNoTracking()
                .Where(x => x.HelperId != null && x.ReminderSentAt == null && !x.IsCancelled && x.StartsAt > now && x.StartsAt <= soon)
                .Join(db.HelpCalendars, x => x.CalendarId, c => c.Id, (x, c) => new { x.Id, x.StartsAt, c.TimeZone, c.Status })
                .Where(x => x.Status == HelpCalendarStatus.Open)
                .ToListAsync(cancellationToken);
            due = [.. candidates
                .Where(c => OutingSchedule.DayBeforeReminderAt(c.StartsAt, c.TimeZone) <= now
                    && OutingSchedule.ToLocal(c.StartsAt, c.TimeZone).Date > OutingSchedule.ToLocal(now, c.TimeZone).Date)
                .Select(c => c.Id)];
        }

        var sent = 0;
        foreach (var turnId in due)
        {
            if (await SendAsync(turnId, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(Guid turnId, DateTime now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.HelpTurns
            .Where(x => x.Id == turnId && x.ReminderSentAt == null && x.HelperId != null && !x.IsCancelled
                && db.HelpHelpers.Any(h => h.Id == x.HelperId && h.RemovedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var found = await db.HelpTurns.AsNoTracking().Where(x => x.Id == turnId)
            .Join(db.HelpNeeds, x => x.NeedId, n => n.Id, (x, n) => new { Turn = x, Need = n })
            .Join(db.HelpCalendars, x => x.Turn.CalendarId, c => c.Id, (x, c) => new { x.Turn, x.Need, Calendar = c })
            .Join(db.HelpHelpers, x => x.Turn.HelperId, h => h.Id, (x, h) => new { x.Turn, x.Need, x.Calendar, Helper = h })
            .SingleAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<HelpGuests>().Reminder(found.Calendar, found.Helper, found.Need, found.Turn);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

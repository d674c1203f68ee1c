using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Infrastructure.Jobs;

namespace Village.Web.Features.Outings;

/// <summary>Reminds families going to an outing: the day before at 18:00 and, for those who asked, the morning of at
/// 07:30, in the outing's time zone, through the email outbox. Each reminder goes at most once: it is claimed with a
/// conditional update of its *SentAt column in the same transaction as its email, so two instances cannot both send
/// it. Never for a cancelled date. Once a day it also adds the coming dates of recurring outings.</summary>
public sealed class OutingReminders(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<OutingOptions> options,
    ILogger<OutingReminders> logger) : PeriodicJob(clock, logger)
{
    private DateOnly? toppedUpOn;

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    /// <summary>Once a day, tops up recurring outings; every round, sends the reminders due.</summary>
    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        if (toppedUpOn != today)
        {
            await TopUpAsync(cancellationToken);
            toppedUpOn = today;
        }

        await SendDueAsync(cancellationToken);
    }

    /// <summary>Adds the coming weeks' dates of every recurring outing still running.</summary>
    public async Task<int> TopUpAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        return await OutingDates.TopUpAllAsync(db, Clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>Queues every reminder due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        // The eve's 18:00 is at most 31 hours before a date (a 23:59 start, a clock change); 07:30 at most 17 hours.
        var soon = now.AddHours(32);
        List<Due> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
            var candidates = await db.OutingParticipations.AsNoTracking()
                .Where(p => p.Status == ParticipationStatus.Going && (p.DayBeforeReminderSentAt == null || (p.WantsMorningReminder && p.MorningReminderSentAt == null)))
                .Join(db.OutingOccurrences, p => p.OccurrenceId, o => o.Id, (p, o) => new { p, o })
                .Where(x => !x.o.IsCancelled && x.o.StartsAt > now && x.o.StartsAt <= soon)
                .Join(db.Outings, x => x.o.OutingId, o => o.Id, (x, o) => new { x.p, x.o, Outing = o })
                .Where(x => x.Outing.Status == OutingStatus.Scheduled)
                .ToListAsync(cancellationToken);
            due = [];
            foreach (var c in candidates)
            {
                // The organiser knows: no reminder for their own outing.
                if (c.p.MemberId == c.Outing.OrganizerId)
                {
                    continue;
                }

                if (c.p.DayBeforeReminderSentAt is null && OutingSchedule.DayBeforeReminderAt(c.o.StartsAt, c.Outing.TimeZone) <= now
                    && OutingSchedule.ToLocal(c.o.StartsAt, c.Outing.TimeZone).Date > OutingSchedule.ToLocal(now, c.Outing.TimeZone).Date)
                {
                    due.Add(new Due(c.p.Id, "DayBefore", c.Outing, c.o.StartsAt, c.p.MemberId));
                }

                if (c.p.WantsMorningReminder && c.p.MorningReminderSentAt is null && OutingSchedule.MorningReminderAt(c.o.StartsAt, c.Outing.TimeZone) <= now)
                {
                    due.Add(new Due(c.p.Id, "Morning", c.Outing, c.o.StartsAt, c.p.MemberId));
                }
            }
        }

        var sent = 0;
        foreach (var reminder in due)
        {
            if (await SendAsync(reminder, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(Due reminder, DateTime now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = reminder.Kind == "DayBefore"
            ? await db.OutingParticipations.Where(p => p.Id == reminder.ParticipationId && p.DayBeforeReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DayBeforeReminderSentAt, now), cancellationToken)
            : await db.OutingParticipations.Where(p => p.Id == reminder.ParticipationId && p.MorningReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.MorningReminderSentAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        await scope.ServiceProvider.GetRequiredService<OutingEmails>().ReminderAsync(reminder.Kind, reminder.Outing, reminder.StartsAt, reminder.MemberId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private sealed record Due(Guid ParticipationId, string Kind, Outing Outing, DateTime StartsAt, Guid MemberId);
}

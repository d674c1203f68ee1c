using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Jobs;

namespace Village.Web.Features.Newsletter;

/// <summary>Composes the newsletters that fell due and queues one email per subscribed member, in the same
/// transaction as the issue's row. That row is unique per community and period: when several app instances run,
/// the second one's insert fails, its transaction rolls back, and nobody gets the issue twice.</summary>
public sealed class NewsletterSender(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NewsletterOptions> options,
    ILogger<NewsletterSender> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => RunDueAsync(cancellationToken);

    /// <summary>Handles every community whose issue is due now; returns how many issues it recorded (sent or skipped).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        List<(Guid Id, DateOnly Period)> due = [];
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
            var communities = await db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Approved).Select(c => c.Id).ToListAsync(cancellationToken);
            var settings = await db.NewsletterSettings.AsNoTracking()
                .Select(s => new { s.CommunityId, s.Frequency, s.Weekday })
                .ToDictionaryAsync(s => s.CommunityId, cancellationToken);
            var recent = now.AddDays(-45);
            var lastSent = (await db.NewsletterIssues.AsNoTracking().Where(i => i.CoveredUntil >= recent)
                    .Select(i => new { i.CommunityId, i.CoveredUntil }).ToListAsync(cancellationToken))
                .GroupBy(i => i.CommunityId)
                .ToDictionary(g => g.Key, g => DateOnly.FromDateTime(g.Max(i => i.CoveredUntil)));
            foreach (var id in communities)
            {
                var (frequency, weekday) = settings.TryGetValue(id, out var s) ? (s.Frequency, s.Weekday) : (NewsletterFrequency.Weekly, NewsletterSchedule.DefaultWeekday);
                var last = lastSent.TryGetValue(id, out var sent) ? sent : (DateOnly?)null;
                if (NewsletterSchedule.Due(frequency, weekday, now, options.Value.SendHourUtc, last) is { } day)
                {
                    due.Add((id, day));
                }
            }
        }

        var issued = 0;
        foreach (var (id, day) in due)
        {
            if (await IssueAsync(id, day, now, cancellationToken))
            {
                issued++;
            }
        }

        return issued;
    }

    /// <summary>Composes and records one period's issue; false when it was already issued (by this or another instance).</summary>
    internal async Task<bool> IssueAsync(Guid communityId, DateOnly day, DateTime now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<VillageDb>();
        var period = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (await db.NewsletterIssues.AnyAsync(i => i.CommunityId == communityId && i.Period == period, cancellationToken))
        {
            return false;
        }

        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new NewsletterCommunity(c.Id, c.Slug, c.Name)).SingleAsync(cancellationToken);
        var settings = await db.NewsletterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == communityId, cancellationToken);
        var note = settings?.Note ?? "";
        var since = await PreviousIssueEndAsync(db, communityId, cancellationToken)
            ?? now.AddDays(-NewsletterSchedule.PeriodDays(settings?.Frequency ?? NewsletterFrequency.Weekly));
        var content = await services.GetRequiredService<NewsletterComposer>().ComposeAsync(community, note, since, now, DateOnly.FromDateTime(now), cancellationToken);

        var issue = new NewsletterIssue
        {
            Id = Guid.CreateVersion7(),
            CommunityId = communityId,
            Period = period,
            CoveredFrom = since,
            CoveredUntil = now,
            Skipped = content.IsEmpty,
            Note = content.Note.Length > 0 ? content.Note : null,
            PostCount = content.NewPostCount,
        };
        db.NewsletterIssues.Add(issue);
        if (!content.IsEmpty)
        {
            issue.RecipientCount = await QueueAsync(services, db, content, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await db.NewsletterIssues.AnyAsync(i => i.CommunityId == communityId && i.Period == period, cancellationToken))
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("The newsletter of {Community} for {Period} was issued by another instance.", communityId, period);
                }

                return false;
            }

            throw;
        }

        if (!content.IsEmpty && note.Length > 0)
        {
            // The note was for this issue; one the admins rewrote meanwhile waits for the next.
            await db.NewsletterSettings.Where(s => s.CommunityId == communityId && s.Note == note)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Note, ""), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Where the last issue stopped, so the next one starts there.</summary>
    public static Task<DateTime?> PreviousIssueEndAsync(VillageDb db, Guid communityId, CancellationToken cancellationToken = default) =>
        db.NewsletterIssues.Where(i => i.CommunityId == communityId).OrderByDescending(i => i.Period)
            .Select(i => (DateTime?)i.CoveredUntil).FirstOrDefaultAsync(cancellationToken);

    private static async Task<int> QueueAsync(IServiceProvider services, VillageDb db, NewsletterContent content, CancellationToken cancellationToken)
    {
        var recipients = await db.CommunityMembers.AsNoTracking()
            .Where(m => m.CommunityId == content.Community.Id && m.NewsletterSubscribed)
            .Join(db.Users, m => m.MemberId, u => u.Id, (_, u) => new { u.Id, u.Email, u.EmailConfirmed, u.PreferredCulture })
            .Where(u => u.EmailConfirmed && u.Email != null)
            .ToListAsync(cancellationToken);
        var outbox = services.GetRequiredService<Outbox>();
        var email = services.GetRequiredService<NewsletterEmail>();
        var tokens = services.GetRequiredService<UnsubscribeTokens>();
        foreach (var recipient in recipients)
        {
            var unsubscribe = email.UnsubscribeUrl(tokens.For(content.Community.Id, recipient.Id));
            var rendered = email.Render(content, recipient.PreferredCulture, unsubscribe);
            outbox.Add(recipient.Email!, rendered.Subject, rendered.Text, rendered.Html, recipient.Id, unsubscribe);
        }

        return recipients.Count;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Jobs;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>Asks each published service to review its listing when it was last checked more than six months ago:
/// its verified professionals are emailed (the service's own address when it has none), with a link to the edit
/// page, at most once every 30 days. A reminder is claimed with a conditional update of ReviewReminderSentAt in
/// the same transaction as its emails, so two instances cannot both send it.</summary>
public sealed class ListingReminders(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ListingOptions> options,
    IOptions<EmailOptions> emailOptions,
    ILogger<ListingReminders> logger) : PeriodicJob(clock, logger)
{
    public const int ReviewEveryMonths = 6;
    public const int RemindEveryDays = 30;
    private const int Batch = 200;

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    /// <summary>Queues the reminders due now; returns how many services were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var checkedBefore = DateOnly.FromDateTime(now).AddMonths(-ReviewEveryMonths);
        var remindedBefore = now.AddDays(-RemindEveryDays);
        List<Guid> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
            due = await db.Services.AsNoTracking()
                .Where(s => s.ListingStatus == ListingStatus.Published && (s.AssuredDate == null || s.AssuredDate < checkedBefore)
                    && (s.ReviewReminderSentAt == null || s.ReviewReminderSentAt < remindedBefore))
                .OrderBy(s => s.AssuredDate).ThenBy(s => s.Id)
                .Select(s => s.Id).Take(Batch).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            if (await SendAsync(id, now, checkedBefore, remindedBefore, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(Guid serviceId, DateTime now, DateOnly checkedBefore, DateTime remindedBefore, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Services
            .Where(s => s.Id == serviceId && s.ListingStatus == ListingStatus.Published && (s.AssuredDate == null || s.AssuredDate < checkedBefore)
                && (s.ReviewReminderSentAt == null || s.ReviewReminderSentAt < remindedBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewReminderSentAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == serviceId, cancellationToken);
        var professionals = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == service.OrganizationId && m.Status == OrganizationMemberStatus.Verified)
            .Join(db.Users, m => m.MemberId, u => u.Id, (m, u) => u)
            .Where(u => u.Email != null)
            .ToListAsync(cancellationToken);
        var emails = scope.ServiceProvider.GetRequiredService<TemplatedEmails>();
        var link = $"{SiteUrl()}/pro/services/{service.Id}/edit";
        foreach (var professional in professionals)
        {
            emails.ListingReview(professional, link);
        }

        if (professionals.Count == 0 && !string.IsNullOrWhiteSpace(service.Email))
        {
            emails.ListingReview(service.Email, link);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private string SiteUrl() => emailOptions.Value.SiteUrl.TrimEnd('/');
}

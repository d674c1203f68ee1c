using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Newsletter;

namespace Village.Web.Features.Outings;

/// <summary>The newsletter's "coming up" from outings: the community's outings with a date between the issue and the
/// next one (at least a week, at most a month ahead), soonest first, one line per outing (its next date).</summary>
public sealed class OutingEvents(VillageDb db) : IUpcomingEvents
{
    public const int Max = 10;

    public async Task<IReadOnlyList<UpcomingEvent>> ForNewsletterAsync(NewsletterCommunity community, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var ahead = TimeSpan.FromDays(Math.Clamp((until - since).TotalDays, 7, 31));
        var end = until + ahead;
        var rows = await db.Outings.AsNoTracking()
            .Where(o => o.CommunityId == community.Id && o.Status == OutingStatus.Scheduled)
            .Select(o => new
            {
                o.Id,
                o.Title,
                o.Description,
                o.TownName,
                o.TimeZone,
                o.CreatedAt,
                Next = db.OutingOccurrences.Where(d => d.OutingId == o.Id && !d.IsCancelled && d.StartsAt > until && d.StartsAt <= end)
                    .OrderBy(d => d.StartsAt).Select(d => (DateTime?)d.StartsAt).FirstOrDefault(),
            })
            .Where(o => o.Next != null)
            .OrderBy(o => o.Next).Take(Max)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(o => new UpcomingEvent(
            o.Title, $"/outings/{o.Id}", "Outings.NewsletterKind", DateTime.SpecifyKind(o.Next!.Value, DateTimeKind.Utc), o.CreatedAt,
            NewsletterComposer.Excerpt(
                $"{OutingSchedule.ToLocal(o.Next.Value, o.TimeZone).ToString("dd/MM HH:mm", CultureInfo.InvariantCulture)} · {o.TownName}. {o.Description}")))];
    }
}

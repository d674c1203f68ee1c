using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Outings;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Calendar;

/// <summary>The calendar files: one outing's upcoming dates (<c>/outings/{id}/calendar.ics</c>, for whoever may see the
/// outing) and a parent's private feed (<c>/calendar/{token}.ics</c>: the dates they joined or organise, from 30 days
/// back). The exact meeting point is written only for a parent who takes part or organises.</summary>
public static class CalendarFiles
{
    public const int FeedDaysBack = 30;

    public const int MaxEvents = 500;

    public static void MapCalendar(this WebApplication app)
    {
        app.MapGet("/outings/{id:guid}/calendar.ics", OutingAsync).ExcludeFromDescription();
        app.MapGet("/calendar/{token}.ics", FeedAsync).ExcludeFromDescription();
    }

    /// <summary>A new secret for a feed address: 32 random bytes, base64url (43 characters).</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<IResult> OutingAsync(Guid id, HttpContext http, VillageDb db, TimeProvider time, IStringLocalizer<Texts> t)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Guid? viewer = http.User.Identity?.IsAuthenticated == true ? http.User.MemberId() : null;
        var outings = viewer is Guid member ? db.Outings.AsNoTracking().VisibleTo(db, member, now) : db.Outings.AsNoTracking().Public();
        if (await outings.Where(o => o.Id == id).SingleOrDefaultAsync(http.RequestAborted) is not { } outing)
        {
            return Results.NotFound();
        }

        var dates = await db.OutingOccurrences.AsNoTracking().Where(o => o.OutingId == id && o.EndsAt >= now)
            .OrderBy(o => o.StartsAt).Take(MaxEvents).ToListAsync(http.RequestAborted);
        var takesPart = viewer is Guid me && (outing.OrganizerId == me
            || await db.OutingParticipations.AnyAsync(p => p.MemberId == me && db.OutingOccurrences.Any(o => o.Id == p.OccurrenceId && o.OutingId == id), http.RequestAborted));
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var events = dates.Select(d => Event(outing, d, d.IsCancelled || outing.Status == OutingStatus.Cancelled ? CalendarStatus.Cancelled : CalendarStatus.Confirmed, takesPart, site, t));
        return Calendar(http, ICalendar.Write(outing.Title, events, now), $"outing-{id}.ics", cache: !takesPart && viewer is null);
    }

    private static async Task<IResult> FeedAsync(string token, HttpContext http, VillageDb db, TimeProvider time, IStringLocalizer<Texts> t)
    {
        if (token.Length is < 20 or > OutingConfiguration.TokenMax
            || await db.CalendarFeeds.AsNoTracking().Where(f => f.Token == token).Select(f => (Guid?)f.MemberId).SingleOrDefaultAsync(http.RequestAborted) is not Guid member)
        {
            return Results.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-FeedDaysBack);
        var rows = await (
                from occurrence in db.OutingOccurrences.AsNoTracking()
                where occurrence.StartsAt >= since
                join outing in db.Outings.AsNoTracking() on occurrence.OutingId equals outing.Id
                let participation = db.OutingParticipations.Where(p => p.OccurrenceId == occurrence.Id && p.MemberId == member)
                    .Select(p => (ParticipationStatus?)p.Status).FirstOrDefault()
                where outing.OrganizerId == member || participation != null
                orderby occurrence.StartsAt
                select new { Occurrence = occurrence, Outing = outing, Participation = participation })
            .Take(MaxEvents).ToListAsync(http.RequestAborted);
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var events = rows.Select(r => Event(
            r.Outing,
            r.Occurrence,
            r.Occurrence.IsCancelled || r.Outing.Status == OutingStatus.Cancelled ? CalendarStatus.Cancelled
                : r.Outing.OrganizerId != member && r.Participation == ParticipationStatus.Waiting ? CalendarStatus.Tentative
                : CalendarStatus.Confirmed,
            takesPart: true,
            site,
            t));
        return Calendar(http, ICalendar.Write(t["Calendar.FeedName"], events, now), "village.ics", cache: false);
    }

    private static CalendarEvent Event(Outing outing, OutingOccurrence date, CalendarStatus status, bool takesPart, string site, IStringLocalizer t)
    {
        var place = string.Join(", ", new[] { outing.Address, outing.TownName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var location = takesPart && !string.IsNullOrWhiteSpace(outing.MeetingPoint) ? $"{place} — {t["Calendar.MeetingPoint"]} {outing.MeetingPoint}" : place;
        var url = $"{site}/outings/{outing.Id}";
        var description = status == CalendarStatus.Tentative ? $"{t["Calendar.WaitingList"]}\n\n{outing.Description}" : outing.Description;
        return new CalendarEvent(date.Id, date.StartsAt, date.EndsAt, outing.TimeZone, outing.Title, $"{description}\n\n{url}".Trim(), location, url, date.Sequence, status);
    }

    private static IResult Calendar(HttpContext http, string text, string fileName, bool cache)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = cache ? "public, max-age=300" : "no-store, private";
        if (!cache)
        {
            headers.Pragma = "no-cache";
        }

        headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        headers["X-Robots-Tag"] = "noindex";
        return Results.Text(text, ICalendar.ContentType);
    }
}

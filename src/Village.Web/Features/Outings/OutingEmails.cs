using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Outings;

/// <summary>One line of what the organiser changed, e.g. the time: Thursday 10:00 → Thursday 10:30. Values are
/// written in each recipient's language (dates, yes/no, choices).</summary>
public sealed record OutingChange(string FieldKey, object? Before, object? After)
{
    /// <summary>A text of the site, written in the recipient's language ("Gratuit").</summary>
    public sealed record TextKey(string Key);

    public sealed record AgeRange(int Min, int Max);

    public sealed record Minutes(int Value);
}

/// <summary>What families taking part in an outing hear by email, in their own language, with a link to the outing:
/// a seat freed for them, the organiser's changes, a cancellation, the organiser's messages, and the reminders. Nothing
/// beyond the outing itself (the meeting point is fine: they take part).</summary>
public sealed class OutingEmails(VillageDb db, Outbox outbox, IStringLocalizer<Texts> t, IOptions<EmailOptions> options, IHttpContextAccessor http)
{
    private sealed record Recipient(Guid Id, string Email, string Culture);

    /// <summary>The site's address: the request's during a request, the configured one in the background.</summary>
    public string SiteUrl => http.HttpContext?.Request is { Host.HasValue: true } request
        ? $"{request.Scheme}://{request.Host}"
        : options.Value.SiteUrl.TrimEnd('/');

    public string Link(Guid outingId, DateTime? startsAtUtc = null, string? timeZone = null) =>
        startsAtUtc is { } starts && timeZone is not null
            ? $"{SiteUrl}/outings/{outingId}?date={OutingSchedule.ToLocal(starts, timeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : $"{SiteUrl}/outings/{outingId}";

    /// <summary>A date as parents read it, in the current language: "jeudi 27 novembre, 10:00".</summary>
    public static string When(DateTime utc, string timeZone) =>
        OutingSchedule.ToLocal(utc, timeZone).ToString("dddd d MMMM, HH:mm", CultureInfo.CurrentCulture);

    /// <summary>The families (not the organiser) going or waiting at the given date, or at any date to come.</summary>
    public async Task<IReadOnlyList<Guid>> ParticipantsAsync(Outing outing, Guid? occurrenceId, DateTime now)
    {
        var dates = db.OutingOccurrences.Where(o => o.OutingId == outing.Id && (occurrenceId == null ? o.EndsAt > now && !o.IsCancelled : o.Id == occurrenceId));
        return await db.OutingParticipations.Where(p => dates.Any(o => o.Id == p.OccurrenceId) && p.MemberId != outing.OrganizerId)
            .Select(p => p.MemberId).Distinct().ToListAsync();
    }

    public async Task PromotedAsync(Outing outing, Guid occurrenceId, DateTime startsAtUtc, Guid memberId)
    {
        foreach (var to in await RecipientsAsync([memberId]))
        {
            using var _ = new CultureScope(to.Culture);
            Queue(to, t["Outing.Email.Promoted.Subject", outing.Title],
                [t["Outing.Email.Promoted.Body1", outing.Title, When(startsAtUtc, outing.TimeZone)], t["Outing.Email.Promoted.Body2"]],
                Link(outing.Id, startsAtUtc, outing.TimeZone));
        }
    }

    public async Task ChangedAsync(Outing outing, IReadOnlyList<Guid> memberIds, IReadOnlyList<OutingChange> changes)
    {
        foreach (var to in await RecipientsAsync(memberIds))
        {
            using var _ = new CultureScope(to.Culture);
            var lines = changes.Select(c => c.Before is null
                ? t["Outing.Email.Changed.LineNew", t[c.FieldKey], Format(c.After)].Value
                : t["Outing.Email.Changed.Line", t[c.FieldKey], Format(c.Before), Format(c.After)].Value);
            Queue(to, t["Outing.Email.Changed.Subject", outing.Title],
                [t["Outing.Email.Changed.Body1", outing.Title], .. lines, t["Outing.Email.Changed.Body2"]],
                Link(outing.Id));
        }
    }

    /// <summary>The whole outing cancelled (no date), or one date of it.</summary>
    public async Task CancelledAsync(Outing outing, IReadOnlyList<Guid> memberIds, DateTime? dateUtc, string? word)
    {
        foreach (var to in await RecipientsAsync(memberIds))
        {
            using var _ = new CultureScope(to.Culture);
            List<string> paragraphs = [dateUtc is { } date
                ? t["Outing.Email.Cancelled.OneDate", outing.Title, When(date, outing.TimeZone)]
                : t["Outing.Email.Cancelled.Whole", outing.Title]];
            if (!string.IsNullOrWhiteSpace(word))
            {
                paragraphs.Add(t["Outing.Email.Cancelled.Word", word]);
            }

            paragraphs.Add(t["Outing.Email.Cancelled.Body2"]);
            Queue(to, t["Outing.Email.Cancelled.Subject", outing.Title], paragraphs, Link(outing.Id));
        }
    }

    public async Task OrganizerMessageAsync(Outing outing, IReadOnlyList<Guid> memberIds, string organizerName, string text)
    {
        foreach (var to in await RecipientsAsync(memberIds))
        {
            using var _ = new CultureScope(to.Culture);
            Queue(to, t["Outing.Email.Message.Subject", outing.Title],
                [t["Outing.Email.Message.Body1", organizerName, outing.Title], text, t["Outing.Email.Message.Body2"]],
                Link(outing.Id) + "#discussion");
        }
    }

    /// <summary>The day-before or morning-of reminder ("DayBefore", "Morning").</summary>
    public async Task ReminderAsync(string kind, Outing outing, DateTime startsAtUtc, Guid memberId)
    {
        foreach (var to in await RecipientsAsync([memberId]))
        {
            using var _ = new CultureScope(to.Culture);
            List<string> paragraphs = [t[$"Outing.Email.Reminder.{kind}", outing.Title, When(startsAtUtc, outing.TimeZone)],
                t["Outing.Email.Reminder.Where", $"{outing.Address}, {outing.TownName}".Trim(' ', ',')]];
            if (outing.MeetingPoint.Length > 0)
            {
                paragraphs.Add(t["Outing.Email.Reminder.MeetingPoint", outing.MeetingPoint]);
            }

            paragraphs.Add(t["Outing.Email.Reminder.Body2"]);
            Queue(to, t[$"Outing.Email.Reminder.{kind}.Subject", outing.Title], paragraphs, Link(outing.Id, startsAtUtc, outing.TimeZone));
        }
    }

    private string Format(object? value) => value switch
    {
        null => "—",
        string s when s.Length == 0 => "—",
        string s => s,
        bool b => b ? t["Outing.Yes"] : t["Outing.No"],
        OutingChange.TextKey k => t[k.Key],
        OutingChange.AgeRange a => OutingText.Ages(t, a.Min, a.Max),
        OutingChange.Minutes m => OutingText.Duration(t, m.Value),
        RhythmTags r => r == RhythmTags.None ? "—" : OutingText.Rhythm(t, r),
        DateTime d => d.ToString("dddd d MMMM, HH:mm", CultureInfo.CurrentCulture),
        DateOnly d => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
        Enum e => t[$"Outing.{e.GetType().Name}.{e}"],
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    private void Queue(Recipient to, string subject, IReadOnlyList<string> paragraphs, string link) =>
        outbox.Add(to.Email, new EmailMessage(subject, t["Email.Greeting"], paragraphs, t["Email.Footer"])
        {
            ActionLabel = t["Outing.Email.Action"],
            ActionUrl = link,
            Culture = to.Culture,
        }, to.Id);

    private async Task<List<Recipient>> RecipientsAsync(IReadOnlyList<Guid> memberIds) =>
        memberIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id) && u.Email != null)
                .Select(u => new Recipient(u.Id, u.Email!, u.PreferredCulture)).ToListAsync();
}

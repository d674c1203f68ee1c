using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Outings;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

public static class HelpGuestsSetup
{
    /// <summary>Inviting helpers, their personal pages under /h/, and the day-before reminders.</summary>
    public static WebApplicationBuilder AddHelpGuests(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HelpGuestOptions>(builder.Configuration.GetSection("HelpGuests"));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<HelpGuests>();
        builder.Services.AddSingleton<HelpJoinAttempts>();
        builder.Services.AddSingleton<HelpReminders>();
        // Like the outings: tests turn background email off and run the reminders themselves.
        if (builder.Configuration.GetValue("Email:SendInBackground", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<HelpReminders>());
        }

        return builder;
    }
}

public sealed class HelpGuestOptions
{
    /// <summary>How many invitations (new or re-sent) one calendar may send in any 24 hours.</summary>
    public int InvitationsPerDay { get; set; } = 30;

    /// <summary>How many times one network address may submit a shareable invitation link's form in an hour.</summary>
    public int JoinsPerHourPerAddress { get; set; } = 10;

    /// <summary>How many people may join one calendar through its shareable link in an hour.</summary>
    public int JoinsPerHourPerCalendar { get; set; } = 20;

    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Tries at the shareable invitation link's form, per network address and per calendar, in memory: the
/// form sends an email, so a stranger must not turn it into a mail cannon.</summary>
public sealed class HelpJoinAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public HelpJoinAttempts(IOptions<HelpGuestOptions> options)
    {
        var o = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = key.StartsWith("ip:", StringComparison.Ordinal) ? o.JoinsPerHourPerAddress : o.JoinsPerHourPerCalendar,
                Window = TimeSpan.FromHours(1),
            }));
    }

    /// <summary>Counts one try; false when the address or the calendar has used up its tries for the hour.</summary>
    public bool TryAttempt(IPAddress? address, Guid calendarId)
    {
        using var byAddress = limiter.AttemptAcquire($"ip:{address ?? IPAddress.Loopback}");
        if (!byAddress.IsAcquired)
        {
            return false;
        }

        using var byCalendar = limiter.AttemptAcquire($"calendar:{calendarId:N}");
        return byCalendar.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

public enum InviteOutcome
{
    Invited,
    Resent,
    TooMany,
    Removed,
}

/// <summary>Inviting helpers and what they hear by email, in their own language: the invitation with their personal
/// link, the confirmation of a turn they took, the reminder of the day before. Nothing about the parent beyond their
/// first name, the calendar's title and notes. Emails go through the outbox: nothing leaves unless SaveChanges commits.</summary>
public sealed class HelpGuests(VillageDb db, Outbox outbox, IStringLocalizer<Texts> t, IOptions<EmailOptions> email,
    IOptions<HelpGuestOptions> options, IHttpContextAccessor http, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public HelpGuestOptions Options => options.Value;

    public string SiteUrl => http.HttpContext?.Request is { Host.HasValue: true } request
        ? $"{request.Scheme}://{request.Host}"
        : email.Value.SiteUrl.TrimEnd('/');

    public string PersonalLink(string token) => $"{SiteUrl}/h/{token}";

    /// <summary>The first word of a display name: all a helper learns of the parent's name.</summary>
    public static string FirstName(string? displayName) =>
        (displayName ?? "").Split([' ', ',', '(', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..] ? first : "";

    /// <summary>The parent's first name and town, as helpers see them.</summary>
    public async Task<(string FirstName, string Town)> HouseholdAsync(Guid ownerId)
    {
        var profile = await db.Profiles.AsNoTracking().Where(p => p.MemberId == ownerId)
            .Select(p => new { p.DisplayName, p.TownName }).SingleOrDefaultAsync();
        return (FirstName(profile?.DisplayName), profile?.TownName ?? "");
    }

    /// <summary>Invitations sent by this calendar in the last 24 hours (a re-sent one counts again).</summary>
    public Task<int> SentTodayAsync(Guid calendarId)
    {
        var since = Now.AddDays(-1);
        return db.HelpHelpers.CountAsync(h => h.CalendarId == calendarId && h.InvitedAt > since);
    }

    /// <summary>Invites one person (or re-sends their link with a new secret when already invited), and queues the
    /// email. The caller saves. A person the parent removed is invited again only by the parent (reviveRemoved).</summary>
    public async Task<InviteOutcome> InviteAsync(HelpCalendar calendar, string name, string address, Guid? circlePersonId, string inviterFirstName, string culture, bool reviveRemoved, bool countLimit = true)
    {
        address = address.Trim();
        name = name.Trim();
        if (countLimit && await SentTodayAsync(calendar.Id) >= Options.InvitationsPerDay)
        {
            return InviteOutcome.TooMany;
        }

        var normalized = address.ToLowerInvariant();
        var helper = await db.HelpHelpers.SingleOrDefaultAsync(h => h.CalendarId == calendar.Id && h.Email == normalized);
        var outcome = InviteOutcome.Resent;
        if (helper is null)
        {
            helper = new HelpHelper { CalendarId = calendar.Id, Email = normalized, Name = name, CirclePersonId = circlePersonId, Culture = culture };
            db.HelpHelpers.Add(helper);
            outcome = InviteOutcome.Invited;
        }
        else if (helper.RemovedAt is not null)
        {
            if (!reviveRemoved)
            {
                return InviteOutcome.Removed;
            }

            helper.RemovedAt = null;
            helper.Name = name;
            outcome = InviteOutcome.Invited;
        }

        helper.CirclePersonId ??= circlePersonId;
        helper.InvitedAt = Now;
        var token = HelpAccess.NewToken();
        helper.TokenHash = HelpAccess.Hash(token);
        QueueInvitation(calendar, helper, token, inviterFirstName);
        return outcome;
    }

    /// <summary>A new personal link for a helper: the old one stops working at once.</summary>
    public void Resend(HelpCalendar calendar, HelpHelper helper, string inviterFirstName)
    {
        helper.InvitedAt = Now;
        var token = HelpAccess.NewToken();
        helper.TokenHash = HelpAccess.Hash(token);
        QueueInvitation(calendar, helper, token, inviterFirstName);
    }

    private void QueueInvitation(HelpCalendar calendar, HelpHelper helper, string token, string inviterFirstName)
    {
        using var _ = new CultureScope(helper.Culture);
        Queue(helper, t["HelpGuest.Email.Invite.Subject", inviterFirstName],
            [t["HelpGuest.Email.Invite.Body1", inviterFirstName], t["HelpGuest.Email.Invite.Title", calendar.Title], t["HelpGuest.Email.Invite.Body2"]],
            t["HelpGuest.Email.Action"], PersonalLink(token), helper.Culture);
    }

    /// <summary>The confirmation of a turn just taken, with what the household asks (allergies) and the personal link.</summary>
    public void TurnTaken(HelpCalendar calendar, HelpHelper helper, HelpNeed need, HelpTurn turn, string token)
    {
        using var _ = new CultureScope(helper.Culture);
        var paragraphs = new List<string> { t["HelpGuest.Email.Taken.Body1", t[$"HelpGuest.Kind.{need.Kind}"], When(turn, calendar.TimeZone), calendar.Title] };
        AddHousehold(paragraphs, calendar, need);
        paragraphs.Add(t["HelpGuest.Email.Taken.Body2"]);
        Queue(helper, t["HelpGuest.Email.Taken.Subject", When(turn, calendar.TimeZone)], paragraphs, t["HelpGuest.Email.Action"], PersonalLink(token), helper.Culture);
    }

    /// <summary>The reminder of the day before. The personal link's secret is not stored, so the email names the
    /// calendar and the turn, and points to the emails already received.</summary>
    public void Reminder(HelpCalendar calendar, HelpHelper helper, HelpNeed need, HelpTurn turn)
    {
        using var _ = new CultureScope(helper.Culture);
        var paragraphs = new List<string> { t["HelpGuest.Email.Reminder.Body1", t[$"HelpGuest.Kind.{need.Kind}"], When(turn, calendar.TimeZone), calendar.Title] };
        AddHousehold(paragraphs, calendar, need);
        paragraphs.Add(t["HelpGuest.Email.Reminder.Body2"]);
        outbox.Add(helper.Email, new EmailMessage(t["HelpGuest.Email.Reminder.Subject", calendar.Title], t["Email.Greeting"], paragraphs, t["HelpGuest.Email.Footer"])
        {
            Culture = helper.Culture,
        });
    }

    private void AddHousehold(List<string> paragraphs, HelpCalendar calendar, HelpNeed need)
    {
        if (need.Details.Length > 0)
        {
            paragraphs.Add(t["HelpGuest.Email.Details", need.Details]);
        }

        if (need.Allergies.Length > 0)
        {
            paragraphs.Add(t["HelpGuest.Email.Allergies", need.Allergies]);
        }

        if (calendar.Notes.Length > 0)
        {
            paragraphs.Add(t["HelpGuest.Email.Notes", calendar.Notes]);
        }
    }

    /// <summary>A turn's start as people read it, in the current language: "jeudi 27 novembre, 18:30".</summary>
    public static string When(HelpTurn turn, string timeZone) =>
        OutingSchedule.ToLocal(turn.StartsAt, timeZone).ToString("dddd d MMMM, HH:mm", CultureInfo.CurrentCulture);

    private void Queue(HelpHelper helper, string subject, IReadOnlyList<string> paragraphs, string action, string link, string culture) =>
        outbox.Add(helper.Email, new EmailMessage(subject, t["Email.Greeting"], paragraphs, t["HelpGuest.Email.Footer"])
        {
            ActionLabel = action,
            ActionUrl = link,
            Culture = culture,
        });

    /// <summary>Frees a helper's coming turns (removed by the parent, or leaving).</summary>
    public Task<int> FreeComingTurnsAsync(Guid helperId) =>
        db.HelpTurns.Where(x => x.HelperId == helperId && x.StartsAt > Now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HelperId, (Guid?)null).SetProperty(x => x.TakenAt, (DateTime?)null)
                .SetProperty(x => x.HelperNote, "").SetProperty(x => x.ReminderSentAt, (DateTime?)null));
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.HelpCalendars;

/// <summary>Who is looking at a calendar: its parent (signed in), or a helper through their personal link. Decided here
/// only; a page that gets null answers 404.</summary>
public sealed record HelpViewer(HelpCalendar Calendar, HelpHelper? Helper)
{
    public bool IsOwner => Helper is null;

    /// <summary>The parent, or a helper they made co-organiser: may publish needs and invite.</summary>
    public bool CanOrganise => IsOwner || Helper!.CanOrganise;
}

public static class HelpAccess
{
    /// <summary>The parent's view of their own calendar (open or closed), or null for anyone else's.</summary>
    public static async Task<HelpViewer?> ForOwnerAsync(VillageDb db, Guid calendarId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var calendar = await db.HelpCalendars.SingleOrDefaultAsync(c => c.Id == calendarId && c.OwnerId == memberId, cancellationToken);
        return calendar is null ? null : new HelpViewer(calendar, null);
    }

    /// <summary>A helper's view through their personal link, or null when the link is unknown, the helper was removed
    /// or the calendar is closed.</summary>
    public static async Task<HelpViewer?> ForTokenAsync(VillageDb db, string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > TokenLength)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.HelpHelpers
            .Where(h => h.TokenHash == hash && h.RemovedAt == null)
            .Join(db.HelpCalendars, h => h.CalendarId, c => c.Id, (h, c) => new { h, c })
            .Where(x => x.c.Status == HelpCalendarStatus.Open)
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new HelpViewer(found.c, found.h);
    }

    /// <summary>The length of a secret from <see cref="NewToken"/>: 32 random bytes in base64url.</summary>
    public const int TokenLength = 43;

    /// <summary>A new secret for a link; store only its <see cref="Hash"/>.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

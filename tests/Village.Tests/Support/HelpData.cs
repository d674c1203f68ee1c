using Microsoft.EntityFrameworkCore;
using Village.Web.Features.HelpCalendars;

namespace Village.Tests.Support;

/// <summary>Help calendars, needs, turns and helpers written straight into the database, for the tests of the parts
/// that use them (the calendar's own pages are tested on their own).</summary>
public static class HelpData
{
    /// <summary>An open calendar for a parent.</summary>
    public static Task<HelpCalendar> CalendarAsync(this VillageFactory factory, Guid ownerId, string title = "Les repas de Camille", string notes = "Sans arachides, merci.") =>
        factory.QueryAsync(async db =>
        {
            var calendar = new HelpCalendar
            {
                OwnerId = ownerId,
                Title = title,
                Notes = notes,
                TimeZone = "Europe/Brussels",
                Status = HelpCalendarStatus.Open,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            };
            db.HelpCalendars.Add(calendar);
            await db.SaveChangesAsync();
            return calendar;
        });

    /// <summary>A need with one turn a day for <paramref name="turns"/> days, the first starting at
    /// <paramref name="firstStartsAt"/> (UTC; tomorrow 17:00 UTC by default), each lasting an hour.</summary>
    public static Task<List<HelpTurn>> NeedAsync(this VillageFactory factory, Guid calendarId, int turns, DateTime? firstStartsAt = null, HelpKind kind = HelpKind.Meal)
    {
        var first = firstStartsAt ?? TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(17);
        return factory.QueryAsync(async db =>
        {
            var need = new HelpNeed
            {
                CalendarId = calendarId,
                Kind = kind,
                Details = "Un plat pour deux adultes",
                Allergies = "arachides",
                StartTime = TimeOnly.FromDateTime(first),
                EndTime = TimeOnly.FromDateTime(first.AddHours(1)),
                FirstDate = DateOnly.FromDateTime(first),
                LastDate = DateOnly.FromDateTime(first.AddDays(turns - 1)),
                Repeat = turns > 1 ? HelpRepeat.Daily : HelpRepeat.Once,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            };
            db.HelpNeeds.Add(need);
            var list = Enumerable.Range(0, turns).Select(i => new HelpTurn
            {
                NeedId = need.Id,
                CalendarId = calendarId,
                Date = DateOnly.FromDateTime(first.AddDays(i)),
                StartsAt = first.AddDays(i),
                EndsAt = first.AddDays(i).AddHours(1),
            }).ToList();
            db.HelpTurns.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });
    }

    /// <summary>A helper with a personal link; returns the helper and the link's secret.</summary>
    public static Task<(HelpHelper Helper, string Token)> HelperAsync(this VillageFactory factory, Guid calendarId, string name = "Bruno", bool canOrganise = false, DateTime? invitedAt = null) =>
        factory.QueryAsync(async db =>
        {
            var token = HelpAccess.NewToken();
            var helper = new HelpHelper
            {
                CalendarId = calendarId,
                Name = name,
                Email = AccountSteps.NewAddress("helper"),
                TokenHash = HelpAccess.Hash(token),
                CanOrganise = canOrganise,
                InvitedAt = invitedAt ?? TimeProvider.System.GetUtcNow().UtcDateTime,
            };
            db.HelpHelpers.Add(helper);
            await db.SaveChangesAsync();
            return (helper, token);
        });

    public static Task<HelpTurn> TurnAsync(this VillageFactory factory, Guid turnId) =>
        factory.QueryAsync(db => db.HelpTurns.AsNoTracking().SingleAsync(t => t.Id == turnId));

    public static Task<HelpHelper?> HelpHelperAsync(this VillageFactory factory, Guid calendarId, string email) =>
        factory.QueryAsync(db => db.HelpHelpers.AsNoTracking().SingleOrDefaultAsync(h => h.CalendarId == calendarId && h.Email == email));
}

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Communities;

namespace Village.Web.Features.CommunityAdmin;

/// <summary>Who looks after a community on a given day: the admins whose rota includes that weekday and who are
/// not off duty; when nobody's rota covers the day, every admin who is not off duty. Off-duty admins are never
/// counted, so a community whose admins are all off duty has nobody (the caller decides whom else to tell).</summary>
public sealed class AdminRota(VillageDb db, TimeProvider clock)
{
    /// <summary>The community's parents live in Belgium and France: "today" is their day, not UTC's.</summary>
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone) ? zone : TimeZoneInfo.Utc;

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>Every admin of the community with their rota, by name.</summary>
    public async Task<IReadOnlyList<RotaAdmin>> AdminsAsync(Guid communityId)
    {
        var admins = await db.CommunityMembers.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.Role == CommunityRole.Admin)
            .Select(m => new RotaAdmin(
                m.MemberId,
                db.Profiles.Where(p => p.MemberId == m.MemberId).Select(p => p.DisplayName).FirstOrDefault(),
                m.DutyDays, m.OffDuty, m.OffDutyUntil))
            .ToListAsync();
        return admins.OrderBy(a => a.DisplayName, StringComparer.CurrentCulture).ThenBy(a => a.MemberId).ToList();
    }

    /// <summary>The admins to tell about something that needs an admin on that day (e.g. a new report).</summary>
    public async Task<IReadOnlyList<RotaAdmin>> OnDutyAsync(Guid communityId, DateOnly date) =>
        OnDuty(await AdminsAsync(communityId), date);

    public static IReadOnlyList<RotaAdmin> OnDuty(IEnumerable<RotaAdmin> admins, DateOnly date)
    {
        var available = admins.Where(a => !a.IsOffDutyOn(date)).ToList();
        var scheduled = available.Where(a => a.Days.HasFlag(date.DayOfWeek.ToDutyDay())).ToList();
        return scheduled.Count > 0 ? scheduled : available;
    }

    public sealed record RotaAdmin(Guid MemberId, string? DisplayName, DutyDays Days, bool OffDuty, DateOnly? OffDutyUntil)
    {
        /// <summary>Off duty from the moment they switch it on until the return date they gave (back that day).</summary>
        public bool IsOffDutyOn(DateOnly date) => OffDuty && (OffDutyUntil is null || date < OffDutyUntil);
    }
}

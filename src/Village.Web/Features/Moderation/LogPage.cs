using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.Moderation;

/// <summary>One page of the moderation log, newest first: a community's, or everyone's.</summary>
public sealed record LogPage(IReadOnlyList<LogPage.Line> Lines, int PageNumber, bool HasNext, string BaseLink)
{
    public const int PageSize = 50;

    public sealed record Line(
        DateTime CreatedAt, string? ActorName, ModerationAction Action, ReportTarget TargetKind, string? TargetMemberName,
        string? CommunityName, string Reason, DateTime? Until);

    public static async Task<LogPage> LoadAsync(VillageDb db, Guid? communityId, int pageNumber, string baseLink)
    {
        var lines = await db.ModerationLog.AsNoTracking()
            .Where(e => communityId == null || e.CommunityId == communityId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new Line(
                e.CreatedAt,
                db.Profiles.Where(p => p.MemberId == e.ActorId).Select(p => p.DisplayName).FirstOrDefault(),
                e.Action,
                e.TargetKind,
                db.Profiles.Where(p => p.MemberId == e.TargetMemberId).Select(p => p.DisplayName).FirstOrDefault(),
                db.Communities.Where(c => c.Id == e.CommunityId).Select(c => c.Name).FirstOrDefault(),
                e.Reason,
                e.Until))
            .ToListAsync();
        return new LogPage(lines.Take(PageSize).ToList(), pageNumber, lines.Count > PageSize, baseLink);
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Features.Posts;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Moderation;

/// <summary>The moderators' actions, each checked, written to the log and closing the reports it answers: hide,
/// restore and remove content, dismiss a report, mute or ban a member in a community, lift a sanction. A
/// community's admins act on their community only; platform moderators anywhere.</summary>
public sealed class Moderator(VillageDb db, CommunityFeed feed, CommunityAccess access, TimeProvider clock, ModerationEmails emails)
{
    /// <summary>The durations offered for a mute or a ban, in days; 0 means until lifted.</summary>
    public static readonly int[] Durations = [1, 7, 30, 0];

    public static bool IsPlatformModerator(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Administrator);

    public async Task<bool> MayModerateAsync(ClaimsPrincipal user, Guid? communityId)
    {
        if (IsPlatformModerator(user))
        {
            return true;
        }

        var memberId = user.MemberId();
        return communityId is { } id
            && await db.CommunityMembers.AnyAsync(m => m.CommunityId == id && m.MemberId == memberId && m.Role == CommunityRole.Admin);
    }

    /// <summary>A post or a comment: its community, author and post (the page to link to).</summary>
    public sealed record Content(Guid CommunityId, string Slug, Guid PostId, Guid? AuthorId);

    public async Task<Content?> FindContentAsync(ReportTarget kind, Guid id) => kind switch
    {
        ReportTarget.Post => await db.Posts.AsNoTracking().Where(p => p.Id == id)
            .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new Content(c.Id, c.Slug, p.Id, p.AuthorId)).SingleOrDefaultAsync(),
        ReportTarget.Comment => await db.Comments.AsNoTracking().Where(x => x.Id == id)
            .Join(db.Posts, x => x.PostId, p => p.Id, (x, p) => new { x, p })
            .Join(db.Communities, xp => xp.p.CommunityId, c => c.Id, (xp, c) => new Content(c.Id, c.Slug, xp.p.Id, xp.x.AuthorId)).SingleOrDefaultAsync(),
        _ => null,
    };

    /// <summary>Hides, restores or removes a post or a comment. False when it does not exist or the user may not
    /// moderate its community. <paramref name="link"/> builds the post's address for the author's email.</summary>
    public async Task<bool> SetStateAsync(ClaimsPrincipal user, ReportTarget kind, Guid id, ModerationAction action, string reason, Func<Content, string> link)
    {
        var state = action switch
        {
            ModerationAction.Hide => ModerationState.Hidden,
            ModerationAction.Remove => ModerationState.Removed,
            ModerationAction.Restore => ModerationState.Visible,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        if (await FindContentAsync(kind, id) is not { } content || !await MayModerateAsync(user, content.CommunityId))
        {
            return false;
        }

        var kept = state == ModerationState.Visible ? null : reason;
        if (kind == ReportTarget.Post)
        {
            await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Moderation, state).SetProperty(p => p.ModerationReason, kept));
            feed.Changed(content.CommunityId);
            if (content.AuthorId is { } author)
            {
                // Their feed there becomes their own (or stops being).
                access.Changed(author);
            }
        }
        else
        {
            await db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Moderation, state).SetProperty(c => c.ModerationReason, kept));
        }

        if (state != ModerationState.Visible)
        {
            CloseReports(await db.Reports.Where(r => r.TargetId == id && r.Status == ReportStatus.Open).ToListAsync(), ReportStatus.Resolved);
        }

        if (state == ModerationState.Removed)
        {
            await emails.ContentRemovedAsync(content.AuthorId, reason, link(content));
        }

        Log(user, content.CommunityId, action, kind, id, content.AuthorId, reason);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Hides or restores a private message after a report (platform moderators only: a conversation belongs
    /// to no community). Its author keeps seeing it, marked; the other members no longer do.</summary>
    public async Task<bool> SetMessageStateAsync(ClaimsPrincipal user, Guid id, ModerationAction action, string reason)
    {
        var state = action switch
        {
            ModerationAction.Hide => ModerationState.Hidden,
            ModerationAction.Restore => ModerationState.Visible,
            _ => (ModerationState?)null,
        };
        if (state is null || !IsPlatformModerator(user)
            || await db.Messages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.AuthorId }).SingleOrDefaultAsync() is not { } message)
        {
            return false;
        }

        await db.Messages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Moderation, state.Value));
        if (state != ModerationState.Visible)
        {
            CloseReports(await db.Reports.Where(r => r.TargetId == id && r.Status == ReportStatus.Open).ToListAsync(), ReportStatus.Resolved);
        }

        Log(user, null, action, ReportTarget.Message, id, message.AuthorId, reason);
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<bool> DismissAsync(ClaimsPrincipal user, Guid reportId, string reason)
    {
        if (await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId && r.Status == ReportStatus.Open) is not { } report
            || !await MayModerateAsync(user, report.CommunityId))
        {
            return false;
        }

        CloseReports([report], ReportStatus.Dismissed);
        Log(user, report.CommunityId, ModerationAction.Dismiss, report.TargetKind, report.TargetId, report.TargetMemberId, reason);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Mutes or bans a member in a community for some days (0: until lifted), closing the report that led
    /// to it if any.</summary>
    public async Task<bool> SanctionAsync(ClaimsPrincipal user, Guid communityId, Guid memberId, SanctionKind kind, int days, string reason, Guid? reportId)
    {
        if (!Durations.Contains(days) || !Enum.IsDefined(kind) || !await MayModerateAsync(user, communityId)
            || !await db.Communities.AnyAsync(c => c.Id == communityId) || !await db.Users.AnyAsync(u => u.Id == memberId))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sanction = new CommunitySanction
        {
            Id = Guid.CreateVersion7(),
            CommunityId = communityId,
            MemberId = memberId,
            Kind = kind,
            Reason = reason,
            StartsAt = now,
            EndsAt = days == 0 ? null : now.AddDays(days),
            ById = user.MemberId(),
        };
        db.CommunitySanctions.Add(sanction);
        if (reportId is { } id)
        {
            CloseReports(await db.Reports.Where(r => r.Id == id && r.Status == ReportStatus.Open).ToListAsync(), ReportStatus.Resolved);
        }

        Log(user, communityId, kind == SanctionKind.Ban ? ModerationAction.Ban : ModerationAction.Mute, ReportTarget.Member, memberId, memberId, reason, sanction.EndsAt);
        await db.SaveChangesAsync();
        access.Changed(memberId);
        return true;
    }

    public async Task<bool> LiftAsync(ClaimsPrincipal user, Guid sanctionId, string reason)
    {
        if (await db.CommunitySanctions.SingleOrDefaultAsync(s => s.Id == sanctionId && s.LiftedAt == null) is not { } sanction
            || !await MayModerateAsync(user, sanction.CommunityId))
        {
            return false;
        }

        sanction.LiftedAt = clock.GetUtcNow().UtcDateTime;
        Log(user, sanction.CommunityId, ModerationAction.Lift, ReportTarget.Member, sanction.MemberId, sanction.MemberId, reason);
        await db.SaveChangesAsync();
        access.Changed(sanction.MemberId);
        return true;
    }

    private void CloseReports(List<Report> reports, ReportStatus status)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var report in reports)
        {
            report.Status = status;
            report.ClosedAt = now;
        }
    }

    private void Log(ClaimsPrincipal user, Guid? communityId, ModerationAction action, ReportTarget kind, Guid targetId, Guid? targetMemberId, string reason, DateTime? until = null) =>
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Id = Guid.CreateVersion7(),
            CommunityId = communityId,
            ActorId = user.MemberId(),
            Action = action,
            TargetKind = kind,
            TargetId = targetId,
            TargetMemberId = targetMemberId,
            Reason = reason,
            Until = until,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>What moderation tells people by email: the author of removed content (with the moderators' reason,
/// never who reported it), and the admins on duty when a report arrives.</summary>
public sealed class ModerationEmails(VillageDb db, AdminRota rota, TemplatedEmails emails, Outbox outbox, IStringLocalizer<Texts> t)
{
    /// <summary>Tells the author their post or comment was removed, and why, in their language.</summary>
    public async Task ContentRemovedAsync(Guid? authorId, string reason, string link)
    {
        if (authorId is null || await db.Users.AsNoTracking().SingleOrDefaultAsync(m => m.Id == authorId) is not { Email: { } address } author)
        {
            return;
        }

        using var _ = new CultureScope(author.PreferredCulture);
        var message = new EmailMessage(
            t["Email.ContentRemoved.Subject"],
            t["Email.Greeting"],
            [t["Email.ContentRemoved.Body1", reason], t["Email.ContentRemoved.Body2"]],
            t["Email.Footer"])
        {
            ActionLabel = t["Email.ContentRemoved.Action"],
            ActionUrl = link,
            Culture = author.PreferredCulture,
        };
        outbox.Add(address, message, author.Id);
    }

    /// <summary>Emails the community's admins on duty today about a new report, with a link to its queue, so the
    /// others can rest. When every admin is off duty, Village's moderators are told instead, with their queue.</summary>
    public async Task NotifyAdminsOnDutyOfReportAsync(Guid communityId, string queueLink, string platformQueueLink)
    {
        var onDuty = (await rota.OnDutyAsync(communityId, rota.Today())).Select(a => a.MemberId).ToList();
        var recipients = onDuty.Count > 0
            ? await db.Users.AsNoTracking().Where(u => onDuty.Contains(u.Id)).ToListAsync()
            : await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Moderator || r.Name == Roles.Administrator))))
                .ToListAsync();
        foreach (var recipient in recipients)
        {
            Send(recipient, "NewReport", onDuty.Count > 0 ? queueLink : platformQueueLink);
        }
    }

    private void Send(Member member, string kind, string link) =>
        emails.Queue(kind, member.Email!, member.PreferredCulture, link, member.Id);
}

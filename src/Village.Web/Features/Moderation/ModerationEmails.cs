using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>What moderation tells people by email: the author of removed content (with the moderators' reason,
/// never who reported it), and a community's admins when a report arrives.</summary>
public sealed class ModerationEmails(VillageDb db, TemplatedEmails emails, Outbox outbox, IStringLocalizer<Texts> t)
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

    /// <summary>Emails every admin of the community about a new report, with a link to its queue. (To be limited to
    /// the admins on duty once the rota exists.)</summary>
    public async Task NotifyAllCommunityAdminsOfReportAsync(Guid communityId, string queueLink)
    {
        var admins = await db.CommunityMembers.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.Role == CommunityRole.Admin)
            .Join(db.Users, m => m.MemberId, u => u.Id, (_, u) => u)
            .ToListAsync();
        foreach (var admin in admins)
        {
            Send(admin, "NewReport", queueLink);
        }
    }

    private void Send(Accounts.Member member, string kind, string link) =>
        emails.Queue(kind, member.Email!, member.PreferredCulture, link, member.Id);
}

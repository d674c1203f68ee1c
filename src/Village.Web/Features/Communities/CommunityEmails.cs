using Village.Web.Features.Accounts;
using Village.Web.Infrastructure.Email;

namespace Village.Web.Features.Communities;

/// <summary>What a parent who asked for a community hears back.</summary>
public sealed class CommunityEmails(TemplatedEmails emails)
{
    public void Approved(Member member, string link) => Send(member, "CommunityApproved", link);

    public void Declined(Member member, string link) => Send(member, "CommunityDeclined", link);

    private void Send(Member member, string kind, string link) =>
        emails.Queue(kind, member.Email!, member.PreferredCulture, link, member.Id);
}

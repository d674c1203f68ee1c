using Village.Web.Features.Accounts;
using Village.Web.Infrastructure.Email;

namespace Village.Web.Features.Places;

/// <summary>What a member who proposed a place hears back from the moderators, in their language.</summary>
public static class PlaceEmails
{
    public static void PlaceApproved(this TemplatedEmails emails, Member member, string link) => Send(emails, member, "PlaceApproved", link);

    public static void PlaceDeclined(this TemplatedEmails emails, Member member, string link) => Send(emails, member, "PlaceDeclined", link);

    private static void Send(TemplatedEmails emails, Member member, string kind, string link) =>
        emails.Queue(kind, member.Email!, member.PreferredCulture, link, member.Id);
}

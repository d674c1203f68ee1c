using Village.Web.Features.Accounts;
using Village.Web.Infrastructure.Email;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>What applicants and professionals hear about their listings, in their language (the service's own
/// address, with no account behind it, in French, the directory's language).</summary>
public static class ListingEmails
{
    public static void ListingPublished(this TemplatedEmails emails, Member member, string link) => Send(emails, member, "ListingPublished", link);

    public static void ListingDeclined(this TemplatedEmails emails, Member member, string link) => Send(emails, member, "ListingDeclined", link);

    public static void OrganizationLinkVerified(this TemplatedEmails emails, Member member, string link) => Send(emails, member, "OrganizationLinkVerified", link);

    public static void ListingReview(this TemplatedEmails emails, Member member, string link) => Send(emails, member, "ListingReview", link);

    public static void ListingReview(this TemplatedEmails emails, string address, string link) => emails.Queue("ListingReview", address, "fr", link, null);

    private static void Send(TemplatedEmails emails, Member member, string kind, string link) =>
        emails.Queue(kind, member.Email!, member.PreferredCulture, link, member.Id);
}

using Village.Web.Infrastructure.Email;

namespace Village.Web.Features.Accounts;

/// <summary>The account emails, each written in its recipient's language.</summary>
public sealed class AccountEmails(TemplatedEmails emails)
{
    public void ConfirmAddress(Member member, string link) =>
        Send(member, member.Email!, "ConfirmAddress", link);

    public void AlreadyRegistered(Member member, string signInLink) =>
        Send(member, member.Email!, "AlreadyRegistered", signInLink);

    public void ResetPassword(Member member, string link) =>
        Send(member, member.Email!, "ResetPassword", link);

    public void ConfirmNewAddress(Member member, string newAddress, string link) =>
        Send(member, newAddress, "ConfirmNewAddress", link);

    public void ProfessionalVerified(Member member, string link) =>
        Send(member, member.Email!, "ProfessionalVerified", link);

    /// <summary>Tells the old address that the account now signs in with another one, in case it was not them.</summary>
    public void AddressChanged(Member member, string oldAddress, string resetLink) =>
        Send(member, oldAddress, "AddressChanged", resetLink);

    public void PasswordChanged(Member member, string resetLink) =>
        Send(member, member.Email!, "PasswordChanged", resetLink);

    private void Send(Member member, string address, string kind, string link) =>
        emails.Queue(kind, address, member.PreferredCulture, link, member.Id);
}

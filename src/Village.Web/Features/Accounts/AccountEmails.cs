using Microsoft.Extensions.Localization;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Accounts;

/// <summary>The account emails, each written in its recipient's language.</summary>
public sealed class AccountEmails(Outbox outbox, IStringLocalizer<Texts> t)
{
    public void ConfirmAddress(Member member, string link) =>
        Queue(member, member.Email!, "ConfirmAddress", link);

    public void AlreadyRegistered(Member member, string signInLink) =>
        Queue(member, member.Email!, "AlreadyRegistered", signInLink);

    public void ResetPassword(Member member, string link) =>
        Queue(member, member.Email!, "ResetPassword", link);

    public void ConfirmNewAddress(Member member, string newAddress, string link) =>
        Queue(member, newAddress, "ConfirmNewAddress", link);

    public void ProfessionalVerified(Member member, string link) =>
        Queue(member, member.Email!, "ProfessionalVerified", link);

    /// <summary>Tells the old address that the account now signs in with another one, in case it was not them.</summary>
    public void AddressChanged(Member member, string oldAddress, string resetLink) =>
        Queue(member, oldAddress, "AddressChanged", resetLink);

    public void PasswordChanged(Member member, string resetLink) =>
        Queue(member, member.Email!, "PasswordChanged", resetLink);

    /// <summary>Each email has resource keys Email.{kind}.Subject, .Body1, .Body2 and .Action.</summary>
    private void Queue(Member member, string address, string kind, string link)
    {
        using var _ = new CultureScope(member.PreferredCulture);
        var message = new EmailMessage(
            t[$"Email.{kind}.Subject"],
            t["Email.Greeting"],
            [t[$"Email.{kind}.Body1"], t[$"Email.{kind}.Body2"]],
            t["Email.Footer"])
        {
            ActionLabel = t[$"Email.{kind}.Action"],
            ActionUrl = link,
            Culture = member.PreferredCulture,
        };
        outbox.Add(address, message, member.Id);
    }
}

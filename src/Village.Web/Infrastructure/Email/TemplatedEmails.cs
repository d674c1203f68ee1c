using Microsoft.Extensions.Localization;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Infrastructure.Email;

/// <summary>Emails in the house template, written in the recipient's language: a greeting, two paragraphs and one
/// button. Each kind has the resource keys Email.{kind}.Subject, .Body1, .Body2 and .Action.</summary>
public sealed class TemplatedEmails(Outbox outbox, IStringLocalizer<Texts> t)
{
    public void Queue(string kind, string address, string culture, string link, Guid? memberId)
    {
        using var _ = new CultureScope(culture);
        var message = new EmailMessage(
            t[$"Email.{kind}.Subject"],
            t["Email.Greeting"],
            [t[$"Email.{kind}.Body1"], t[$"Email.{kind}.Body2"]],
            t["Email.Footer"])
        {
            ActionLabel = t[$"Email.{kind}.Action"],
            ActionUrl = link,
            Culture = culture,
        };
        outbox.Add(address, message, memberId);
    }
}

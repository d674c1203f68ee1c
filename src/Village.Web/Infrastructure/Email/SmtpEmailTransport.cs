using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Village.Web.Infrastructure.Email;

/// <summary>Sends through System.Net.Mail: to an SMTP server, or as .eml files into a pickup folder.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(o.FromAddress, o.FromName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(email.ToAddress));
        if (email.ListUnsubscribe is { Length: > 0 } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail clients offer "unsubscribe" and POST to the address in one click.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));

        using var client = new SmtpClient();
        if (string.Equals(o.Delivery, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.SmtpSsl;
            if (o.SmtpUser is { Length: > 0 })
            {
                client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
            }
        }
        else
        {
            var folder = Path.Combine(environment.ContentRootPath, o.PickupDirectory);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}

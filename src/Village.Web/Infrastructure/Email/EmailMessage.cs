using System.Net;
using System.Text;

namespace Village.Web.Infrastructure.Email;

/// <summary>One email in the house style: a greeting, a few paragraphs, at most one button, and a footer,
/// rendered both as plain text and as light, accessible HTML.</summary>
public sealed record EmailMessage(string Subject, string Greeting, IReadOnlyList<string> Paragraphs, string Footer)
{
    public string? ActionLabel { get; init; }

    public string? ActionUrl { get; init; }

    public string Culture { get; init; } = "fr";

    /// <summary>Links under the footer: the preferences and the unsubscribe of a notification email.</summary>
    public IReadOnlyList<EmailLink> FooterLinks { get; init; } = [];

    public string Text()
    {
        var text = new StringBuilder().AppendLine(Greeting).AppendLine();
        foreach (var paragraph in Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        if (ActionUrl is not null)
        {
            text.AppendLine($"{ActionLabel}:").AppendLine(ActionUrl).AppendLine();
        }

        text.AppendLine("--").AppendLine(Footer);
        foreach (var link in FooterLinks)
        {
            text.AppendLine($"{link.Label}: {link.Url}");
        }

        return text.ToString();
    }

    public string Html()
    {
        var body = new StringBuilder().Append($"<p>{E(Greeting)}</p>");
        foreach (var paragraph in Paragraphs)
        {
            body.Append($"<p>{E(paragraph)}</p>");
        }

        if (ActionUrl is not null)
        {
            body.Append(Button(ActionLabel ?? ActionUrl, ActionUrl))
                .Append($"<p style=\"font-size:14px;color:#5c534c\">{E(ActionUrl)}</p>");
        }

        var footer = new StringBuilder().Append($"<p style=\"{FooterStyle}\">{E(Footer)}");
        foreach (var link in FooterLinks)
        {
            footer.Append($"<br><a href=\"{E(link.Url)}\" style=\"color:#8a3b12\">{E(link.Label)}</a>");
        }

        return Layout(Culture, Subject, body.ToString(), footer.Append("</p>").ToString());
    }

    /// <summary>The footer paragraph's style, for emails that write their own footer.</summary>
    public const string FooterStyle = "font-size:14px;color:#5c534c;border-top:1px solid #eadfd3;padding-top:16px;margin-top:24px";

    /// <summary>The house frame around an email's body (already HTML) and footer (already HTML).</summary>
    public static string Layout(string culture, string subject, string bodyHtml, string footerHtml) =>
        new StringBuilder()
            .Append($"<!doctype html><html lang=\"{E(culture)}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#fbf7f2;font-family:Arial,sans-serif;color:#2b2622;font-size:16px;line-height:1.5\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px\">")
            .Append("<p style=\"font-size:20px;font-weight:bold;color:#8a3b12;margin:0 0 16px\">Village</p>")
            .Append(bodyHtml)
            .Append(footerHtml)
            .Append("</div></body></html>")
            .ToString();

    /// <summary>The house button: one per email.</summary>
    public static string Button(string label, string url) =>
        $"<p style=\"margin:24px 0\"><a href=\"{E(url)}\" style=\"background:#8a3b12;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block\">{E(label)}</a></p>";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}

/// <summary>A link in an email's footer.</summary>
public sealed record EmailLink(string Label, string Url);

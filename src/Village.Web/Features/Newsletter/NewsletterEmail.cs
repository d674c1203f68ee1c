using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Features.Posts;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Newsletter;

/// <summary>An issue as one recipient receives it, in their language: plain text and HTML in the house style,
/// with a visible unsubscribe link. The admins' note is Markdown rendered as posts are (no HTML of its own).</summary>
public sealed class NewsletterEmail(IStringLocalizer<Texts> t, IOptions<EmailOptions> options)
{
    private const string Heading = "font-size:18px;color:#8a3b12;margin:28px 0 8px";
    private const string Small = "font-size:14px;color:#5c534c";

    public string SiteUrl => options.Value.SiteUrl.TrimEnd('/');

    public string UnsubscribeUrl(string token) => $"{SiteUrl}/newsletter/unsubscribe?token={Uri.EscapeDataString(token)}";

    public RenderedNewsletter Render(NewsletterContent content, string culture, string unsubscribeUrl)
    {
        using var _ = new CultureScope(culture);
        var name = content.Community.Name;
        var subject = t["Newsletter.Email.Subject", name, content.Day.ToString("d MMMM", CultureInfo.CurrentCulture)].Value;
        var text = new StringBuilder().AppendLine(t["Email.Greeting"]).AppendLine();
        var html = new StringBuilder().Append($"<p>{E(t["Email.Greeting"])}</p>");
        Paragraph(t["Newsletter.Email.Intro", name]);

        if (content.Note.Length > 0)
        {
            Title(t["Newsletter.Email.NoteTitle"]);
            text.AppendLine(content.Note).AppendLine();
            html.Append($"<div>{PostText.ToHtml(content.Note)}</div>");
        }

        if (content.Upcoming.Count > 0)
        {
            Title(t["Newsletter.Email.UpcomingTitle"]);
            List(content.Upcoming.Select(e => (e.Title, e.Path, t[e.KindKey].Value, e.Excerpt)));
        }

        if (content.NewPosts.Count > 0)
        {
            Title(t["Newsletter.Email.NewPostsTitle"]);
            List(content.NewPosts.Select(p => (p.Title, p.Path, p.ModeKey is null ? t[p.KindKey].Value : $"{t[p.KindKey]} · {t[p.ModeKey]}", p.Excerpt)));
            if (content.NewPostCount > content.NewPosts.Count)
            {
                Paragraph(t.Plural("Newsletter.Email.MorePosts", content.NewPostCount - content.NewPosts.Count));
            }
        }
        else if (content.Upcoming.Count == 0)
        {
            Paragraph(t["Newsletter.Email.NothingNew"]);
        }

        if (content.Pinned.Count > 0)
        {
            Title(t["Newsletter.Email.PinnedTitle"]);
            List(content.Pinned.Select(p => (p.Title, p.Path, t[p.KindKey].Value, p.Excerpt)));
        }

        var communityUrl = SiteUrl + content.Community.Path;
        text.AppendLine($"{t["Newsletter.Email.Action"]}:").AppendLine(communityUrl).AppendLine();
        html.Append(EmailMessage.Button(t["Newsletter.Email.Action"], communityUrl));

        var why = t["Newsletter.Email.Why", name].Value;
        var unsubscribe = t["Newsletter.Email.Unsubscribe"].Value;
        text.AppendLine("--").AppendLine(why).AppendLine($"{unsubscribe}: {unsubscribeUrl}").AppendLine(t["Newsletter.Email.Footer"]);
        var footer = $"<p style=\"{EmailMessage.FooterStyle}\">{E(why)} <a href=\"{E(unsubscribeUrl)}\" style=\"color:#5c534c\">{E(unsubscribe)}</a><br>{E(t["Newsletter.Email.Footer"])}</p>";
        return new RenderedNewsletter(subject, text.ToString(), EmailMessage.Layout(CultureInfo.CurrentUICulture.Name, subject, html.ToString(), footer));

        void Paragraph(string paragraph)
        {
            text.AppendLine(paragraph).AppendLine();
            html.Append($"<p>{E(paragraph)}</p>");
        }

        void Title(string title)
        {
            text.AppendLine($"== {title} ==").AppendLine();
            html.Append($"<h2 style=\"{Heading}\">{E(title)}</h2>");
        }

        void List(IEnumerable<(string Title, string Path, string Kind, string Excerpt)> items)
        {
            html.Append("<ul style=\"padding-left:20px;margin:0 0 16px\">");
            foreach (var item in items)
            {
                var url = SiteUrl + item.Path;
                text.AppendLine($"- [{item.Kind}] {item.Title}").AppendLine($"  {url}");
                html.Append("<li style=\"margin:0 0 12px\">")
                    .Append($"<span style=\"{Small}\">{E(item.Kind)}</span><br>")
                    .Append($"<a href=\"{E(url)}\" style=\"color:#8a3b12;font-weight:bold\">{E(item.Title)}</a>");
                if (item.Excerpt.Length > 0)
                {
                    text.AppendLine($"  {item.Excerpt}");
                    html.Append($"<br><span style=\"{Small}\">{E(item.Excerpt)}</span>");
                }

                text.AppendLine();
                html.Append("</li>");
            }

            html.Append("</ul>");
        }
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}

public sealed record RenderedNewsletter(string Subject, string Text, string Html);

using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Village.Web.Features.Posts;

/// <summary>Light formatting for posts: Markdown with raw HTML disabled, links limited to web, mail and phone
/// addresses, and images shown as plain links (pages load nothing from elsewhere).</summary>
public static class PostText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        url is not null
        && (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme)));
}

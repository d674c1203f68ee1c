using System.Text.RegularExpressions;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Posts;

namespace Village.Web.Features.Newsletter;

/// <summary>What one issue of a community's newsletter says: the admins' note, what is coming up, the new posts
/// since the last issue, and the announcements still pinned. It reads only that community's content.</summary>
public sealed partial class NewsletterComposer(VillageDb db, IEnumerable<IUpcomingEvents> upcoming)
{
    public const int MaxPosts = 20;
    public const int MaxPinned = 5;
    public const int ExcerptLength = 160;

    private static readonly MarkdownPipeline PlainText = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Posts created after <paramref name="since"/> and up to <paramref name="until"/> are new.</summary>
    public async Task<NewsletterContent> ComposeAsync(
        NewsletterCommunity community, string note, DateTime since, DateTime until, DateOnly day, CancellationToken cancellationToken = default)
    {
        var fresh = db.Posts.AsNoTracking()
            .Where(p => p.CommunityId == community.Id && p.Kind != PostKind.Announcement && p.CreatedAt > since && p.CreatedAt <= until);
        var newPosts = await fresh.OrderBy(p => p.CreatedAt).Take(MaxPosts)
            .Select(p => new { p.Id, p.Title, p.Kind, p.ItemMode, p.Body })
            .ToListAsync(cancellationToken);
        var newPostCount = newPosts.Count < MaxPosts ? newPosts.Count : await fresh.CountAsync(cancellationToken);
        // Announcements pinned before this period: a reminder. New ones are among the events coming up.
        var pinned = await db.Posts.AsNoTracking()
            .Where(p => p.CommunityId == community.Id && p.IsPinned && p.Kind == PostKind.Announcement && p.CreatedAt <= since)
            .OrderByDescending(p => p.CreatedAt).Take(MaxPinned)
            .Select(p => new { p.Id, p.Title, p.Kind, p.ItemMode, p.Body })
            .ToListAsync(cancellationToken);

        var events = new List<UpcomingEvent>();
        foreach (var source in upcoming)
        {
            events.AddRange(await source.ForNewsletterAsync(community, since, until, cancellationToken));
        }

        return new NewsletterContent(
            community,
            day,
            note.Trim(),
            [.. events.OrderBy(e => e.StartsAt ?? DateTime.MaxValue).ThenBy(e => e.CreatedAt)],
            [.. newPosts.Select(p => new NewsletterPost(p.Title, community.PostPath(p.Id), $"Post.Kind.{p.Kind}", p.ItemMode is { } mode ? $"Post.ItemMode.{mode}" : null, Excerpt(p.Body)))],
            newPostCount,
            [.. pinned.Select(p => new NewsletterPost(p.Title, community.PostPath(p.Id), $"Post.Kind.{p.Kind}", null, Excerpt(p.Body)))]);
    }

    /// <summary>The first words of a post as plain text: the newsletter links to the rest.</summary>
    public static string Excerpt(string markdown)
    {
        // Lines (list items, paragraphs) run on one line; a dot separates those that end without punctuation.
        var lines = Markdown.ToPlainText(markdown, PlainText).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = Spaces().Replace(string.Concat(lines.Select((line, i) =>
            i == 0 ? line : (char.IsPunctuation(lines[i - 1][^1]) ? " " : " · ") + line)), " ");
        if (text.Length <= ExcerptLength)
        {
            return text;
        }

        // Cut at a space when there is one not too far back, so words stay whole.
        var cut = text.LastIndexOf(' ', ExcerptLength - 1);
        return text[..(cut < 40 ? ExcerptLength - 1 : cut)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>The community an issue is about.</summary>
public sealed record NewsletterCommunity(Guid Id, string Slug, string Name)
{
    public string Path => $"/communities/{Slug}";

    public string PostPath(Guid postId) => $"/communities/{Slug}/posts/{postId}";
}

/// <summary>A post as the newsletter lists it: title, link, kind (a text key), and a short excerpt.</summary>
public sealed record NewsletterPost(string Title, string Path, string KindKey, string? ModeKey, string Excerpt);

public sealed record NewsletterContent(
    NewsletterCommunity Community,
    DateOnly Day,
    string Note,
    IReadOnlyList<UpcomingEvent> Upcoming,
    IReadOnlyList<NewsletterPost> NewPosts,
    int NewPostCount,
    IReadOnlyList<NewsletterPost> Pinned)
{
    /// <summary>Nothing new and no note: the issue is skipped (still-pinned announcements are not news).</summary>
    public bool IsEmpty => NewPostCount == 0 && Upcoming.Count == 0 && Note.Length == 0;
}

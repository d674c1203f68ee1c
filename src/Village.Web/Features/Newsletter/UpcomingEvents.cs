using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Posts;

namespace Village.Web.Features.Newsletter;

/// <summary>A source of what is coming up in a community, for the newsletter's "coming up" section. Each source is
/// registered in <see cref="NewsletterSetup"/>; the composer asks them all and orders what they give by date.
/// Today the admins' announcements are the only source; outings will register theirs the same way.</summary>
public interface IUpcomingEvents
{
    Task<IReadOnlyList<UpcomingEvent>> ForNewsletterAsync(NewsletterCommunity community, DateTime since, DateTime until, CancellationToken cancellationToken);
}

/// <summary>Something coming up: its title, link, a kind (a text key), when it starts if it has a date, and a few words.</summary>
public sealed record UpcomingEvent(string Title, string Path, string KindKey, DateTime? StartsAt, DateTime CreatedAt, string Excerpt);

/// <summary>The admins' announcements made since the last issue (a swap party, a talk...): they carry no date of their own.</summary>
public sealed class AnnouncementEvents(VillageDb db) : IUpcomingEvents
{
    public async Task<IReadOnlyList<UpcomingEvent>> ForNewsletterAsync(NewsletterCommunity community, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var announcements = await db.Posts.AsNoTracking()
            .Where(p => p.CommunityId == community.Id && p.Kind == PostKind.Announcement && p.CreatedAt > since && p.CreatedAt <= until)
            .OrderBy(p => p.CreatedAt).Take(NewsletterComposer.MaxPosts)
            .Select(p => new { p.Id, p.Title, p.Body, p.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. announcements.Select(a => new UpcomingEvent(
            a.Title, community.PostPath(a.Id), $"Post.Kind.{PostKind.Announcement}", null, a.CreatedAt, NewsletterComposer.Excerpt(a.Body)))];
    }
}

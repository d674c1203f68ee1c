using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Live;
using Village.Web.Infrastructure.Localization;
using Village.Web.Resources;

namespace Village.Web.Features.Notifications;

/// <summary>What a feature tells <see cref="Notifier"/>: the kind, the path of the thing itself, and the words of the
/// centre's line ({0} = <see cref="Actor"/>, {1} = <see cref="Topic"/>).</summary>
public sealed record NotificationDraft(NotificationKind Kind, string Path)
{
    public string? Actor { get; init; }

    public string? Topic { get; init; }

    public Guid? SubjectId { get; init; }

    /// <summary>The email for a parent who wants it at once, written by the feature (it is called in the recipient's
    /// language). Null: a short email from the texts Notification.{Kind}.Subject and .Text and a link.</summary>
    public Func<EmailMessage>? Email { get; init; }
}

/// <summary>A parent about to be notified, with the channel their preference gives for the kind.</summary>
public sealed record NotificationRecipient(Guid MemberId, string? Email, string Culture, NotificationChannel Channel, NotificationSettings Settings)
{
    /// <summary>Whether an email may be written to them at all (an address, not paused).</summary>
    public bool Emailable => Email is { Length: > 0 } && Settings.EmailPausedAt is null;
}

/// <summary>The one door through which features notify parents. In the caller's unit of work (nothing happens unless
/// its SaveChanges commits) it adds the centre's line and, as each parent chose for the kind, queues the email at once
/// (held until their quiet hours end, unless urgent and allowed), leaves it for a digest, or drops it. After the save
/// it wakes the parents' open pages through the live stream.</summary>
public sealed class Notifier
{
    private readonly VillageDb db;
    private readonly Outbox outbox;
    private readonly NotificationLinks links;
    private readonly SiteAddress site;
    private readonly IStringLocalizer<Texts> t;
    private readonly TimeProvider clock;
    private readonly ILiveEvents live;
    private readonly ILogger<Notifier> logger;
    private readonly HashSet<Guid> toWake = [];

    public Notifier(VillageDb db, Outbox outbox, NotificationLinks links, SiteAddress site, IStringLocalizer<Texts> t, TimeProvider clock, ILiveEvents live, ILogger<Notifier> logger)
    {
        (this.db, this.outbox, this.links, this.site, this.t, this.clock, this.live, this.logger) = (db, outbox, links, site, t, clock, live, logger);
        db.SavedChanges += (_, _) => Wake();
    }

    public Task NotifyAsync(NotificationDraft draft, Guid memberId, CancellationToken cancellation = default) =>
        NotifyAsync(draft, [memberId], cancellation);

    public async Task NotifyAsync(NotificationDraft draft, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellation = default)
    {
        var info = NotificationKinds.Of(draft.Kind);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var to in await RecipientsAsync(draft.Kind, memberIds, cancellation))
        {
            if (to.Channel == NotificationChannel.Never)
            {
                continue;
            }

            var notification = new Notification
            {
                Id = Guid.CreateVersion7(),
                MemberId = to.MemberId,
                Kind = draft.Kind,
                Actor = Clip(draft.Actor, NotificationConfiguration.ActorMax),
                Topic = Clip(draft.Topic, NotificationConfiguration.TopicMax),
                Path = draft.Path,
                SubjectId = draft.SubjectId,
                CreatedAt = now,
                Channel = to.Channel,
            };
            db.Notifications.Add(notification);
            toWake.Add(to.MemberId);
            if (to.Channel == NotificationChannel.Email && to.Emailable)
            {
                using var _ = new CultureScope(to.Culture);
                var email = draft.Email?.Invoke() ?? DefaultEmail(notification);
                Queue(to, draft.Kind, email, QuietHours.SendAt(to.Settings, now, info.Urgent));
                notification.EmailedAt = now;
            }
        }
    }

    /// <summary>The parents among <paramref name="memberIds"/> (who still exist), with their settings and their channel
    /// for <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<NotificationRecipient>> RecipientsAsync(NotificationKind kind, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellation = default)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }

        var ids = memberIds.Distinct().ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.PreferredCulture,
                Settings = db.NotificationSettings.FirstOrDefault(s => s.MemberId == u.Id),
                Country = db.Profiles.Where(p => p.MemberId == u.Id).Select(p => p.Country).FirstOrDefault(),
                Preference = db.NotificationPreferences.Where(p => p.MemberId == u.Id && p.Kind == kind)
                    .Select(p => (NotificationChannel?)p.Channel).FirstOrDefault(),
            })
            .ToListAsync(cancellation);
        return [.. rows.Select(r => new NotificationRecipient(r.Id, r.Email, r.PreferredCulture,
            NotificationKinds.ChannelFor(kind, r.Preference), r.Settings ?? NotificationSettings.Defaults(r.Id, r.Country)))];
    }

    /// <summary>Queues a notification email (or a digest: <paramref name="kind"/> null and <paramref name="digest"/>
    /// Daily or Weekly) with the footer links and the one-click unsubscribe of what it is.</summary>
    public void Queue(NotificationRecipient to, NotificationKind? kind, EmailMessage email, DateTime sendAt, NotificationChannel digest = NotificationChannel.Daily)
    {
        var unsubscribe = kind is { } k ? links.Unsubscribe(to.MemberId, k) : links.UnsubscribeDigest(to.MemberId, digest);
        email = email with
        {
            Culture = to.Culture,
            FooterLinks = [new(t["Notification.Email.Settings"], links.Settings), new(t["Notification.Email.Unsubscribe"], unsubscribe)],
        };
        outbox.Add(to.Email!, email, to.MemberId, unsubscribe, sendAt);
    }

    /// <summary>The centre's line for a notification, in the current language.</summary>
    public string Text(Notification notification) =>
        t[$"Notification.{notification.Kind}.Text", notification.Actor ?? "", notification.Topic ?? ""];

    private EmailMessage DefaultEmail(Notification notification) =>
        new(t[$"Notification.{notification.Kind}.Subject"], t["Email.Greeting"], [Text(notification)], t["Notification.Email.Footer"])
        {
            ActionLabel = t["Notification.Email.Action"],
            ActionUrl = site.Of(notification.Path),
        };

    private void Wake()
    {
        if (toWake.Count == 0)
        {
            return;
        }

        var members = toWake.ToList();
        toWake.Clear();
        _ = PublishAsync(members);
    }

    private async Task PublishAsync(IReadOnlyList<Guid> members)
    {
        try
        {
            await live.PublishAsync(new LiveEvent(LiveEventKind.Notification, members, Guid.Empty, 0));
        }
        catch (Exception e)
        {
            // A page that missed the wake-up shows the right count at its next load.
            logger.LogWarning(e, "Could not publish a notification event.");
        }
    }

    private static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}

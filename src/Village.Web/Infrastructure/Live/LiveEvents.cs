using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Caching.Memory;

namespace Village.Web.Infrastructure.Live;

/// <summary>Something a parent's open pages should know at once: a message in a conversation (its
/// <see cref="Sequence"/>), later a notification. Light on purpose: a stream reads what it carries from the database,
/// after its own cursor, so a late, repeated or reordered event never shows a message twice nor out of order.</summary>
public sealed record LiveEvent(LiveEventKind Kind, IReadOnlyList<Guid> MemberIds, Guid SubjectId, long Sequence);

public enum LiveEventKind
{
    /// <summary>A message in conversation <see cref="LiveEvent.SubjectId"/>.</summary>
    Message = 0,

    /// <summary>A parent read conversation <see cref="LiveEvent.SubjectId"/> up to a sequence (their other pages update their unread count).</summary>
    Read = 1,

    /// <summary>Notifications may have been lost (the instance's LISTEN connection dropped): every open stream reads
    /// again from the database after its cursor.</summary>
    Resync = 2,

    /// <summary>A notification for the members (their open pages update the notification count).</summary>
    Notification = 3,
}

/// <summary>Delivers live events to the streams open on every app instance. Publish after the write committed.</summary>
public interface ILiveEvents
{
    Task PublishAsync(LiveEvent live, CancellationToken cancellation = default);

    /// <summary>The events for one member from now on, until <paramref name="cancellation"/>.</summary>
    IAsyncEnumerable<LiveEvent> SubscribeAsync(Guid memberId, CancellationToken cancellation);
}

/// <summary>The streams open on this instance, by member: enough alone on one instance (SQLite), and what a shared
/// engine feeds on several.</summary>
public sealed class LiveHub(IMemoryCache cache) : ILiveEvents
{
    /// <summary>Events a slow stream may fall behind by before the oldest are dropped (it catches up from the database).</summary>
    private const int Backlog = 256;

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<LiveEvent>, byte>> streams = new();

    public Task PublishAsync(LiveEvent live, CancellationToken cancellation = default)
    {
        Deliver(live);
        return Task.CompletedTask;
    }

    /// <summary>Hands an event to this instance's open streams of its members.</summary>
    public void Deliver(LiveEvent live)
    {
        foreach (var memberId in live.MemberIds.Distinct())
        {
            Interlocked.Increment(ref Version(memberId).Value);
            if (streams.TryGetValue(memberId, out var open))
            {
                foreach (var stream in open.Keys)
                {
                    stream.Writer.TryWrite(live);
                }
            }
        }
    }

    /// <summary>Changes each time an event for the member reaches this instance (from any instance on PostgreSQL): what
    /// is kept about the member's messages (their unread count) is keyed by it, so it is never older than the last
    /// event.</summary>
    public StrongBox<long> Version(Guid memberId) =>
        cache.GetOrCreate((nameof(LiveHub), memberId), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new StrongBox<long>();
        })!;

    /// <summary>The members with a stream open on this instance.</summary>
    public IReadOnlyList<Guid> ConnectedMembers() => [.. streams.Where(s => !s.Value.IsEmpty).Select(s => s.Key)];

    /// <summary>Whether this instance has a stream open for the member.</summary>
    public bool IsConnected(Guid memberId) => streams.TryGetValue(memberId, out var open) && !open.IsEmpty;

    public async IAsyncEnumerable<LiveEvent> SubscribeAsync(Guid memberId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        var stream = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var open = streams.GetOrAdd(memberId, _ => new());
        open.TryAdd(stream, 0);
        try
        {
            await foreach (var live in stream.Reader.ReadAllAsync(cancellation))
            {
                yield return live;
            }
        }
        finally
        {
            open.TryRemove(stream, out _);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Village.Web.Data;
using Village.Web.Infrastructure.Live;

namespace Village.Web.Features.Messages;

/// <summary>How many messages a parent has not read yet, all conversations together: the navigation shows it on every
/// page, so it is one small statement over the parent's memberships (by sequence: the last message's number minus the
/// last one read). A page read keeps it until a live event about the parent (a message, a read mark) reaches this
/// instance, and at most <see cref="KeptFor"/>.</summary>
public sealed class UnreadMessages(VillageDb db, LiveHub hub, IMemoryCache cache, IHttpContextAccessor http)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    public async Task<int> CountAsync(Guid memberId, CancellationToken cancellation = default)
    {
        var reading = HttpMethods.IsGet(http.HttpContext?.Request.Method ?? "");
        var key = (nameof(UnreadMessages), memberId, hub.Version(memberId).Value);
        if (reading && cache.TryGetValue(key, out int kept))
        {
            return kept;
        }

        var unread = await db.ConversationMembers.Where(m => m.MemberId == memberId)
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => c.LastSequence - m.ReadSequence)
            .SumAsync(cancellation);
        var count = (int)Math.Clamp(unread, 0, int.MaxValue);
        if (reading)
        {
            cache.Set(key, count, KeptFor);
        }

        return count;
    }
}

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.Messages;

/// <summary>How many messages a parent has not read yet, all conversations together: the navigation shows it on every
/// page, so it is one small statement over the parent's memberships (by sequence: the last message's number minus the
/// last one read).</summary>
public sealed class UnreadMessages(VillageDb db)
{
    public async Task<int> CountAsync(Guid memberId, CancellationToken cancellation = default)
    {
        var unread = await db.ConversationMembers.Where(m => m.MemberId == memberId)
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => c.LastSequence - m.ReadSequence)
            .SumAsync(cancellation);
        return (int)Math.Clamp(unread, 0, int.MaxValue);
    }
}

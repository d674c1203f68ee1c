using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Messages;

namespace Village.Web.Features.Profiles;

/// <summary>"People you talk with": two parents are connected when they share a direct conversation (a hello was
/// accepted). What a parent shows to <see cref="Audience.Connections"/> opens up to them.</summary>
public static class Connections
{
    /// <summary>The parents the member shares a direct conversation with, each with that conversation.</summary>
    public static async Task<Dictionary<Guid, Guid>> OfAsync(VillageDb db, Guid memberId, CancellationToken cancellation = default)
    {
        var pairs = await db.ConversationMembers
            .Where(other => other.MemberId != memberId
                && db.Conversations.Any(c => c.Id == other.ConversationId && c.Kind == ConversationKind.Direct && c.Members.Any(m => m.MemberId == memberId)))
            .Select(other => new { other.MemberId, other.ConversationId })
            .ToListAsync(cancellation);
        return pairs.GroupBy(p => p.MemberId).ToDictionary(g => g.Key, g => g.Min(p => p.ConversationId));
    }

    /// <summary>The direct conversation two parents share, or null.</summary>
    public static Task<Guid?> ConversationAsync(VillageDb db, Guid first, Guid second) =>
        db.Conversations
            .Where(c => c.Kind == ConversationKind.Direct && c.Members.Any(m => m.MemberId == first) && c.Members.Any(m => m.MemberId == second))
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync();

    /// <summary>Whether the viewer may see a part of a profile shown to this audience.</summary>
    public static bool Shows(Audience audience, bool isSelf, bool connected) =>
        isSelf || audience == Audience.ParentsNearby || (audience == Audience.Connections && connected);
}

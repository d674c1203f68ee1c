using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Messages;
using Village.Web.Features.Safety;

namespace Village.Web.Features.Parents;

/// <summary>Saying hello and answering: who may greet whom, how many hellos a day, and the acceptance that opens
/// a conversation whose first message is the hello. A decline changes nothing the sender can see.</summary>
public sealed class HelloBox(VillageDb db, Conversations conversations, NewMemberLimits limits, TimeProvider clock, IOptions<ParentsOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Whether the viewer may see and greet this parent: someone else, visible, no block either way.</summary>
    public async Task<bool> CanGreetAsync(Guid viewerId, Guid otherId) =>
        viewerId != otherId
        && await db.Profiles.AnyAsync(p => p.MemberId == otherId && p.VisibleNearby)
        && !await BlockedEitherWayAsync(viewerId, otherId);

    public Task<bool> BlockedEitherWayAsync(Guid first, Guid second) =>
        db.Blocks.AnyAsync(b => (b.BlockerId == first && b.BlockedId == second) || (b.BlockerId == second && b.BlockedId == first));

    /// <summary>Hellos waiting for the member's answer (from parents neither blocked nor blocking): one cheap count
    /// for a badge.</summary>
    public Task<int> WaitingCountAsync(Guid memberId) =>
        db.Hellos.CountAsync(h => h.ToId == memberId && h.Status == HelloStatus.Waiting
            && !db.Blocks.Any(b => (b.BlockerId == memberId && b.BlockedId == h.FromId) || (b.BlockerId == h.FromId && b.BlockedId == memberId)));

    /// <summary>How many hellos the member may send in 24 hours: fewer for a new account.</summary>
    public async Task<int> PerDayAsync(Guid memberId) =>
        await limits.IsTrustedAsync(memberId) ? options.Value.HellosPerDay : options.Value.NewAccountHellosPerDay;

    /// <summary>Whether the member already sent as many hellos as allowed in the last 24 hours.</summary>
    public async Task<bool> OverLimitAsync(Guid memberId)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var recent = await db.Hellos.CountAsync(h => h.FromId == memberId && h.CreatedAt > since);
        return await limits.ReachedAsync(memberId, recent, options.Value.HellosPerDay, options.Value.NewAccountHellosPerDay) is not null;
    }

    /// <summary>Records a hello; false when this pair already has one (a double submit, or a race).</summary>
    public async Task<bool> SendAsync(Guid fromId, Guid toId, string text)
    {
        if (await db.Hellos.AnyAsync(h => h.FromId == fromId && h.ToId == toId))
        {
            return false;
        }

        db.Hellos.Add(new Hello
        {
            Id = Guid.CreateVersion7(),
            FromId = fromId,
            ToId = toId,
            Text = text,
            Status = HelloStatus.Waiting,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The hello waiting for this member's answer, or null (not theirs, already answered, or blocked).</summary>
    public async Task<Hello?> WaitingForAsync(Guid helloId, Guid memberId)
    {
        var hello = await db.Hellos.SingleOrDefaultAsync(h => h.Id == helloId && h.ToId == memberId);
        return hello is null || await BlockedEitherWayAsync(hello.FromId, memberId) ? null : hello;
    }

    /// <summary>Accepts: opens (or finds) the direct conversation and posts the hello as its first message, written
    /// by its sender. Returns the conversation.</summary>
    public async Task<Guid> AcceptAsync(Hello hello)
    {
        if (hello is { Status: HelloStatus.Accepted, ConversationId: Guid existing })
        {
            return existing;
        }

        var conversation = await conversations.OpenDirectAsync(hello.FromId, hello.ToId);
        hello.Status = HelloStatus.Accepted;
        hello.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        hello.ConversationId = conversation.Id;
        await db.SaveChangesAsync();
        await conversations.PostAsync(conversation.Id, hello.FromId, hello.Text);
        return conversation.Id;
    }

    /// <summary>Declines silently: only the receiver's side changes.</summary>
    public async Task DeclineAsync(Hello hello)
    {
        if (hello.Status != HelloStatus.Waiting)
        {
            return;
        }

        hello.Status = HelloStatus.Declined;
        hello.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}

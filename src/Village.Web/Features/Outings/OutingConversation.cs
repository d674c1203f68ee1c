using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Messages;

namespace Village.Web.Features.Outings;

/// <summary>An outing's discussion is its group conversation (<see cref="ConversationKind.Outing"/>, one per outing),
/// read on the outing's page and in the parent's messages alike. Its members are the organiser and every family going
/// or waiting at a date to come: a family joins it when it joins a date, and leaves it when it leaves its last date to
/// come. Once the dates are past, the families stay (the memory of the meeting). A cancelled outing's conversation
/// stays readable but nobody writes in it any more. The conversation is opened when it is first needed: the first
/// family joining, or the organiser's first message.</summary>
public sealed class OutingConversation(VillageDb db, Conversations conversations, OutingEmails emails, TimeProvider clock)
{
    /// <summary>The outing's conversation, if it has been opened.</summary>
    public Task<Conversation?> FindAsync(Guid outingId) =>
        db.Conversations.AsNoTracking().Where(c => c.OutingId == outingId && c.Kind == ConversationKind.Outing).SingleOrDefaultAsync();

    /// <summary>The outing's conversation, opened now if it has none: the organiser and the families that have a place at
    /// one of its dates become its members.</summary>
    public async Task<Guid> EnsureAsync(Guid outingId)
    {
        if (await FindAsync(outingId) is { } existing)
        {
            return existing.Id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organizer = await db.Outings.Where(o => o.Id == outingId).Select(o => o.OrganizerId).SingleAsync();
        var families = await db.OutingParticipations
            .Where(p => db.OutingOccurrences.Any(o => o.Id == p.OccurrenceId && o.OutingId == outingId))
            .Select(p => p.MemberId).Distinct().ToListAsync();
        var members = families.Concat(organizer is Guid o ? [o] : []).Distinct();
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(),
            Kind = ConversationKind.Outing,
            OutingId = outingId,
            CreatedAt = now,
            LastMessageAt = now,
            Members = [.. members.Select(id => new ConversationMember { MemberId = id, JoinedAt = now })],
        };
        db.Conversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync();
            return conversation.Id;
        }
        catch (DbUpdateException)
        {
            // Opened by another request meanwhile (one conversation per outing): take that one.
            db.ChangeTracker.Clear();
            return (await FindAsync(outingId))!.Id;
        }
    }

    /// <summary>After a family joined or left a date: in the conversation while the organiser or going or waiting at a
    /// date to come; out of it otherwise. Those who have read everything before joining start with nothing unread.</summary>
    public async Task SyncMemberAsync(Guid outingId, Guid memberId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var belongs = await db.Outings.AnyAsync(o => o.Id == outingId && o.OrganizerId == memberId)
            || await db.OutingParticipations.AnyAsync(p => p.MemberId == memberId
                && db.OutingOccurrences.Any(o => o.Id == p.OccurrenceId && o.OutingId == outingId && o.EndsAt > now));
        if (!belongs)
        {
            await db.ConversationMembers
                .Where(m => m.MemberId == memberId && db.Conversations.Any(c => c.Id == m.ConversationId && c.OutingId == outingId))
                .ExecuteDeleteAsync();
            return;
        }

        var conversationId = await EnsureAsync(outingId);
        if (await db.ConversationMembers.AnyAsync(m => m.ConversationId == conversationId && m.MemberId == memberId))
        {
            return;
        }

        var read = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.LastSequence).SingleAsync();
        db.ConversationMembers.Add(new ConversationMember { ConversationId = conversationId, MemberId = memberId, JoinedAt = now, ReadSequence = read });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Added by another request meanwhile.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whether a member may write in an outing's conversation: a member of it, and the outing not cancelled.
    /// The pages of the messages call this for <see cref="ConversationKind.Outing"/> conversations too.</summary>
    public async Task<bool> CanWriteAsync(Guid conversationId, Guid memberId) =>
        await db.Conversations.AnyAsync(c => c.Id == conversationId
            && c.Members.Any(m => m.MemberId == memberId)
            && (c.OutingId == null || db.Outings.Any(o => o.Id == c.OutingId && o.Status == OutingStatus.Scheduled)));

    /// <summary>Writes in the outing's conversation (opened if needed). The organiser's messages also go by email to the
    /// families coming to a date to come, as the discussion always did. Who may write is the caller's check.</summary>
    public async Task<Message> PostAsync(Outing outing, Guid authorId, string text, string? authorName)
    {
        var conversationId = await EnsureAsync(outing.Id);
        var message = await conversations.PostAsync(conversationId, authorId, text);
        if (outing.OrganizerId == authorId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var families = await emails.ParticipantsAsync(outing, null, now);
            await emails.OrganizerMessageAsync(outing, families, authorName ?? "", text);
            await db.SaveChangesAsync();
        }

        return message;
    }
}

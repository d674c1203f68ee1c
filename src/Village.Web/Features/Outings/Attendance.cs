using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Moderation;

namespace Village.Web.Features.Outings;

/// <summary>Who comes to a date of an outing. Capacity is counted in families, the organiser's included. A family takes
/// a seat with one conditional update of <see cref="OutingOccurrence.GoingCount"/> (safe when two families click at the
/// same moment, on SQLite and PostgreSQL); when none is free it waits in line, in the order families joined. When a
/// family going leaves, the first family waiting takes its seat in the same transaction and is told by email.</summary>
public sealed class Attendance(VillageDb db, TimeProvider clock, OutingEmails emails, OutingSearch search, OutingConversation group)
{
    public const int MaxAdults = 4;
    public const int MaxChildren = 8;

    public enum JoinResult
    {
        Going,
        Waiting,
        AlreadyIn,
        NotOpen,
        Blocked,
    }

    public enum LeaveResult
    {
        Left,
        NotIn,
        Organizer,
    }

    /// <summary>Joins a date: a seat when one is free, else the waiting list. Nothing changes for a family already in.</summary>
    public async Task<JoinResult> JoinAsync(Guid occurrenceId, Guid memberId, int adults, int children, bool wantsMorningReminder)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var target = await db.OutingOccurrences.AsNoTracking().Where(o => o.Id == occurrenceId)
            .Join(db.Outings, o => o.OutingId, x => x.Id, (o, x) => new { o.IsCancelled, o.StartsAt, x.Status, x.MaxFamilies, x.OrganizerId, OutingId = x.Id })
            .SingleOrDefaultAsync();
        if (target is null || target.IsCancelled || target.Status == OutingStatus.Cancelled || target.StartsAt <= now)
        {
            return JoinResult.NotOpen;
        }

        if (target.OrganizerId is Guid organizer && await db.Blocks.BetweenAsync(memberId, organizer))
        {
            return JoinResult.Blocked;
        }

        if (await db.OutingParticipations.AnyAsync(p => p.OccurrenceId == occurrenceId && p.MemberId == memberId))
        {
            return JoinResult.AlreadyIn;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var max = target.MaxFamilies;
        var seated = await db.OutingOccurrences.Where(o => o.Id == occurrenceId && o.GoingCount < max)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.GoingCount, o => o.GoingCount + 1));
        db.OutingParticipations.Add(new OutingParticipation
        {
            Id = Guid.CreateVersion7(),
            OccurrenceId = occurrenceId,
            MemberId = memberId,
            Adults = Math.Clamp(adults, 1, MaxAdults),
            Children = Math.Clamp(children, 0, MaxChildren),
            Status = seated == 1 ? ParticipationStatus.Going : ParticipationStatus.Waiting,
            JoinedAt = now,
            PromotedAt = null,
            WantsMorningReminder = wantsMorningReminder,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same family joined from another tab meanwhile: the unique index kept one; undo this seat.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return JoinResult.AlreadyIn;
        }

        await transaction.CommitAsync();
        search.Changed();
        await group.SyncMemberAsync(target.OutingId, memberId);
        return seated == 1 ? JoinResult.Going : JoinResult.Waiting;
    }

    /// <summary>Leaves a date: frees the seat and gives it to the first family waiting. The organiser cannot leave
    /// (they cancel the date instead).</summary>
    public async Task<LeaveResult> LeaveAsync(Guid occurrenceId, Guid memberId)
    {
        var outing = await db.OutingOccurrences.Where(o => o.Id == occurrenceId)
            .Join(db.Outings, o => o.OutingId, x => x.Id, (o, x) => new { x.Id, x.OrganizerId }).SingleOrDefaultAsync();
        if (outing is not null && outing.OrganizerId == memberId)
        {
            return LeaveResult.Organizer;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var left = await LeaveInTransactionAsync(occurrenceId, memberId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        search.Changed();
        if (left && outing is not null)
        {
            // Out of the outing's conversation once no date to come is left.
            await group.SyncMemberAsync(outing.Id, memberId);
        }

        return left ? LeaveResult.Left : LeaveResult.NotIn;
    }

    /// <summary>Before an account goes: the member's upcoming outings are cancelled (the families told), and they leave
    /// every date they joined (the families waiting move up). The caller holds the transaction and saves.</summary>
    public async Task MemberLeavingAsync(Guid memberId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var organized = await db.Outings.AsNoTracking()
            .Where(o => o.OrganizerId == memberId && o.Status == OutingStatus.Scheduled
                && db.OutingOccurrences.Any(x => x.OutingId == o.Id && x.EndsAt > now && !x.IsCancelled))
            .ToListAsync();
        foreach (var outing in organized)
        {
            var families = await emails.ParticipantsAsync(outing, null, now);
            await db.Outings.Where(o => o.Id == outing.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutingStatus.Cancelled).SetProperty(o => o.UpdatedAt, now));
            await db.OutingOccurrences.Where(o => o.OutingId == outing.Id && o.EndsAt > now && !o.IsCancelled)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true).SetProperty(o => o.Sequence, o => o.Sequence + 1));
            await emails.CancelledAsync(outing, families, null, null);
        }

        await LeaveAllUpcomingAsync(memberId);
        search.Changed();
    }

    /// <summary>Every upcoming date a member takes part in, left (account deletion). The caller holds the transaction
    /// and saves (the promotion emails are queued in it).</summary>
    public async Task LeaveAllUpcomingAsync(Guid memberId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dates = await db.OutingParticipations.Where(p => p.MemberId == memberId)
            .Join(db.OutingOccurrences, p => p.OccurrenceId, o => o.Id, (p, o) => o)
            .Where(o => o.EndsAt > now && !o.IsCancelled)
            .Select(o => o.Id).ToListAsync();
        foreach (var occurrenceId in dates)
        {
            await LeaveInTransactionAsync(occurrenceId, memberId);
        }
    }

    /// <summary>Gives free seats of a date (after a family left or the capacity was raised) to the families waiting, in
    /// the order they joined; each is told by email. Returns how many moved up. Call inside a transaction.</summary>
    public async Task<int> PromoteAsync(Guid occurrenceId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outing = await db.OutingOccurrences.AsNoTracking().Where(o => o.Id == occurrenceId)
            .Join(db.Outings, o => o.OutingId, x => x.Id, (o, x) => new { Outing = x, o.StartsAt, o.IsCancelled })
            .SingleOrDefaultAsync();
        if (outing is null || outing.IsCancelled || outing.Outing.Status == OutingStatus.Cancelled || outing.StartsAt <= now)
        {
            return 0;
        }

        var max = outing.Outing.MaxFamilies;
        var promoted = 0;
        while (true)
        {
            var next = await db.OutingParticipations.AsNoTracking()
                .Where(p => p.OccurrenceId == occurrenceId && p.Status == ParticipationStatus.Waiting)
                .OrderBy(p => p.JoinedAt).ThenBy(p => p.Id)
                .FirstOrDefaultAsync();
            if (next is null)
            {
                return promoted;
            }

            var seated = await db.OutingOccurrences.Where(o => o.Id == occurrenceId && o.GoingCount < max)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.GoingCount, o => o.GoingCount + 1));
            if (seated == 0)
            {
                return promoted;
            }

            var moved = await db.OutingParticipations.Where(p => p.Id == next.Id && p.Status == ParticipationStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ParticipationStatus.Going).SetProperty(p => p.PromotedAt, now));
            if (moved == 0)
            {
                // Someone else moved or removed this family meanwhile: give the seat back and look again.
                await db.OutingOccurrences.Where(o => o.Id == occurrenceId)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.GoingCount, o => o.GoingCount - 1));
                continue;
            }

            promoted++;
            await emails.PromotedAsync(outing.Outing, occurrenceId, outing.StartsAt, next.MemberId);
        }
    }

    private async Task<bool> LeaveInTransactionAsync(Guid occurrenceId, Guid memberId)
    {
        var status = await db.OutingParticipations.Where(p => p.OccurrenceId == occurrenceId && p.MemberId == memberId)
            .Select(p => (ParticipationStatus?)p.Status).SingleOrDefaultAsync();
        if (status is null)
        {
            return false;
        }

        var removed = await db.OutingParticipations.Where(p => p.OccurrenceId == occurrenceId && p.MemberId == memberId)
            .ExecuteDeleteAsync();
        if (removed == 1 && status == ParticipationStatus.Going)
        {
            await db.OutingOccurrences.Where(o => o.Id == occurrenceId && o.GoingCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.GoingCount, o => o.GoingCount - 1));
            await PromoteAsync(occurrenceId);
        }

        return removed == 1;
    }
}

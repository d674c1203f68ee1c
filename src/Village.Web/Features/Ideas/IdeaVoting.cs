using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.Ideas;

/// <summary>A member's vote for an idea, given or withdrawn, and the idea's count changed in the same transaction.</summary>
public static class IdeaVoting
{
    public static async Task VoteAsync(VillageDb db, Guid ideaId, Guid memberId, bool vote)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var has = await db.IdeaVotes.AnyAsync(v => v.IdeaId == ideaId && v.MemberId == memberId);
        if (vote && !has)
        {
            db.IdeaVotes.Add(new IdeaVote { Id = Guid.CreateVersion7(), IdeaId = ideaId, MemberId = memberId });
            await db.SaveChangesAsync();
            await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.VoteCount, i => i.VoteCount + 1));
        }
        else if (!vote && has)
        {
            if (await db.IdeaVotes.Where(v => v.IdeaId == ideaId && v.MemberId == memberId).ExecuteDeleteAsync() > 0)
            {
                await db.Ideas.Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.VoteCount, i => i.VoteCount - 1));
            }
        }

        await transaction.CommitAsync();
    }
}

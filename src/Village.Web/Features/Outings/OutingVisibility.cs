using Village.Web.Data;
using Village.Web.Features.Moderation;

namespace Village.Web.Features.Outings;

/// <summary>Who may see an outing. One open to every parent nearby has a public page (anyone may read it, signed in
/// or not, so it can be shared); a community's outing is for that community's members only. Neither the organiser
/// nor a parent either of them blocked sees the other's outings. The exact meeting point is for the families taking
/// part (see <see cref="OutingParticipation"/>), never part of this rule.</summary>
public static class OutingVisibility
{
    /// <summary>Outings a signed-in parent may see (cancelled ones included: callers filter by status).</summary>
    public static IQueryable<Outing> VisibleTo(this IQueryable<Outing> outings, VillageDb db, Guid viewerId, DateTime now) =>
        outings.Where(o => (o.CommunityId == null
                || db.CommunityMembers.Any(m => m.CommunityId == o.CommunityId && m.MemberId == viewerId
                    && !db.CommunitySanctions.Any(s => s.CommunityId == m.CommunityId && s.MemberId == viewerId && s.Kind == SanctionKind.Ban && s.LiftedAt == null && s.StartsAt <= now && (s.EndsAt == null || s.EndsAt > now))))
            && !db.Blocks.Any(b => (b.BlockerId == viewerId && b.BlockedId == o.OrganizerId) || (b.BlockerId == o.OrganizerId && b.BlockedId == viewerId)));

    /// <summary>Outings a visitor who is not signed in may see: those open to every parent nearby.</summary>
    public static IQueryable<Outing> Public(this IQueryable<Outing> outings) => outings.Where(o => o.CommunityId == null);
}

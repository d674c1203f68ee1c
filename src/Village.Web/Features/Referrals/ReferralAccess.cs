using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.ServiceDirectory;

namespace Village.Web.Features.Referrals;

/// <summary>Who sees a referral: the parent; the professional who proposed it; and the receiving service's verified
/// professionals, only from the parent's consent until they withdraw it. Nobody else, not even a moderator: for
/// anyone else the referral does not exist (404).</summary>
public static class ReferralAccess
{
    /// <summary>The statuses in which the service sees the referral: the parent agreed and did not take it back.</summary>
    public static readonly ReferralStatus[] VisibleToService =
        [ReferralStatus.Consented, ReferralStatus.Accepted, ReferralStatus.FirstContactMade, ReferralStatus.Closed];

    public static bool IsVisibleToService(ReferralStatus status) => VisibleToService.Contains(status);

    /// <summary>The organisations a member is a verified professional of.</summary>
    public static IQueryable<Guid> VerifiedOrganizations(this VillageDb db, Guid memberId) =>
        db.OrganizationMembers.Where(m => m.MemberId == memberId && m.Status == OrganizationMemberStatus.Verified).Select(m => m.OrganizationId);

    /// <summary>A referral as one viewer may see it, or null when they may not see it at all.</summary>
    public static async Task<ReferralView?> LoadAsync(VillageDb db, Guid id, Guid viewerId, bool asProfessional)
    {
        var row = await db.Referrals.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, s.Name, s.OrganizationId })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var referral = row.r;
        var isParent = !asProfessional && referral.ParentId == viewerId;
        var isReferrer = asProfessional && referral.ReferrerId == viewerId;
        var isService = asProfessional && IsVisibleToService(referral.Status)
            && await db.VerifiedOrganizations(viewerId).ContainsAsync(row.OrganizationId);
        if (!isParent && !isReferrer && !isService)
        {
            return null;
        }

        var parentName = await db.Profiles.Where(p => p.MemberId == referral.ParentId).Select(p => p.DisplayName).SingleOrDefaultAsync();
        var referrerName = referral.ReferrerId is { } by
            ? await db.Profiles.Where(p => p.MemberId == by).Select(p => p.DisplayName).SingleOrDefaultAsync()
            : null;
        var organizationName = referral.ReferrerOrganizationId is { } org
            ? await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync()
            : null;
        var events = await db.ReferralEvents.AsNoTracking().Where(e => e.ReferralId == id)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.Party, e.Action, e.At))
            .ToListAsync();
        return new ReferralView(referral, isParent, isReferrer, isService, row.Name, parentName, referrerName, organizationName, events);
    }
}

/// <summary>A referral with what its viewer may know around it.</summary>
public sealed record ReferralView(
    Referral Referral,
    bool IsParent,
    bool IsReferrer,
    bool IsService,
    string ServiceName,
    string? ParentName,
    string? ReferrerName,
    string? ReferrerOrganizationName,
    IReadOnlyList<TimelineEntry> Timeline);

public sealed record TimelineEntry(ReferralParty Party, ReferralAction Action, DateTime At);

/// <summary>One line of a list of referrals.</summary>
public sealed record ReferralLine(Guid Id, ReferralKind Kind, ReferralStatus Status, string ServiceName, string? PersonName, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>What the service sees about the family: their name, the contact means they chose, the note if they share
/// it, and who relayed them.</summary>
public sealed record SharedCard(string? Name, string? Email, string? Phone, string? Note, string? ReferredBy);

using Village.Web.Data;

namespace Village.Web.Features.ServiceDirectory;

public static class ReceivingServices
{
    /// <summary>The published services with a verified professional on Village: only they can be relayed a family or
    /// asked to call a parent back, so that no handover waits in a box nobody opens.</summary>
    public static IQueryable<Service> ReceivingReferrals(this VillageDb db) =>
        db.Services.Where(s => s.ListingStatus == ListingStatus.Published
            && db.OrganizationMembers.Any(m => m.OrganizationId == s.OrganizationId && m.Status == OrganizationMemberStatus.Verified));
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Referrals;

/// <summary>A parent's referrals: those waiting for their answer first, then the others, newest first.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db) : PageModel
{
    public IReadOnlyList<ReferralLine> Referrals { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = User.MemberId();
        Referrals = await db.Referrals.AsNoTracking().Where(r => r.ParentId == me)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, s.Name })
            .OrderBy(x => x.r.Status == ReferralStatus.Proposed ? 0 : 1).ThenByDescending(x => x.r.UpdatedAt)
            .Take(ProIndexModel.ListSize)
            .Select(x => new ReferralLine(x.r.Id, x.r.Kind, x.r.Status, x.Name, null, x.r.CreatedAt, x.r.UpdatedAt))
            .ToListAsync();
    }
}

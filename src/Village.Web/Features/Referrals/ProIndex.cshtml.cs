using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Referrals;

/// <summary>A professional's referrals: those their organisations' services received (only once the parent agreed,
/// and no longer after they withdrew) and those they sent.</summary>
[Authorize(Policy = Roles.Professional)]
public sealed class ProIndexModel(VillageDb db) : PageModel
{
    public const int ListSize = 200;

    public IReadOnlyList<ReferralLine> Received { get; private set; } = [];

    public IReadOnlyList<ReferralLine> Sent { get; private set; } = [];

    public bool IsVerified { get; private set; }

    public async Task OnGetAsync()
    {
        var me = User.MemberId();
        var organizations = db.VerifiedOrganizations(me);
        IsVerified = await organizations.AnyAsync();
        var visible = ReferralAccess.VisibleToService;
        Received = await db.Referrals.AsNoTracking()
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, s })
            .Where(x => organizations.Contains(x.s.OrganizationId) && visible.Contains(x.r.Status))
            .OrderByDescending(x => x.r.UpdatedAt).Take(ListSize)
            .Select(x => new ReferralLine(x.r.Id, x.r.Kind, x.r.Status, x.s.Name,
                db.Profiles.Where(p => p.MemberId == x.r.ParentId).Select(p => p.DisplayName).FirstOrDefault(), x.r.CreatedAt, x.r.UpdatedAt))
            .ToListAsync();
        Sent = await db.Referrals.AsNoTracking().Where(r => r.ReferrerId == me)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, s })
            .OrderByDescending(x => x.r.UpdatedAt).Take(ListSize)
            .Select(x => new ReferralLine(x.r.Id, x.r.Kind, x.r.Status, x.s.Name,
                db.Profiles.Where(p => p.MemberId == x.r.ParentId).Select(p => p.DisplayName).FirstOrDefault(), x.r.CreatedAt, x.r.UpdatedAt))
            .ToListAsync();
    }
}

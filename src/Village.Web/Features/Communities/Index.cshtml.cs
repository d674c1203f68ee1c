using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Communities;

/// <summary>Communities: the parent's own, those of their area, and the themed ones. Anyone may browse.</summary>
public sealed class IndexModel(VillageDb db, NearbyCommunities nearby) : PageModel
{
    public IReadOnlyList<CommunityCard> Mine { get; private set; } = [];

    /// <summary>Local communities around the parent's home that they have not joined.</summary>
    public IReadOnlyList<CommunityCard> Nearby { get; private set; } = [];

    public IReadOnlyList<CommunityCard> Themed { get; private set; } = [];

    public bool HasArea { get; private set; }

    public async Task OnGetAsync()
    {
        var memberId = User.Identity?.IsAuthenticated == true ? User.MemberId() : Guid.Empty;
        var approved = db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Approved);
        Mine = await approved.Where(c => c.Members.Any(m => m.MemberId == memberId))
            .OrderBy(c => c.Name).Select(CommunityCard.Projection(memberId)).ToListAsync();
        Themed = await approved.Where(c => c.Kind == CommunityKind.Themed)
            .OrderByDescending(c => c.Members.Count).Select(CommunityCard.Projection(memberId)).ToListAsync();
        var home = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId)
            .Select(p => new { p.Latitude, p.Longitude }).SingleOrDefaultAsync();
        if (home is { Latitude: double lat, Longitude: double lon })
        {
            HasArea = true;
            Nearby = [.. (await nearby.AroundAsync(memberId, lat, lon, 20)).Where(c => !c.IsMember)];
        }
    }
}

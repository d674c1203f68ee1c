using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Parents;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Profiles;

/// <summary>A parent's page as another signed-in parent sees it: only what its owner chose to show, children by
/// age only, the town and a rounded distance, never a position.</summary>
[Authorize]
public sealed class ParentModel(VillageDb db, TimeProvider clock) : PageModel
{
    public ParentProfile Profile { get; private set; } = null!;

    public bool IsSelf { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Rounded to whole kilometres; null when either side has no area.</summary>
    public int? DistanceKm { get; private set; }

    /// <summary>Whether the viewer blocked this parent (they may unblock from here).</summary>
    public bool Blocked { get; private set; }

    /// <summary>The direct conversation the two parents share: they are connections.</summary>
    public Guid? ConversationId { get; private set; }

    public bool HelloSent { get; private set; }

    public bool HelloReceived { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var viewerId = User.MemberId();
        var profile = await db.Profiles.AsNoTracking()
            .Include(p => p.Children)
            .Include(p => p.Languages)
            .SingleOrDefaultAsync(p => p.MemberId == id);
        IsSelf = id == viewerId;
        // A parent who blocked the viewer is not found for them.
        if (profile is null || (!IsSelf && !profile.VisibleNearby)
            || await db.Blocks.AnyAsync(b => b.BlockerId == id && b.BlockedId == viewerId))
        {
            return NotFound();
        }

        Profile = profile;
        Blocked = await db.Blocks.AnyAsync(b => b.BlockerId == viewerId && b.BlockedId == id);
        if (!IsSelf)
        {
            ConversationId = await Connections.ConversationAsync(db, viewerId, id);
            HelloSent = await db.Hellos.AnyAsync(h => h.FromId == viewerId && h.ToId == id);
            HelloReceived = await db.Hellos.AnyAsync(h => h.FromId == id && h.ToId == viewerId && h.Status == HelloStatus.Waiting);
        }

        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var viewer = await db.Profiles.AsNoTracking().Where(p => p.MemberId == viewerId)
            .Select(p => new { p.Latitude, p.Longitude }).SingleAsync();
        if (!IsSelf && viewer is { Latitude: double lat, Longitude: double lon } && profile is { Latitude: double theirLat, Longitude: double theirLon })
        {
            DistanceKm = (int)Math.Round(Coordinates.DistanceKm(lat, lon, theirLat, theirLon));
        }

        return Page();
    }

    /// <summary>Whether the viewer may see a part of the profile: "Connections" are the parents they talk with.</summary>
    public bool Shows(Audience audience) => Connections.Shows(audience, IsSelf, ConversationId is not null);

    public bool HasFacts =>
        Profile.TownName is not null
        || (Shows(Profile.ChildrenAudience) && Profile.Children.Count > 0)
        || (Shows(Profile.LanguagesAudience) && Profile.Languages.Count > 0)
        || (Shows(Profile.InterestsAudience) && (Profile.Interests != Interest.None || Profile.Availability != Availability.None));
}

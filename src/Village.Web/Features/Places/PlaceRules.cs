using System.Security.Claims;
using Village.Web.Features.Accounts;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Places;

/// <summary>Who sees and who edits a place. Approved places are public; a pending or declined one is seen only by
/// the member who proposed it and by the moderators (anyone else finds nothing). Moderators edit any place, the
/// proposer only while it waits.</summary>
public static class PlaceRules
{
    /// <summary>How many proposals one member may have waiting at once.</summary>
    public const int MaxPendingPerMember = 5;

    public static bool IsModerator(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Administrator);

    /// <summary>The signed-in member's id, or null for a visitor.</summary>
    public static Guid? ViewerId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.MemberId() : null;

    public static bool MaySee(this ClaimsPrincipal user, Place place) =>
        place.Status == PlaceStatus.Approved || user.IsModerator() || (place.ProposedById is { } by && by == user.ViewerId());

    public static bool MayEdit(this ClaimsPrincipal user, Place place) =>
        user.IsModerator() || (place.Status == PlaceStatus.Pending && place.ProposedById is { } by && by == user.ViewerId());
}

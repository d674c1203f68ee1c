using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Circle;

/// <summary>The parent's circle: its picture, the same in words, where it is thin and what could help near them.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db, NearbyHelp nearbyHelp) : PageModel
{
    public IReadOnlyList<CirclePerson> People { get; private set; } = [];

    public Ecomap Map { get; private set; } = null!;

    public IReadOnlyList<ThinSpot> ThinSpots { get; private set; } = [];

    public NearbyHelpView Nearby { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var memberId = User.MemberId();
        People = await db.CirclePeople.AsNoTracking().Where(p => p.OwnerId == memberId).ToListAsync();
        People = [.. People.OrderBy(p => p.Closeness).ThenBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id)];
        Map = Ecomap.Of(People);
        ThinSpots = CircleAnalysis.Of([.. People]);
        Nearby = await nearbyHelp.FindAsync(memberId, HttpContext.RequestAborted);
    }

    /// <summary>The help words for a person ("repas, garde du bébé"), or null when none was ticked.</summary>
    public static IEnumerable<CircleHelp> HelpOf(CirclePerson person) =>
        CircleInput.HelpChoices.Where(h => person.CanHelp.HasFlag(h));
}

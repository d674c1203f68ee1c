using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Village.Web.Data;
using Village.Web.Features.Communities;

namespace Village.Web.Features.Moderation;

/// <summary>A community's moderation log, for its admins (and platform moderators).</summary>
[Authorize]
public sealed class CommunityLogModel(VillageDb db, CommunityAccess access) : PageModel
{
    public Community Community { get; private set; } = null!;

    public LogPage Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "p")] int pageNumber = 1)
    {
        if (await CommunityQueueModel.ScopeAsync(db, access, User, slug) is not { } community)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || pageNumber < 1)
        {
            return BadRequest();
        }

        Community = community;
        Log = await LogPage.LoadAsync(db, community.Id, pageNumber, $"/communities/{community.Slug}/moderation/log");
        return Page();
    }
}

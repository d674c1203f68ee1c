using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Village.Web.Data;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.Moderation;

/// <summary>The whole moderation log, for platform moderators.</summary>
[Authorize(Policy = Roles.Moderator)]
public sealed class LogModel(VillageDb db) : PageModel
{
    public LogPage Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "p")] int pageNumber = 1)
    {
        if (!ModelState.IsValid || pageNumber < 1)
        {
            return BadRequest();
        }

        Log = await LogPage.LoadAsync(db, null, pageNumber, "/moderation/log");
        return Page();
    }
}

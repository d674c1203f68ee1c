using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;

namespace Village.Web.Features.CommunityAdmin;

/// <summary>The admin console's pages: open to the community's admins and to platform administrators; anyone else
/// (a member, a stranger) finds nothing there.</summary>
[Authorize]
public abstract class AdminPageModel(VillageDb db, CommunityDirectory directory) : PageModel
{
    public Community Community { get; private set; } = null!;

    /// <summary>False for a platform administrator who is not one of the community's admins.</summary>
    public bool IsCommunityAdmin { get; private set; }

    public Guid MemberId { get; private set; }

    [TempData]
    public string? Message { get; set; }

    protected VillageDb Db => db;

    protected async Task<bool> LoadAsync(string slug)
    {
        MemberId = User.MemberId();
        if (await directory.FindAsync(slug) is not { Community: { Status: CommunityStatus.Approved } community })
        {
            return false;
        }

        var memberId = MemberId;
        IsCommunityAdmin = await db.CommunityMembers.AnyAsync(m => m.CommunityId == community.Id && m.MemberId == memberId && m.Role == CommunityRole.Admin);
        Community = community;
        return IsCommunityAdmin || User.IsInRole(Roles.Administrator);
    }

    /// <summary>Back to the same console page, where the message is shown; the community's pages show the change
    /// at once.</summary>
    protected RedirectResult Done(string message, string section = "")
    {
        directory.Forget(Community.Slug);
        Message = message;
        return Redirect($"/communities/{Community.Slug}/admin{section}");
    }
}

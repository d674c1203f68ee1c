using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>The parents one has blocked, to unblock them; and blocking, from a parent's page, a post or a comment.</summary>
[Authorize]
public sealed class BlocksModel(VillageDb db, CommunityAccess access, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public IReadOnlyList<Blocked> List { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var me = User.MemberId();
        List = await db.Blocks.AsNoTracking().Where(b => b.BlockerId == me).OrderByDescending(b => b.CreatedAt)
            .Select(b => new Blocked(b.BlockedId, db.Profiles.Where(p => p.MemberId == b.BlockedId).Select(p => p.DisplayName).FirstOrDefault(), b.CreatedAt))
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostBlockAsync([Required] Guid? member)
    {
        var me = User.MemberId();
        if (!ModelState.IsValid || member is not { } id)
        {
            return BadRequest();
        }

        var name = await db.Profiles.AsNoTracking().Where(p => p.MemberId == id).Select(p => p.DisplayName).SingleOrDefaultAsync();
        if (name is null || id == me)
        {
            return NotFound();
        }

        if (!await db.Blocks.AnyAsync(b => b.BlockerId == me && b.BlockedId == id))
        {
            db.Blocks.Add(new Block { BlockerId = me, BlockedId = id, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            access.Changed(me);
            access.Changed(id);
        }

        Message = t["Block.Done", name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnblockAsync([Required] Guid? member)
    {
        var me = User.MemberId();
        if (!ModelState.IsValid || member is not { } id)
        {
            return BadRequest();
        }

        if (await db.Blocks.Where(b => b.BlockerId == me && b.BlockedId == id).ExecuteDeleteAsync() > 0)
        {
            access.Changed(me);
            access.Changed(id);
            Message = t["Block.Undone"];
        }

        return RedirectToPage();
    }

    public sealed record Blocked(Guid Id, string? Name, DateTime Since);
}

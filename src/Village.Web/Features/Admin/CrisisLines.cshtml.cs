using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.CheckIn;

namespace Village.Web.Features.Admin;

/// <summary>Administrators keep the crisis lines right: every country's lines, a link to edit each, and "checked today"
/// once they have called it.</summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class CrisisLinesModel(VillageDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<IGrouping<string, CrisisLine>> Countries { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        var lines = await db.CrisisLines.AsNoTracking().ToListAsync();
        Countries = [.. lines.OrderBy(l => Array.IndexOf(CrisisLines.Countries, l.Country)).ThenBy(l => l.Rank).ThenBy(l => l.Name, StringComparer.Ordinal)
            .GroupBy(l => l.Country)];
    }

    /// <summary>The administrator has just called the line and it answers as written.</summary>
    public async Task<IActionResult> OnPostVerifiedAsync(Guid id)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var updated = await db.CrisisLines.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.VerifiedOn, today));
        if (updated == 0)
        {
            return NotFound();
        }

        Done = "CrisisLine.Admin.VerifiedDone";
        return Redirect($"/admin/crisis-lines#line-{id}");
    }
}

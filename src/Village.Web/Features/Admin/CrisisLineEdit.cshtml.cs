using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.CheckIn;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Admin;

/// <summary>Adds (<c>/admin/crisis-lines/new</c>), edits or deletes one crisis line. Deleting asks to tick a box first.</summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class CrisisLineEditModel(VillageDb db, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public const string New = "new";

    [BindProperty]
    public CrisisLineInput Input { get; set; } = new();

    [BindProperty]
    public bool ConfirmDelete { get; set; }

    public Guid? LineId { get; private set; }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (id == New)
        {
            Input = new CrisisLineInput { VerifiedOn = Today, Rank = 50 };
            return Page();
        }

        var line = await FindAsync(id);
        if (line is null)
        {
            return NotFound();
        }

        LineId = line.Id;
        Input = CrisisLineInput.From(line);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        CrisisLine? line = null;
        if (id != New)
        {
            line = await FindAsync(id);
            if (line is null)
            {
                return NotFound();
            }

            LineId = line.Id;
        }

        foreach (var (field, key) in Input.Check(Today))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", t[key]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        if (line is null)
        {
            line = new CrisisLine();
            db.CrisisLines.Add(line);
        }

        Input.ApplyTo(line);
        await db.SaveChangesAsync();
        TempData["Done"] = "CrisisLine.Admin.Saved";
        return Redirect($"/admin/crisis-lines#line-{line.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        var line = await FindAsync(id);
        if (line is null)
        {
            return NotFound();
        }

        if (!ConfirmDelete)
        {
            LineId = line.Id;
            Input = CrisisLineInput.From(line);
            ModelState.Clear();
            ModelState.AddModelError(nameof(ConfirmDelete), t["CrisisLine.Error.ConfirmDelete"]);
            return this.InvalidPage();
        }

        db.CrisisLines.Remove(line);
        await db.SaveChangesAsync();
        TempData["Done"] = "CrisisLine.Admin.Deleted";
        return Redirect("/admin/crisis-lines");
    }

    private async Task<CrisisLine?> FindAsync(string id) =>
        Guid.TryParse(id, out var guid) ? await db.CrisisLines.SingleOrDefaultAsync(l => l.Id == guid) : null;
}

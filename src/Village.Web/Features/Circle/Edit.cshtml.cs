using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Circle;

/// <summary>Edits or removes someone of the signed-in parent's circle; another parent's entry is not found.</summary>
[Authorize]
public sealed class EditModel(VillageDb db, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public CircleInput Input { get; set; } = new();

    public Guid PersonId { get; private set; }

    public string SavedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        Input = CircleInput.From(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        await Input.CheckAsync(ModelState, db, t);

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        Input.CopyTo(person);
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Circle.Saved"] = true;
        return Redirect("/circle");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        db.CirclePeople.Remove(person);
        await db.SaveChangesAsync();
        TempData["Circle.Removed"] = true;
        return Redirect("/circle");
    }

    private async Task<CirclePerson?> FindAsync(Guid id)
    {
        var memberId = User.MemberId();
        PersonId = id;
        var person = await db.CirclePeople.SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == memberId);
        SavedName = person?.Name ?? "";
        return person;
    }
}

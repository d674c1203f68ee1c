using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.Places;

/// <summary>Moderators edit any place; the member who proposed one edits it while it waits. Anyone else finds
/// nothing to edit (404).</summary>
[Authorize]
public sealed class EditModel(VillageDb db, Gazetteer gazetteer, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public Guid PlaceId { get; private set; }

    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await FindAsync(id) is not { } place)
        {
            return NotFound();
        }

        Input = PlaceInput.From(place);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await FindAsync(id) is not { } place)
        {
            return NotFound();
        }

        var town = NewModel.ResolveTown(this, Input, gazetteer, t, out var choices);
        TownChoices = choices;
        if (!ModelState.IsValid || town is null)
        {
            return this.InvalidPage();
        }

        db.Attach(place);
        Input.CopyTo(place, town);
        place.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return Redirect($"/places/{id}");
    }

    private async Task<Place?> FindAsync(Guid id)
    {
        PlaceId = id;
        var place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        return place is not null && User.MayEdit(place) ? place : null;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.AddressBook;

/// <summary>A member adds a professional or a place; the same name in the same town is offered for recommending
/// instead of being added twice.</summary>
[Authorize]
public sealed class NewModel(VillageDb db, CommunityAccess access, Gazetteer gazetteer, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    [BindProperty]
    public AddressInput Input { get; set; } = new();

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    /// <summary>The entry already there under the same name and town, to recommend instead.</summary>
    public AddressEntry? Duplicate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, AddressCategory? category)
    {
        if (await access.ForAsync(slug, User.MemberId()) is not { IsMember: true } community)
        {
            return NotFound();
        }

        Community = community;
        Input.Category = category is { } chosen && Enum.IsDefined(chosen) ? chosen : AddressCategory.Pediatrician;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await access.ForAsync(slug, User.MemberId()) is not { IsMember: true } community)
        {
            return NotFound();
        }

        Community = community;
        var town = ResolveTown(this, Input, gazetteer, t, out var choices);
        TownChoices = choices;
        if (town is not null && ModelState.IsValid)
        {
            var name = AddressInput.Normalized(Input.Name);
            Duplicate = await db.AddressEntries.AsNoTracking()
                .FirstOrDefaultAsync(e => e.CommunityId == community.Community.Id && e.NormalizedName == name && e.TownId == town.Id && !e.IsHidden);
            if (Duplicate is not null)
            {
                ModelState.AddModelError("Input.Name", t["AddressBook.Duplicate", Duplicate.Name, Duplicate.TownName]);
            }
        }

        if (!ModelState.IsValid || town is null)
        {
            return this.InvalidPage();
        }

        var entry = new AddressEntry
        {
            Id = Guid.CreateVersion7(),
            CommunityId = community.Community.Id,
            AuthorId = User.MemberId(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Input.CopyTo(entry, town);
        db.AddressEntries.Add(entry);
        await db.SaveChangesAsync();
        return RedirectToPage("/AddressBook/Show", new { slug, id = entry.Id });
    }

    /// <summary>Adds the input's problems to the page and finds its town (required) in the gazetteer.</summary>
    internal static Town? ResolveTown(PageModel page, AddressInput input, Gazetteer gazetteer, IStringLocalizer<Texts> t, out IReadOnlyList<Town> choices) =>
        RequiredTown.Resolve(page, input.Problems(), input.TownQuery, input.TownId, input.TownChoice, "AddressBook.TownRequired", gazetteer, t, out choices);
}

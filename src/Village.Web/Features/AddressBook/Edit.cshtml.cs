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

/// <summary>The member who added an entry, or an admin of the community, edits it; anyone else finds nothing.</summary>
[Authorize]
public sealed class EditModel(VillageDb db, CommunityAccess access, Gazetteer gazetteer, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    public Guid EntryId { get; private set; }

    [BindProperty]
    public AddressInput Input { get; set; } = new();

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, Guid id)
    {
        if (await FindAsync(slug, id) is not { } entry)
        {
            return NotFound();
        }

        Input = AddressInput.From(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id)
    {
        if (await FindAsync(slug, id) is not { } entry)
        {
            return NotFound();
        }

        var town = NewModel.ResolveTown(this, Input, gazetteer, t, out var choices);
        TownChoices = choices;
        if (!ModelState.IsValid || town is null)
        {
            return this.InvalidPage();
        }

        db.Attach(entry);
        Input.CopyTo(entry, town);
        entry.EditedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return RedirectToPage("/AddressBook/Show", new { slug, id });
    }

    private async Task<AddressEntry?> FindAsync(string slug, Guid id)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { IsMember: true } community)
        {
            return null;
        }

        Community = community;
        EntryId = id;
        return await db.AddressEntries.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == id && e.CommunityId == community.Community.Id && (community.IsAdmin || e.AuthorId == memberId));
    }
}

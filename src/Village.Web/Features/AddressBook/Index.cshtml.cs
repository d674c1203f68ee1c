using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;

namespace Village.Web.Features.AddressBook;

/// <summary>The community's address book: professionals and places its members recommend, by category and name.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db, CommunityAccess access) : PageModel
{
    public const int MaxShown = 200;

    public CommunityAccess.Access Community { get; private set; } = null!;

    public IReadOnlyList<AddressEntry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public AddressCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await access.ForAsync(slug, User.MemberId()) is not { CanRead: true } community)
        {
            return NotFound();
        }

        Community = community;
        if (!ModelState.IsValid || (Category is { } category && !Enum.IsDefined(category)) || Q?.Length > 100)
        {
            return BadRequest();
        }

        var entries = db.AddressEntries.AsNoTracking().Where(e => e.CommunityId == community.Community.Id && (!e.IsHidden || community.IsAdmin));
        if (Category is { } chosen)
        {
            entries = entries.Where(e => e.Category == chosen);
        }

        if (AddressInput.Normalized(Q ?? "") is { Length: > 0 } words)
        {
            entries = entries.Where(e => e.NormalizedName.Contains(words));
        }

        Entries = await entries.OrderByDescending(e => e.RecommendationCount).ThenBy(e => e.NormalizedName).Take(MaxShown).ToListAsync();
        return Page();
    }
}

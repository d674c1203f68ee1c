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

/// <summary>A member proposes a place; a moderator approves it before others see it. The same name in the same town
/// is offered instead of being proposed twice, and a member has at most five proposals waiting.</summary>
[Authorize]
public sealed class NewModel(VillageDb db, Gazetteer gazetteer, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    /// <summary>The place already there under the same name and town.</summary>
    public Place? Duplicate { get; private set; }

    public bool TooManyPending { get; private set; }

    public async Task OnGetAsync(PlaceCategory? category)
    {
        Input.Category = category is { } chosen && Enum.IsDefined(chosen) ? chosen : PlaceCategory.Cafe;
        TooManyPending = await PendingCountAsync() >= PlaceRules.MaxPendingPerMember;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingCountAsync() >= PlaceRules.MaxPendingPerMember)
        {
            TooManyPending = true;
            ModelState.AddModelError("", t["Place.TooManyPending", PlaceRules.MaxPendingPerMember]);
            var refused = Page();
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }

        var town = ResolveTown(this, Input, gazetteer, t, out var choices);
        TownChoices = choices;
        if (town is not null && ModelState.IsValid)
        {
            var name = PlaceInput.Normalized(Input.Name);
            var memberId = User.MemberId();
            // Declined proposals of others do not count; the member's own pending or approved ones do.
            Duplicate = await db.Places.AsNoTracking()
                .Where(p => p.NormalizedName == name && p.TownId == town.Id
                    && (p.Status == PlaceStatus.Approved || (p.Status == PlaceStatus.Pending && p.ProposedById == memberId)))
                .OrderBy(p => p.Status).FirstOrDefaultAsync();
            if (Duplicate is not null)
            {
                ModelState.AddModelError("Input.Name", t["Place.Duplicate", Duplicate.Name, Duplicate.TownName]);
            }
        }

        if (!ModelState.IsValid || town is null)
        {
            return this.InvalidPage();
        }

        var place = new Place
        {
            Id = Guid.CreateVersion7(),
            Status = PlaceStatus.Pending,
            ProposedById = User.MemberId(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Input.CopyTo(place, town);
        db.Places.Add(place);
        await db.SaveChangesAsync();
        return Redirect($"/places/{place.Id}");
    }

    private Task<int> PendingCountAsync()
    {
        var memberId = User.MemberId();
        return db.Places.CountAsync(p => p.ProposedById == memberId && p.Status == PlaceStatus.Pending);
    }

    /// <summary>Adds the input's problems to the page and finds its town (required) in the gazetteer.</summary>
    internal static Town? ResolveTown(PageModel page, PlaceInput input, Gazetteer gazetteer, IStringLocalizer<Texts> t, out IReadOnlyList<Town> choices) =>
        RequiredTown.Resolve(page, input.Problems(), input.TownQuery, input.TownId, input.TownChoice, "Place.TownRequired", gazetteer, t, out choices);
}

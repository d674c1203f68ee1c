using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.ServiceDirectory.Search;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>A verified professional of the service's organisation keeps its listing up to date: saving changes it
/// and marks it checked today; "nothing changed" only marks it checked. Another organisation's service is not
/// found (404).</summary>
[Authorize(Policy = Roles.Professional)]
public sealed class EditModel(VillageDb db, Gazetteer gazetteer, TimeProvider clock, IMemoryCache cache, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public ListingInput Input { get; set; } = new();

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    public Service Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.EditableServiceAsync(User.MemberId(), id) is not { } service)
        {
            return NotFound();
        }

        Service = service;
        Input = ListingWriter.Read(service, await ListingWriter.LoadAsync(db, id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.EditableServiceAsync(User.MemberId(), id) is not { } service)
        {
            return NotFound();
        }

        Service = service;
        var town = RequiredTown.Resolve(this, Input.Problems(), Input.TownQuery, Input.TownId, Input.TownChoice, "Listing.TownRequired", gazetteer, t, out var choices);
        TownChoices = choices;
        if (!ModelState.IsValid || town is null)
        {
            Input.WithBlankRows();
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ListingWriter.WriteAsync(db, service, Input, town, now);
        ServiceFacts.Forget(cache, service.Id);
        service.AssuredDate = DateOnly.FromDateTime(now);
        service.AssurerEmail = null;
        // A seeded listing the service completed itself.
        service.ToComplete = false;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Redirect("/pro/services?saved=true");
    }

    /// <summary>Nothing changed: the listing is still right, checked today.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        var memberId = User.MemberId();
        if (await db.EditableServiceAsync(memberId, id) is null)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await db.Services.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssuredDate, today));
        return Redirect("/pro/services?confirmed=true");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Places;

namespace Village.Web.Features.ServiceDirectory.Search;

/// <summary>One support service in plain words: what to expect, for whom, when, how much, where, how to reach it. Only
/// published services are shown, except to moderators and the organisation's own verified professionals.</summary>
public sealed class ShowModel(VillageDb db, TimeProvider clock) : PageModel
{
    public Service Service { get; private set; } = null!;

    public Organization Organization { get; private set; } = null!;

    public IReadOnlyList<ServicePlace> Places { get; private set; } = [];

    public IReadOnlyList<Phone> Phones { get; private set; } = [];

    public IReadOnlyList<Contact> Contacts { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public bool ForPregnancy { get; private set; }

    public IReadOnlyList<string> LanguageCodes { get; private set; } = [];

    public IReadOnlyList<CostOption> Costs { get; private set; } = [];

    public bool Free => Costs.Any(c => c.Amount == 0);

    public OpeningHours Hours { get; private set; } = null!;

    public NextOpening? Next { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The next seven days (today first) with their hours.</summary>
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<(DateTime Opens, DateTime Closes)> Spans)> Week { get; private set; } = [];

    public IReadOnlyList<(DateOnly From, DateOnly To)> Closures { get; private set; } = [];

    /// <summary>Whether a verified professional of the service is on Village to receive referrals and contact requests.</summary>
    public bool ReceivesReferrals { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (service is null || !await CanSeeAsync(service))
        {
            return NotFound();
        }

        Service = service;
        Organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == service.OrganizationId);
        var locationIds = await db.ServiceAtLocations.Where(sl => sl.ServiceId == id).Select(sl => sl.LocationId).ToListAsync();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToListAsync();
        var addresses = (await db.Addresses.AsNoTracking().Where(a => locationIds.Contains(a.LocationId)).ToListAsync()).ToLookup(a => a.LocationId);
        var access = (await db.Accessibility.AsNoTracking().Where(a => locationIds.Contains(a.LocationId)).ToListAsync()).ToLookup(a => a.LocationId);
        Places = [.. locations.OrderBy(l => l.Name).Select(l => new ServicePlace(l, addresses[l.Id].FirstOrDefault(), [.. access[l.Id]]))];
        Phones = await db.Phones.AsNoTracking().Where(p => p.ServiceId == id || (p.LocationId != null && locationIds.Contains(p.LocationId.Value))).ToListAsync();
        Contacts = await db.Contacts.AsNoTracking().Where(c => c.ServiceId == id).ToListAsync();
        var termIds = await db.ServiceTerms.Where(t => t.ServiceId == id).Select(t => t.TaxonomyTermId).ToListAsync();
        Categories = [.. VillageTaxonomy.Categories.Where(c => termIds.Contains(c.Id)).Select(c => c.Code)];
        ForPregnancy = termIds.Contains(VillageTaxonomy.ByCode("pregnancy")!.Id);
        LanguageCodes = [.. (await db.ServiceLanguages.Where(l => l.ServiceId == id && l.Code != null).Select(l => l.Code!).ToListAsync()).Distinct()];
        Costs = await db.CostOptions.AsNoTracking().Where(c => c.ServiceId == id).ToListAsync();
        ReceivesReferrals = await db.ReceivingReferrals().AnyAsync(s => s.Id == id);
        var schedules = (await db.ByServiceAsync([id]))[id];

        var now = clock.GetUtcNow();
        Hours = new OpeningHours(schedules, service.TimeZone);
        Today = Hours.LocalDay(now);
        Next = Hours.Known ? Hours.Next(now) : null;
        Week = [.. Enumerable.Range(0, 7).Select(i => Today.AddDays(i)).Select(d => (d, Hours.On(d)))];
        Closures = Hours.ClosuresAhead(now, 90);
        return Page();
    }

    private async Task<bool> CanSeeAsync(Service service)
    {
        if (service.ListingStatus == ListingStatus.Published || User.IsModerator())
        {
            return true;
        }

        return User.ViewerId() is { } viewer && await db.OrganizationMembers.AnyAsync(m =>
            m.OrganizationId == service.OrganizationId && m.MemberId == viewer && m.Status == OrganizationMemberStatus.Verified);
    }
}

/// <summary>A place where the service is delivered, with its address and accessibility.</summary>
public sealed record ServicePlace(Location Location, Address? Address, IReadOnlyList<Accessibility> Accessibility);

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>Turns a <see cref="ListingInput"/> into the directory's HSDS rows and back. A listing is one service at
/// one physical location (the town's coordinates: a service's place is public, but Village does not geocode
/// streets), with its phones, weekly hours, closures, languages, cost, categories and publics. Saving replaces the
/// service's own phones, hours, languages, cost and terms with what the form says.</summary>
public static class ListingWriter
{
    public static ListingInput Read(Service service, ListingData data)
    {
        var input = new ListingInput
        {
            OrganizationId = service.OrganizationId.ToString(),
            Name = service.Name,
            Description = service.Description,
            Categories = [.. data.TermCodes.Where(c => VillageTaxonomy.Categories.Any(t => t.Code == c))],
            Publics = [.. data.TermCodes.Where(c => VillageTaxonomy.Publics.Any(t => t.Code == c))],
            MinimumAge = service.MinimumAge is { } min ? (int)Math.Floor(min) : null,
            MaximumAge = service.MaximumAge is { } max ? (int)Math.Ceiling(max) : null,
            Street = data.Address?.Address1 is { Length: > 0 } street ? street : null,
            PostalCode = data.Address?.PostalCode is { Length: > 0 } postalCode ? postalCode : null,
            TownQuery = data.Address?.City is { Length: > 0 } city ? city : null,
            Phones = [.. data.Phones],
            Email = service.Email,
            Website = service.Url,
            Hours = [.. data.Schedules.Where(s => s.Freq == ScheduleFrequency.Weekly && s.OpensAt is not null && s.ClosesAt is not null)
                .SelectMany(s => (s.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(day => new ListingInput.HoursRow { Day = day, Opens = ListingInput.Time(s.OpensAt!.Value), Closes = ListingInput.Time(s.ClosesAt!.Value) }))
                .OrderBy(h => Array.IndexOf(ListingInput.Days, h.Day)).ThenBy(h => h.Opens, StringComparer.Ordinal)],
            Closures = [.. data.Schedules.Where(s => s.Freq is null && s.OpensAt is null && s.ValidFrom is not null)
                .OrderBy(s => s.ValidFrom)
                .Select(s => new ListingInput.ClosureRow { From = ListingInput.Date(s.ValidFrom!.Value), To = s.ValidTo is { } to ? ListingInput.Date(to) : null })],
            Languages = [.. data.Languages],
            IsFree = data.Costs.Any(c => c.Amount == 0),
            Fees = service.FeesDescription,
            ApplicationProcess = service.ApplicationProcess,
            Accessibility = data.Accessibility,
        };
        return input.WithBlankRows();
    }

    public static async Task<ListingData> LoadAsync(VillageDb db, Guid serviceId)
    {
        var location = await db.ServiceAtLocations.AsNoTracking().Where(s => s.ServiceId == serviceId)
            .Join(db.Locations, s => s.LocationId, l => l.Id, (s, l) => l).OrderBy(l => l.Id).FirstOrDefaultAsync();
        var address = location is null ? null : await db.Addresses.AsNoTracking().Where(a => a.LocationId == location.Id).OrderBy(a => a.Id).FirstOrDefaultAsync();
        var accessibility = location is null ? null : await db.Accessibility.AsNoTracking().Where(a => a.LocationId == location.Id).OrderBy(a => a.Id).Select(a => a.Description).FirstOrDefaultAsync();
        var terms = await db.ServiceTerms.AsNoTracking().Where(t => t.ServiceId == serviceId)
            .Join(db.TaxonomyTerms, s => s.TaxonomyTermId, t => t.Id, (s, t) => t.Code).Where(c => c != null).Select(c => c!).ToListAsync();
        return new ListingData(
            location,
            address,
            accessibility,
            await db.Phones.AsNoTracking().Where(p => p.ServiceId == serviceId).OrderBy(p => p.Id).Select(p => p.Number).ToListAsync(),
            await db.Schedules.AsNoTracking().Where(s => s.ServiceId == serviceId).OrderBy(s => s.Id).ToListAsync(),
            await db.ServiceLanguages.AsNoTracking().Where(l => l.ServiceId == serviceId && l.Code != null).OrderBy(l => l.Id).Select(l => l.Code!).ToListAsync(),
            await db.CostOptions.AsNoTracking().Where(c => c.ServiceId == serviceId).OrderBy(c => c.Id).ToListAsync(),
            terms);
    }

    /// <summary>Writes the input onto a tracked service (new or existing) and its rows; the caller saves.</summary>
    public static async Task WriteAsync(VillageDb db, Service service, ListingInput input, Town town, DateTime now)
    {
        service.Name = input.Name.Trim();
        service.Description = input.Description.Trim();
        service.Email = ListingInput.Clean(input.Email);
        service.Url = input.WebsiteUrl();
        service.MinimumAge = input.MinimumAge;
        service.MaximumAge = input.MaximumAge;
        service.FeesDescription = ListingInput.Clean(input.Fees);
        service.ApplicationProcess = ListingInput.Clean(input.ApplicationProcess);
        service.LastModified = now;

        // The place: the first location of the service, else a new one of the organisation.
        var location = await db.ServiceAtLocations.Where(s => s.ServiceId == service.Id)
            .Join(db.Locations, s => s.LocationId, l => l.Id, (s, l) => l).OrderBy(l => l.Id).FirstOrDefaultAsync();
        if (location is null)
        {
            location = new Location { Id = Guid.CreateVersion7(), OrganizationId = service.OrganizationId, LocationType = LocationType.Physical };
            db.Locations.Add(location);
            db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.CreateVersion7(), ServiceId = service.Id, LocationId = location.Id });
        }

        location.Name = service.Name;
        location.Latitude = Coordinates.Round(town.Latitude);
        location.Longitude = Coordinates.Round(town.Longitude);
        var address = await db.Addresses.Where(a => a.LocationId == location.Id).OrderBy(a => a.Id).FirstOrDefaultAsync();
        if (address is null)
        {
            address = new Address { Id = Guid.CreateVersion7(), LocationId = location.Id, AddressType = LocationType.Physical };
            db.Addresses.Add(address);
        }

        address.Address1 = ListingInput.Clean(input.Street) ?? "";
        address.PostalCode = ListingInput.Clean(input.PostalCode) ?? town.PostalCode;
        address.City = town.Name;
        address.StateProvince = town.Admin;
        address.Country = town.Country;
        await db.Accessibility.Where(a => a.LocationId == location.Id).ExecuteDeleteAsync();
        if (ListingInput.Clean(input.Accessibility) is { } accessibility)
        {
            db.Accessibility.Add(new Accessibility { Id = Guid.CreateVersion7(), LocationId = location.Id, Description = accessibility });
        }

        await db.Phones.Where(p => p.ServiceId == service.Id).ExecuteDeleteAsync();
        await db.Schedules.Where(s => s.ServiceId == service.Id).ExecuteDeleteAsync();
        await db.ServiceLanguages.Where(l => l.ServiceId == service.Id).ExecuteDeleteAsync();
        await db.CostOptions.Where(c => c.ServiceId == service.Id).ExecuteDeleteAsync();
        var villageTerms = VillageTaxonomy.All.Select(t => t.Id).ToList();
        await db.ServiceTerms.Where(t => t.ServiceId == service.Id && villageTerms.Contains(t.TaxonomyTermId)).ExecuteDeleteAsync();

        db.Phones.AddRange(input.PhoneNumbers().Select(number => new Phone { Id = Guid.CreateVersion7(), ServiceId = service.Id, Number = number, Type = "voice" }));
        db.Schedules.AddRange(input.WeeklyHours().Select(h => new Schedule
        {
            Id = Guid.CreateVersion7(),
            ServiceId = service.Id,
            Freq = ScheduleFrequency.Weekly,
            Interval = 1,
            ByDay = h.Day,
            OpensAt = h.Opens,
            ClosesAt = h.Closes,
        }));
        db.Schedules.AddRange(input.ClosureDates().Select(c => new Schedule
        {
            Id = Guid.CreateVersion7(),
            ServiceId = service.Id,
            ValidFrom = c.From,
            ValidTo = c.To,
        }));
        db.ServiceLanguages.AddRange(input.Languages.Distinct().Select(code => new ServiceLanguage
        {
            Id = Guid.CreateVersion7(),
            ServiceId = service.Id,
            Code = code,
            Name = Profiles.Languages.NameOf(code),
        }));
        if (input.IsFree)
        {
            db.CostOptions.Add(new CostOption { Id = Guid.CreateVersion7(), ServiceId = service.Id, Amount = 0, Currency = "EUR", Option = "Gratuit" });
        }

        db.ServiceTerms.AddRange(input.Categories.Concat(input.Publics).Distinct().Select(code => new ServiceTerm
        {
            Id = Guid.CreateVersion7(),
            ServiceId = service.Id,
            TaxonomyTermId = VillageTaxonomy.ByCode(code)!.Id,
        }));
    }
}

/// <summary>A service's rows as the form shows them.</summary>
public sealed record ListingData(
    Location? Location, Address? Address, string? Accessibility, IReadOnlyList<string> Phones, IReadOnlyList<Schedule> Schedules,
    IReadOnlyList<string> Languages, IReadOnlyList<CostOption> Costs, IReadOnlyList<string> TermCodes);

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.ServiceDirectory.Hsds;

/// <summary>Village's directory as HSDS 3.0 records (the records of HsdsModels.cs), for the open API and the export. Only
/// published services are public, and with them their organisations, places and categories. A page of services is
/// loaded in a fixed number of queries (each kind of child is fetched once for the whole page, by ids), never one per
/// service. Absent values and empty lists are left out (null), never written as null or [].</summary>
public sealed class HsdsWriter(VillageDb db)
{
    /// <summary>The services anyone may see: those a moderator published.</summary>
    public static IQueryable<Service> Published(VillageDb db) =>
        db.Services.AsNoTracking().Where(s => s.ListingStatus == ListingStatus.Published);

    /// <summary>Organisations with at least one published service (an applicant's organisation stays private).</summary>
    public static IQueryable<Organization> PublicOrganizations(VillageDb db) =>
        db.Organizations.AsNoTracking().Where(o => db.Services.Any(s => s.OrganizationId == o.Id && s.ListingStatus == ListingStatus.Published));

    /// <summary>Services at a location where the service is published.</summary>
    public static IQueryable<ServiceAtLocation> PublicServiceAtLocations(VillageDb db) =>
        db.ServiceAtLocations.AsNoTracking().Where(x => db.Services.Any(s => s.Id == x.ServiceId && s.ListingStatus == ListingStatus.Published));

    /// <summary>The services with these ids (published ones only), in the order of the ids: with their one-to-one
    /// fields and organisation, or fully nested.</summary>
    public async Task<IReadOnlyList<HsdsService>> ServicesAsync(IReadOnlyCollection<Guid> ids, bool full, CancellationToken cancellation)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var services = await Published(db).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellation);
        var organizationIds = services.Values.Select(s => s.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellation);
        var children = full ? await ChildrenAsync([.. services.Keys], cancellation) : null;
        return [.. ids.Where(services.ContainsKey).Select(id =>
        {
            var service = services[id];
            var organization = organizations.GetValueOrDefault(service.OrganizationId) is { } o ? Organization(o) : null;
            return children is null ? Basic(service) with { Organization = organization } : Full(service, organization, children);
        })];
    }

    /// <summary>Just what identifies a service and says when it changed (<c>minimal=true</c>), plus the name and
    /// status the schema requires.</summary>
    public static HsdsService Minimal(Guid id, string name, ServiceStatus status, DateTime lastModified) =>
        new() { Id = Id(id), Name = name, Status = Status(status), LastModified = Timestamp(lastModified) };

    /// <summary>Organisations with these ids, in their order: their own fields, or fully nested (contacts, phones, the
    /// places of their published services) and their published services (basic, or fully nested).</summary>
    public async Task<IReadOnlyList<HsdsOrganization>> OrganizationsAsync(
        IReadOnlyCollection<Guid> ids, bool full, bool fullServices, CancellationToken cancellation)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var organizations = await PublicOrganizations(db).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellation);
        if (!full && !fullServices)
        {
            return [.. ids.Where(organizations.ContainsKey).Select(id => Organization(organizations[id]))];
        }

        var nullable = organizations.Keys.Select(id => (Guid?)id).ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => nullable.Contains(c.OrganizationId)).OrderBy(c => c.Id).ToListAsync(cancellation);
        var contactIds = contacts.Select(c => (Guid?)c.Id).ToList();
        var phones = await db.Phones.AsNoTracking().Where(p => nullable.Contains(p.OrganizationId) || contactIds.Contains(p.ContactId))
            .OrderBy(p => p.Id).ToListAsync(cancellation);
        var organizationIds = organizations.Keys.ToList();
        var serviceRows = await Published(db).Where(s => organizationIds.Contains(s.OrganizationId))
            .OrderBy(s => s.LastModified).ThenBy(s => s.Id).Select(s => new { s.Id, s.OrganizationId }).ToListAsync(cancellation);
        var services = (await ServicesAsync([.. serviceRows.Select(s => s.Id)], fullServices, cancellation)).ToDictionary(s => s.Id);
        var locations = await db.Locations.AsNoTracking()
            .Where(l => nullable.Contains(l.OrganizationId)
                && db.ServiceAtLocations.Any(x => x.LocationId == l.Id && db.Services.Any(s => s.Id == x.ServiceId && s.ListingStatus == ListingStatus.Published)))
            .OrderBy(l => l.Id).ToListAsync(cancellation);
        var places = await PlacesAsync(locations, cancellation);
        return [.. ids.Where(organizations.ContainsKey).Select(id =>
        {
            var key = (Guid?)id;
            return Organization(organizations[id]) with
            {
                Contacts = List(contacts.Where(c => c.OrganizationId == key).Select(c => Contact(c, phones))),
                Phones = List(phones.Where(p => p.OrganizationId == key).Select(Phone)),
                Locations = full ? List(locations.Where(l => l.OrganizationId == key).Select(l => places.Location(l))) : null,
                Services = List(serviceRows.Where(s => s.OrganizationId == id).Select(s => services.GetValueOrDefault(Id(s.Id))!)
                    .Where(s => s is not null)
                    .Select(s => fullServices ? s : s with { Organization = null })),
            };
        })];
    }

    /// <summary>Services at a location with these ids, in their order: their own fields, or with the place, phones,
    /// contacts and hours.</summary>
    public async Task<IReadOnlyList<HsdsServiceAtLocation>> ServiceAtLocationsAsync(IReadOnlyCollection<Guid> ids, bool full, CancellationToken cancellation)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await PublicServiceAtLocations(db).Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellation);
        if (!full)
        {
            return [.. ids.Where(rows.ContainsKey).Select(id => ServiceAtLocation(rows[id]))];
        }

        var locationIds = rows.Values.Select(x => x.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellation);
        var places = await PlacesAsync(locations.Values, rows.Keys, cancellation);
        return [.. ids.Where(rows.ContainsKey).Select(id => places.ServiceAtLocation(rows[id], locations.GetValueOrDefault(rows[id].LocationId)))];
    }

    public static HsdsTaxonomy Taxonomy(Taxonomy t) => new()
    {
        Id = Id(t.Id),
        Name = t.Name,
        Description = t.Description,
        Uri = Uri(t.Uri),
        Version = Text(t.Version),
    };

    public static HsdsTaxonomyTerm Term(TaxonomyTerm t, Taxonomy? taxonomy = null) => new()
    {
        Id = Id(t.Id),
        Code = Text(t.Code),
        Name = t.Name,
        Description = t.Description,
        ParentId = t.ParentId is Guid parent ? Id(parent) : null,
        Taxonomy = Text(taxonomy?.Name ?? t.TaxonomyName),
        TaxonomyDetail = taxonomy is null ? null : Taxonomy(taxonomy),
        Language = Text(t.Language),
        TaxonomyId = t.TaxonomyId is Guid taxonomyId ? Id(taxonomyId) : null,
        TermUri = Uri(t.TermUri),
    };

    public static HsdsOrganization Organization(Organization o) => new()
    {
        Id = Id(o.Id),
        Name = o.Name,
        AlternateName = Text(o.AlternateName),
        Description = o.Description,
        Email = Email(o.Email),
        Website = Uri(o.Website),
        LegalStatus = Text(o.LegalStatus),
        Uri = Uri(o.Uri),
        ParentOrganizationId = o.ParentOrganizationId is Guid parent ? Id(parent) : null,
    };

    public static HsdsService Basic(Service s) => new()
    {
        Id = Id(s.Id),
        OrganizationId = Id(s.OrganizationId),
        Name = s.Name,
        AlternateName = Text(s.AlternateName),
        Description = Text(s.Description),
        Url = Uri(s.Url),
        Email = Email(s.Email),
        Status = Status(s.Status),
        InterpretationServices = Text(s.InterpretationServices),
        ApplicationProcess = Text(s.ApplicationProcess),
        FeesDescription = Text(s.FeesDescription),
        Accreditations = Text(s.Accreditations),
        EligibilityDescription = Text(s.EligibilityDescription),
        MinimumAge = s.MinimumAge,
        MaximumAge = s.MaximumAge,
        AssuredDate = Date(s.AssuredDate),
        AssurerEmail = Email(s.AssurerEmail),
        Alert = Text(s.Alert),
        LastModified = Timestamp(s.LastModified),
    };

    public static HsdsServiceAtLocation ServiceAtLocation(ServiceAtLocation x) => new()
    {
        Id = Id(x.Id),
        ServiceId = Id(x.ServiceId),
        LocationId = Id(x.LocationId),
        Description = Text(x.Description),
    };

    /// <summary>HSDS 3.0 schedule. Weekly hours: freq WEEKLY, byday, opens_at and closes_at in the service's local
    /// time (HH:mm); a closure: valid_from and valid_to without hours; special hours: valid dates with hours. HSDS's
    /// numeric timezone cannot follow daylight saving, so it is left out (the service's zone is Europe/Brussels unless
    /// the listing says otherwise).</summary>
    public static HsdsSchedule Schedule(Schedule s) => new()
    {
        Id = Id(s.Id),
        ServiceId = s.ServiceId is Guid service ? Id(service) : null,
        LocationId = s.LocationId is Guid location ? Id(location) : null,
        ServiceAtLocationId = s.ServiceAtLocationId is Guid at ? Id(at) : null,
        ValidFrom = Date(s.ValidFrom),
        ValidTo = Date(s.ValidTo),
        Freq = s.Freq switch
        {
            ScheduleFrequency.Weekly => "WEEKLY",
            ScheduleFrequency.Monthly => "MONTHLY",
            _ => null,
        },
        Interval = s.Interval,
        Byday = Text(s.ByDay),
        OpensAt = s.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ClosesAt = s.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        Description = Text(s.Description),
        AttendingType = Text(s.AttendingType),
        Notes = Text(s.Notes),
    };

    public static HsdsPhone Phone(Phone p) => new()
    {
        Id = Id(p.Id),
        LocationId = p.LocationId is Guid location ? Id(location) : null,
        ServiceId = p.ServiceId is Guid service ? Id(service) : null,
        OrganizationId = p.OrganizationId is Guid organization ? Id(organization) : null,
        ContactId = p.ContactId is Guid contact ? Id(contact) : null,
        ServiceAtLocationId = p.ServiceAtLocationId is Guid at ? Id(at) : null,
        Number = p.Number,
        Extension = p.Extension,
        Type = Text(p.Type),
        Description = Text(p.Description),
    };

    public static HsdsLanguage Language(ServiceLanguage l) => new()
    {
        Id = Id(l.Id),
        ServiceId = l.ServiceId is Guid service ? Id(service) : null,
        LocationId = l.LocationId is Guid location ? Id(location) : null,
        Name = Text(l.Name),
        Code = Text(l.Code),
        Note = Text(l.Note),
    };

    public static HsdsCostOption CostOption(CostOption c) => new()
    {
        Id = Id(c.Id),
        ServiceId = Id(c.ServiceId),
        ValidFrom = Date(c.ValidFrom),
        ValidTo = Date(c.ValidTo),
        Option = Text(c.Option),
        Currency = Text(c.Currency),
        Amount = c.Amount,
        AmountDescription = Text(c.AmountDescription),
    };

    public static HsdsServiceArea ServiceArea(ServiceArea a) => new()
    {
        Id = Id(a.Id),
        ServiceId = Id(a.ServiceId),
        Name = Text(a.Name),
        Description = Text(a.Description),
        Extent = Text(a.Extent),
        ExtentType = Text(a.ExtentType),
        Uri = Text(a.Uri),
    };

    public static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC with milliseconds and Z.</summary>
    public static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        ServiceStatus.TemporarilyClosed => "temporarily closed",
        _ => "active",
    };

    private static string Kind(LocationType type) => type switch
    {
        LocationType.Postal => "postal",
        LocationType.Virtual => "virtual",
        _ => "physical",
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>An absolute address, or nothing (the schemas want a URI; a typed "www.example.be" is left out).</summary>
    private static string? Uri(string? value) =>
        System.Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel" or "urn" ? value : null;

    private static string? Email(string? value) =>
        value is { Length: > 2 } && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1
            && !value.Any(char.IsWhiteSpace) ? value : null;

    private static List<T>? List<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }

    private static HsdsContact Contact(Contact c, IEnumerable<Phone> phones) => new()
    {
        Id = Id(c.Id),
        OrganizationId = c.OrganizationId is Guid organization ? Id(organization) : null,
        ServiceId = c.ServiceId is Guid service ? Id(service) : null,
        ServiceAtLocationId = c.ServiceAtLocationId is Guid at ? Id(at) : null,
        LocationId = c.LocationId is Guid location ? Id(location) : null,
        Name = Text(c.Name),
        Title = Text(c.Title),
        Department = Text(c.Department),
        Email = Email(c.Email),
        Phones = List(phones.Where(p => p.ContactId == c.Id).Select(Phone)),
    };

    private static HsdsService Full(Service s, HsdsOrganization? organization, Children c)
    {
        var key = (Guid?)s.Id;
        return Basic(s) with
        {
            Organization = organization,
            Phones = List(c.Places.Phones.Where(p => p.ServiceId == key).Select(Phone)),
            Schedules = List(c.Places.Schedules.Where(x => x.ServiceId == key).Select(Schedule)),
            ServiceAreas = List(c.Areas.Where(a => a.ServiceId == s.Id).Select(ServiceArea)),
            ServiceAtLocations = List(c.ServiceAtLocations.Where(x => x.ServiceId == s.Id)
                .Select(x => c.Places.ServiceAtLocation(x, c.Locations.GetValueOrDefault(x.LocationId)))),
            Languages = List(c.Places.Languages.Where(l => l.ServiceId == key).Select(Language)),
            CostOptions = List(c.Costs.Where(o => o.ServiceId == s.Id).Select(CostOption)),
            Contacts = List(c.Places.Contacts.Where(x => x.ServiceId == key).Select(x => Contact(x, c.Places.Phones))),
            Attributes = List(c.Terms.Where(t => t.ServiceId == s.Id).Select(t => new HsdsAttribute
            {
                Id = Id(t.Id),
                LinkId = Id(s.Id),
                TaxonomyTermId = Id(t.TaxonomyTermId),
                LinkType = "taxonomy_term",
                LinkEntity = "service",
                Value = Text(t.Value),
                TaxonomyTerm = c.TermsById.GetValueOrDefault(t.TaxonomyTermId) is { } term ? Term(term) : null,
            })),
        };
    }

    private async Task<Children> ChildrenAsync(List<Guid> serviceIds, CancellationToken cancellation)
    {
        var serviceAtLocations = await db.ServiceAtLocations.AsNoTracking().Where(x => serviceIds.Contains(x.ServiceId))
            .OrderBy(x => x.Id).ToListAsync(cancellation);
        var locationIds = serviceAtLocations.Select(x => x.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellation);
        var places = await PlacesAsync(locations.Values, [.. serviceAtLocations.Select(x => x.Id)], cancellation, serviceIds);
        var areas = await db.ServiceAreas.AsNoTracking().Where(a => serviceIds.Contains(a.ServiceId)).OrderBy(a => a.Id).ToListAsync(cancellation);
        var costs = await db.CostOptions.AsNoTracking().Where(o => serviceIds.Contains(o.ServiceId)).OrderBy(o => o.Id).ToListAsync(cancellation);
        var terms = await db.ServiceTerms.AsNoTracking().Where(t => serviceIds.Contains(t.ServiceId)).OrderBy(t => t.Id).ToListAsync(cancellation);
        var termIds = terms.Select(t => t.TaxonomyTermId).Distinct().ToList();
        var termsById = await db.TaxonomyTerms.AsNoTracking().Where(t => termIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellation);
        return new Children(serviceAtLocations, locations, places, areas, costs, terms, termsById);
    }

    private Task<Places> PlacesAsync(IEnumerable<Location> locations, CancellationToken cancellation) =>
        PlacesAsync(locations, [], cancellation);

    /// <summary>Everything hanging from these locations, services at a location and services, one query per kind.</summary>
    private async Task<Places> PlacesAsync(
        IEnumerable<Location> locations, IEnumerable<Guid> serviceAtLocationIds, CancellationToken cancellation, IEnumerable<Guid>? serviceIds = null)
    {
        var locationIds = locations.Select(l => l.Id).ToList();
        var nullableLocations = locationIds.Select(id => (Guid?)id).ToList();
        var nullableAts = serviceAtLocationIds.Select(id => (Guid?)id).ToList();
        var nullableServices = (serviceIds ?? []).Select(id => (Guid?)id).ToList();
        var addresses = await db.Addresses.AsNoTracking().Where(a => locationIds.Contains(a.LocationId)).OrderBy(a => a.Id).ToListAsync(cancellation);
        var accessibility = await db.Accessibility.AsNoTracking().Where(a => locationIds.Contains(a.LocationId)).OrderBy(a => a.Id).ToListAsync(cancellation);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => nullableServices.Contains(c.ServiceId) || nullableAts.Contains(c.ServiceAtLocationId) || nullableLocations.Contains(c.LocationId))
            .OrderBy(c => c.Id).ToListAsync(cancellation);
        var contactIds = contacts.Select(c => (Guid?)c.Id).ToList();
        var phones = await db.Phones.AsNoTracking()
            .Where(p => nullableServices.Contains(p.ServiceId) || nullableAts.Contains(p.ServiceAtLocationId)
                || nullableLocations.Contains(p.LocationId) || contactIds.Contains(p.ContactId))
            .OrderBy(p => p.Id).ToListAsync(cancellation);
        var schedules = await db.Schedules.AsNoTracking()
            .Where(s => nullableServices.Contains(s.ServiceId) || nullableAts.Contains(s.ServiceAtLocationId) || nullableLocations.Contains(s.LocationId))
            .OrderBy(s => s.Id).ToListAsync(cancellation);
        var languages = await db.ServiceLanguages.AsNoTracking()
            .Where(l => nullableServices.Contains(l.ServiceId) || nullableLocations.Contains(l.LocationId))
            .OrderBy(l => l.Id).ToListAsync(cancellation);
        return new Places(addresses, accessibility, contacts, phones, schedules, languages);
    }

    private sealed record Children(
        List<ServiceAtLocation> ServiceAtLocations, Dictionary<Guid, Location> Locations, Places Places, List<ServiceArea> Areas,
        List<CostOption> Costs, List<ServiceTerm> Terms, Dictionary<Guid, TaxonomyTerm> TermsById);

    private sealed record Places(
        List<Address> Addresses, List<Accessibility> Accessibility, List<Contact> Contacts, List<Phone> Phones, List<Schedule> Schedules,
        List<ServiceLanguage> Languages)
    {
        public HsdsServiceAtLocation ServiceAtLocation(ServiceAtLocation x, Location? location)
        {
            var key = (Guid?)x.Id;
            return HsdsWriter.ServiceAtLocation(x) with
            {
                Contacts = List(Contacts.Where(c => c.ServiceAtLocationId == key).Select(c => Contact(c, Phones))),
                Phones = List(Phones.Where(p => p.ServiceAtLocationId == key).Select(Phone)),
                Schedules = List(Schedules.Where(s => s.ServiceAtLocationId == key).Select(Schedule)),
                Location = location is null ? null : Location(location),
            };
        }

        public HsdsLocation Location(Location l)
        {
            var key = (Guid?)l.Id;
            return new()
            {
                Id = Id(l.Id),
                LocationType = Kind(l.LocationType),
                Url = Uri(l.Url),
                OrganizationId = l.OrganizationId is Guid organization ? Id(organization) : null,
                Name = Text(l.Name),
                AlternateName = Text(l.AlternateName),
                Description = Text(l.Description),
                Transportation = Text(l.Transportation),
                Latitude = l.Latitude,
                Longitude = l.Longitude,
                ExternalIdentifier = Text(l.ExternalIdentifier),
                ExternalIdentifierType = Text(l.ExternalIdentifierType),
                Languages = List(Languages.Where(x => x.LocationId == key).Select(Language)),
                Addresses = List(Addresses.Where(a => a.LocationId == l.Id).Select(a => new HsdsAddress
                {
                    Id = Id(a.Id),
                    LocationId = Id(a.LocationId),
                    Attention = Text(a.Attention),
                    Address1 = a.Address1,
                    Address2 = Text(a.Address2),
                    City = a.City,
                    Region = Text(a.Region),
                    StateProvince = a.StateProvince,
                    PostalCode = a.PostalCode,
                    Country = a.Country,
                    AddressType = Kind(a.AddressType),
                })),
                Contacts = List(Contacts.Where(c => c.LocationId == key).Select(c => Contact(c, Phones))),
                Accessibility = List(Accessibility.Where(a => a.LocationId == l.Id).Select(a => new HsdsAccessibility
                {
                    Id = Id(a.Id),
                    LocationId = Id(a.LocationId),
                    Description = Text(a.Description),
                    Details = Text(a.Details),
                    Url = Uri(a.Url),
                })),
                Phones = List(Phones.Where(p => p.LocationId == key).Select(Phone)),
                Schedules = List(Schedules.Where(s => s.LocationId == key).Select(Schedule)),
            };
        }
    }
}

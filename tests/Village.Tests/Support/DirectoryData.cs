using Village.Web.Features.ServiceDirectory;
using Location = Village.Web.Features.ServiceDirectory.Location;

namespace Village.Tests.Support;

/// <summary>A published service written straight to the database (the directory's forms are other tests'): its
/// organisation, one location with an address, weekly hours, languages, a cost and categories. Use
/// <see cref="OutingData.NewSpot"/> for a position no other test's search sees.</summary>
public static class DirectoryData
{
    public sealed record ServiceSpec(string Name, (double Latitude, double Longitude) At)
    {
        public string[] Categories { get; init; } = ["drop-in"];

        public string[] Languages { get; init; } = ["fr"];

        /// <summary>Null: no cost option at all; 0: free.</summary>
        public decimal? Cost { get; init; } = 0;

        /// <summary>Weekly hours as (RFC 5545 days, opens, closes): ("MO,WE", "09:00", "12:00").</summary>
        public (string Days, string Opens, string Closes)[] Hours { get; init; } = [("MO,TU,WE,TH,FR", "09:00", "17:00")];

        public string City { get; init; } = "Testville";

        public ListingStatus Listing { get; init; } = ListingStatus.Published;
    }

    /// <summary>Adds a service as described and returns it with its organisation.</summary>
    public static async Task<(Organization Organization, Service Service)> AddServiceAsync(
        this VillageFactory factory, ServiceSpec spec, Action<Service>? configure = null)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(),
            Name = $"{spec.Name} (asbl)",
            Description = "Une association qui accueille les familles.",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var service = new Service
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organization.Id,
            Name = spec.Name,
            Description = "Un lieu où venir avec son bébé, sans rendez-vous.",
            Status = ServiceStatus.Active,
            ListingStatus = spec.Listing,
            LastModified = now,
            CreatedAt = now,
            PublishedAt = spec.Listing == ListingStatus.Published ? now : null,
            AssuredDate = DateOnly.FromDateTime(now),
        };
        configure?.Invoke(service);
        var location = new Location
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organization.Id,
            LocationType = LocationType.Physical,
            Name = spec.Name,
            Latitude = spec.At.Latitude,
            Longitude = spec.At.Longitude,
        };
        var serviceAtLocation = new ServiceAtLocation { Id = Guid.CreateVersion7(), ServiceId = service.Id, LocationId = location.Id };
        await factory.QueryAsync(db =>
        {
            db.Organizations.Add(organization);
            db.Services.Add(service);
            db.Locations.Add(location);
            db.ServiceAtLocations.Add(serviceAtLocation);
            db.Addresses.Add(new Address
            {
                Id = Guid.CreateVersion7(),
                LocationId = location.Id,
                Address1 = "Rue de la Gare 1",
                City = spec.City,
                StateProvince = "Namur",
                PostalCode = "5000",
                Country = "BE",
                AddressType = LocationType.Physical,
            });
            db.Schedules.AddRange(spec.Hours.Select(h => new Schedule
            {
                Id = Guid.CreateVersion7(),
                ServiceId = service.Id,
                Freq = ScheduleFrequency.Weekly,
                ByDay = h.Days,
                OpensAt = TimeOnly.Parse(h.Opens, System.Globalization.CultureInfo.InvariantCulture),
                ClosesAt = TimeOnly.Parse(h.Closes, System.Globalization.CultureInfo.InvariantCulture),
            }));
            db.ServiceLanguages.AddRange(spec.Languages.Select(code => new ServiceLanguage { Id = Guid.CreateVersion7(), ServiceId = service.Id, Code = code }));
            if (spec.Cost is decimal amount)
            {
                db.CostOptions.Add(new CostOption { Id = Guid.CreateVersion7(), ServiceId = service.Id, Amount = amount, Currency = "EUR" });
            }

            db.ServiceTerms.AddRange(spec.Categories.Select(code => new ServiceTerm
            {
                Id = Guid.CreateVersion7(),
                ServiceId = service.Id,
                TaxonomyTermId = VillageTaxonomy.ByCode(code)!.Id,
            }));
            return db.SaveChangesAsync();
        });
        return (organization, service);
    }

    /// <summary>Links a member to an organisation as a verified professional of it.</summary>
    public static Task LinkProfessionalAsync(this VillageFactory factory, Guid organizationId, Guid memberId) =>
        factory.QueryAsync(db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.OrganizationMembers.Add(new OrganizationMember
            {
                OrganizationId = organizationId,
                MemberId = memberId,
                Status = OrganizationMemberStatus.Verified,
                CreatedAt = now,
                VerifiedAt = now,
            });
            return db.SaveChangesAsync();
        });
}

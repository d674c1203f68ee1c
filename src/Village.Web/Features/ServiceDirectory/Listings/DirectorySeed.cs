using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>The directory's first content. The real Belgian perinatal support services (SAP) the issue names, with
/// their town and category only: no address, phone, email nor hours is invented, they are marked to complete and
/// wait for their own professionals. Then a clearly labelled set of fictional demo services around Namur and Lille
/// (organisations marked fictional, "(démo)" in every name, numbers that ring nowhere). Runs twice safely: each set
/// is skipped when its first organisation is already there.</summary>
public sealed class DirectorySeed(VillageDb db, Gazetteer gazetteer, TimeProvider clock)
{
    /// <summary>Towns by their gazetteer id, not by a search that could pick a French Mons.</summary>
    private const string Brussels = "GN-2800866";
    private const string Namur = "GN-2790471";
    private const string Lille = "FR-59350";

    /// <summary>Name, the place it is at when the issue says so, and its town (null: the issue does not say).</summary>
    private static readonly (string Name, string? At, string? TownId)[] RealServices =
    [
        ("Ulysse", null, Brussels),
        ("Bébé Accueil", null, "GN-2802106"),
        ("Accordages", null, "GN-2790869"),
        ("Chrysalide", null, "GN-2793508"),
        ("Écholine", null, "GN-2790796"),
        ("Apalem Seconde Peau", "CHR de la Citadelle", "GN-2792413"),
        ("Tabane", null, null),
        ("Aquarelle", "CHU Saint-Pierre", Brussels),
    ];

    public const string DemoLaep = "Lieu d'accueil enfants-parents Les Petits Pas (démo)";
    public const string DemoMidwife = "Cabinet de sages-femmes du Confluent (démo)";

    private sealed record DemoService(
        string Organization, string Name, string Description, string Category, string[] Publics, string TownId, string? Street, string? PostalCode,
        string? Phone, string[] Languages, (string Days, string Opens, string Closes)[] Hours, bool Free, string? Fees, string Access,
        string? Accessibility, int? MinAge, int? MaxAge);

    private static readonly DemoService[] DemoServices =
    [
        new(DemoLaep, "Les Petits Pas, accueil enfants-parents (démo)",
            "Un lieu chaleureux où venir avec votre enfant de moins de 4 ans, sans rendez-vous et sans donner votre nom. Deux accueillantes sont là pour écouter, les enfants jouent, les parents soufflent et se rencontrent.",
            "drop-in", ["young-children", "pregnancy"], Namur, "Rue des Démos 1", "5000", "+32 81 00 00 01", ["fr", "nl"],
            [("WE", "14:00", "17:30"), ("SA", "09:00", "12:00")], true, null, "Venez quand vous voulez pendant les heures d'ouverture, sans rendez-vous.",
            "Entrée de plain-pied, place pour les poussettes, coin allaitement.", 0, 4),
        new("Centre de santé fictif de Salzinnes (démo)", "Consultation pour enfants de Salzinnes (démo)",
            "Une consultation gratuite pour suivre la croissance et le développement de votre bébé : pesée, vaccins, conseils d'alimentation et de sommeil, et le temps de poser vos questions.",
            "child-health", ["young-children"], Namur, "Avenue Fictive 12", "5000", "+32 81 00 00 02", ["fr", "ar"],
            [("TU", "09:00", "12:00"), ("TH", "13:30", "16:30")], true, null, "Sur rendez-vous, par téléphone. Apportez le carnet de l'enfant.",
            "Salle d'attente au rez-de-chaussée.", 0, 6),
        new("Parents la nuit asbl (démo)", "Ligne d'écoute Parents la nuit (démo)",
            "Quand bébé ne dort pas et que tout semble trop lourd : quelqu'un vous écoute, sans jugement, chaque soir jusqu'à 2 heures du matin. Anonyme et gratuit.",
            "listening-line", ["young-children", "pregnancy"], Namur, null, null, "+32 81 00 00 03", ["fr", "en"],
            [("MO,TU,WE,TH,FR,SA,SU", "20:00", "02:00")], true, null, "Appelez, tout simplement. Vous n'avez pas besoin de donner votre nom.",
            null, null, null),
        new("Halte-garderie Le Nid, association fictive (démo)", "Halte-accueil Le Nid (démo)",
            "Quelques heures de garde pour votre enfant de 3 mois à 3 ans : pour un rendez-vous, une démarche, ou simplement souffler. L'équipe parle français et arabe.",
            "day-care", ["young-children"], Lille, "Rue de l'Exemple 3", "59000", "+33 3 20 00 00 00", ["fr", "ar"],
            [("MO,TU,WE,TH,FR", "08:30", "17:30")], false, "Selon vos revenus, de 0,50 € à 3 € de l'heure.", "Appelez pour une première rencontre avec votre enfant.",
            "Ascenseur, local à poussettes.", 0, 3),
        new("La Cabane des familles, tiers-lieu fictif (démo)", "La Cabane des familles (démo)",
            "Un café associatif pensé pour les familles : un grand coin jeux, des ateliers d'éveil, des repas partagés et des parents qui se retrouvent. On y entre comme chez des amis.",
            "third-place", ["young-children"], Lille, "Place Imaginaire 8", "59000", "+33 3 20 00 00 01", ["fr", "en", "wo"],
            [("WE", "10:00", "18:00"), ("SA", "10:00", "17:00")], true, "Entrée libre ; boissons à prix doux.", "Entrée libre, sans inscription.",
            "Tout est de plain-pied, table à langer, chaises hautes.", 0, 6),
        new(DemoMidwife, "Sages-femmes du Confluent (démo)",
            "Des sages-femmes pour le suivi de grossesse, la préparation à la naissance, l'allaitement et les premières semaines, au cabinet ou chez vous.",
            "midwife", ["pregnancy", "young-children"], Namur, "Quai Démo 5", "5000", "+32 81 00 00 04", ["fr", "en"],
            [("MO", "09:00", "17:00"), ("TH", "09:00", "17:00")], false, "Remboursé par la mutuelle (tarif conventionné).", "Sur rendez-vous ; visites à domicile après la naissance.",
            null, null, null),
    ];

    /// <summary>Adds what is not there yet; returns how many services it added.</summary>
    public async Task<int> SeedAsync(TextWriter? log)
    {
        var added = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Organizations.AnyAsync(o => o.Name == RealServices[0].Name && !o.IsFictional))
        {
            foreach (var (name, at, townId) in RealServices)
            {
                AddReal(name, at, townId is null ? null : gazetteer.Find(townId), now);
                added++;
            }
        }

        if (!await db.Organizations.AnyAsync(o => o.Name == DemoLaep && o.IsFictional))
        {
            foreach (var demo in DemoServices)
            {
                AddDemo(demo, now);
                added++;
            }
        }

        await db.SaveChangesAsync();
        log?.WriteLine($"Directory: {added} services added.");
        return added;
    }

    private void AddReal(string name, string? at, Town? town, DateTime now)
    {
        var organization = new Organization { Id = Guid.CreateVersion7(), Name = name, Description = "", CreatedAt = now, UpdatedAt = now };
        var service = new Service
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organization.Id,
            Name = name,
            Description = "Service d'accompagnement périnatal (SAP) : un soutien pendant la grossesse et la première année de l'enfant. Fiche à compléter par le service.",
            Status = ServiceStatus.Active,
            ListingStatus = ListingStatus.Published,
            ToComplete = true,
            CreatedAt = now,
            LastModified = now,
            PublishedAt = now,
        };
        db.Organizations.Add(organization);
        db.Services.Add(service);
        AddTerms(service.Id, ["perinatal", "pregnancy"]);
        if (town is not null)
        {
            AddPlace(service, at ?? name, town, street: null, postalCode: null);
        }
    }

    private void AddDemo(DemoService demo, DateTime now)
    {
        var town = gazetteer.Find(demo.TownId) ?? throw new InvalidOperationException($"No town {demo.TownId}.");
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(),
            Name = demo.Organization,
            Description = "Organisation fictive de la démonstration de Village.",
            IsFictional = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var service = new Service
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organization.Id,
            Name = demo.Name,
            Description = demo.Description,
            Email = null,
            Status = ServiceStatus.Active,
            ListingStatus = ListingStatus.Published,
            ApplicationProcess = demo.Access,
            FeesDescription = demo.Fees,
            MinimumAge = demo.MinAge,
            MaximumAge = demo.MaxAge,
            AssuredDate = DateOnly.FromDateTime(now).AddDays(-20),
            TimeZone = town.Country == "BE" ? DirectoryDefaults.TimeZone : "Europe/Paris",
            CreatedAt = now.AddDays(-60),
            LastModified = now.AddDays(-20),
            PublishedAt = now.AddDays(-59),
        };
        db.Organizations.Add(organization);
        db.Services.Add(service);
        AddTerms(service.Id, [demo.Category, .. demo.Publics]);
        var location = AddPlace(service, demo.Name, town, demo.Street, demo.PostalCode);
        if (demo.Accessibility is { } accessibility)
        {
            db.Accessibility.Add(new Accessibility { Id = Guid.CreateVersion7(), LocationId = location.Id, Description = accessibility });
        }

        if (demo.Phone is { } phone)
        {
            db.Phones.Add(new Phone { Id = Guid.CreateVersion7(), ServiceId = service.Id, Number = phone, Type = "voice" });
        }

        db.Schedules.AddRange(demo.Hours.Select(h => new Schedule
        {
            Id = Guid.CreateVersion7(),
            ServiceId = service.Id,
            Freq = ScheduleFrequency.Weekly,
            Interval = 1,
            ByDay = h.Days,
            OpensAt = TimeOnly.Parse(h.Opens, CultureInfo.InvariantCulture),
            ClosesAt = TimeOnly.Parse(h.Closes, CultureInfo.InvariantCulture),
        }));
        db.ServiceLanguages.AddRange(demo.Languages.Select(code => new ServiceLanguage
        {
            Id = Guid.CreateVersion7(),
            ServiceId = service.Id,
            Code = code,
            Name = Profiles.Languages.NameOf(code),
        }));
        if (demo.Free)
        {
            db.CostOptions.Add(new CostOption { Id = Guid.CreateVersion7(), ServiceId = service.Id, Amount = 0, Currency = "EUR", Option = "Gratuit" });
        }
    }

    private Location AddPlace(Service service, string name, Town town, string? street, string? postalCode)
    {
        var location = new Location
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = service.OrganizationId,
            LocationType = LocationType.Physical,
            Name = name,
            Latitude = Coordinates.Round(town.Latitude),
            Longitude = Coordinates.Round(town.Longitude),
        };
        db.Locations.Add(location);
        db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.CreateVersion7(), ServiceId = service.Id, LocationId = location.Id });
        db.Addresses.Add(new Address
        {
            Id = Guid.CreateVersion7(),
            LocationId = location.Id,
            Address1 = street ?? "",
            City = town.Name,
            StateProvince = town.Admin,
            PostalCode = postalCode ?? "",
            Country = town.Country,
            AddressType = LocationType.Physical,
        });
        return location;
    }

    private void AddTerms(Guid serviceId, IEnumerable<string> codes) =>
        db.ServiceTerms.AddRange(codes.Distinct().Select(code => new ServiceTerm
        {
            Id = Guid.CreateVersion7(),
            ServiceId = serviceId,
            TaxonomyTermId = VillageTaxonomy.ByCode(code)!.Id,
        }));
}

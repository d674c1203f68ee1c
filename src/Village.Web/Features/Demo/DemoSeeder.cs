using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.AddressBook;
using Village.Web.Features.Circle;
using Village.Web.Features.Communities;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Features.HelpCalendars;
using Village.Web.Features.Ideas;
using Village.Web.Features.Messages;
using Village.Web.Features.Moderation;
using Village.Web.Features.Newsletter;
using Village.Web.Features.Outings;
using Village.Web.Features.Parents;
using Village.Web.Features.Places;
using Village.Web.Features.Polls;
using Village.Web.Features.Posts;
using Village.Web.Features.Profiles;
using Village.Web.Features.Referrals;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.ServiceDirectory.Listings;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Demo;

/// <summary>A small, realistic French-speaking demo: parents in Namur and Lille with children of various ages,
/// an administrator, and a professional waiting for verification.</summary>
public sealed class DemoSeeder(VillageDb db, AccountCreation accounts, Gazetteer gazetteer, TimeProvider clock, ReferralNotes referralNotes)
{
    public const string Password = "village-demo";

    private sealed record DemoParent(
        string Email, string Name, string Town, string About, string[] Languages, Interest Interests, Availability Availability,
        (int MonthsOld, string? FirstName)[] Children);

    private static readonly DemoParent[] Parents =
    [
        new("camille@village.demo", "Camille", "Namur", "Maman de Jules, 3 mois. J'aime marcher le long de la Meuse avec la poussette.",
            ["fr"], Interest.Walks | Interest.Coffee | Interest.Reading, Availability.WeekdayMornings | Availability.WeekdayAfternoons,
            [(3, "Jules")]),
        new("youssef@village.demo", "Youssef", "Namur", "Papa au foyer depuis la naissance de Lina. Partant pour un café ou une balade.",
            ["fr", "ar"], Interest.Walks | Interest.Sport | Interest.Cooking, Availability.WeekdayMornings | Availability.WeekendMornings,
            [(14, "Lina")]),
        new("sofia@village.demo", "Sofia", "Namur", "Enceinte de mon deuxième, et maman d'un grand de 3 ans plein d'énergie.",
            ["fr", "pt", "es"], Interest.Music | Interest.Crafts | Interest.Nature, Availability.WeekdayAfternoons | Availability.WeekendAfternoons,
            [(-2, null), (38, "Tiago")]),
        new("nathalie@village.demo", "Nath", "Namur", "Jumelles de 8 mois : les sorties sont une expédition, mais je tiens à sortir !",
            ["fr", "nl"], Interest.Nature | Interest.Games, Availability.WeekdayMornings,
            [(8, null), (8, null)]),
        new("lea@village.demo", "Léa", "Lille", "Nouvelle à Lille, je ne connais encore personne. Bébé de 5 mois.",
            ["fr", "en"], Interest.Culture | Interest.Coffee | Interest.Walks, Availability.WeekdayMornings | Availability.WeekdayAfternoons,
            [(5, "Rose")]),
        new("thomas@village.demo", "Thomas", "Lille", "Papa solo un week-end sur deux, cherche d'autres parents pour le parc ou la piscine.",
            ["fr"], Interest.Swimming | Interest.Sport | Interest.Games, Availability.WeekendMornings | Availability.WeekendAfternoons,
            [(26, "Noé")]),
        new("aminata@village.demo", "Aminata", "Lille", "Arrivée en France l'an dernier. Mon fils a 10 mois. Je parle wolof et français.",
            ["fr", "wo"], Interest.Cooking | Interest.Music, Availability.WeekdayAfternoons,
            [(10, null)]),
    ];

    public async Task SeedAsync(TextWriter log)
    {
        if (await db.Users.AnyAsync(m => m.Email == Parents[0].Email))
        {
            log.WriteLine("Demo already there.");
            Print(log);
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var parent in Parents)
        {
            await accounts.CreateConfirmedAsync(parent.Email, Password, parent.Name, [Roles.Parent]);
            var member = await db.Users.SingleAsync(m => m.Email == parent.Email);
            var profile = await db.Profiles.SingleAsync(p => p.MemberId == member.Id);
            var town = gazetteer.Search(parent.Town, 1)[0];
            profile.TownId = town.Id;
            profile.TownName = town.Name;
            profile.Country = town.Country;
            profile.Latitude = Coordinates.Round(town.Latitude);
            profile.Longitude = Coordinates.Round(town.Longitude);
            profile.About = parent.About;
            profile.Interests = parent.Interests;
            profile.Availability = parent.Availability;
            profile.VisibleNearby = true;
            db.ParentLanguages.AddRange(parent.Languages.Select(code => new ParentLanguage { ParentId = member.Id, Code = code }));
            db.Children.AddRange(parent.Children.Select(c =>
            {
                var month = today.AddMonths(-c.MonthsOld);
                return new Child
                {
                    Id = Guid.CreateVersion7(),
                    ParentId = member.Id,
                    FirstName = c.FirstName,
                    Year = month.Year,
                    Month = month.Month,
                    IsExpected = c.MonthsOld < 0,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
            }));
            await db.SaveChangesAsync();
        }

        await accounts.CreateConfirmedAsync("admin@village.demo", Password, "Équipe Village", [Roles.Administrator, Roles.Moderator]);
        await accounts.CreateConfirmedAsync("sagefemme@village.demo", Password, "Claire", []);
        var professional = await db.Users.SingleAsync(m => m.Email == "sagefemme@village.demo");
        professional.ProfessionalStatus = ProfessionalStatus.Pending;
        professional.ProfessionalDetails = "Sage-femme libérale, Namur";
        await db.SaveChangesAsync();
        await SeedPlacesAsync();
        await SeedCommunitiesAsync();
        await SeedParentsNearbyAsync(today);
        await SeedDirectoryAsync(log);
        await SeedReferralAsync();
        await SeedCircleAsync();
        await SeedNearbyHelpAsync();
        await SeedHelpCalendarAsync();
        await SeedHelpGuestsAsync();
        log.WriteLine("Demo seeded.");
        Print(log);
    }

    /// <summary>The services directory: the real perinatal services to complete and the fictional demo services
    /// (DirectorySeed); a verified professional of the fictional drop-in place, with a request waiting for the
    /// moderators; and Claire, a verified midwife of the fictional practice (she relays Camille, see SeedReferralAsync).</summary>
    private async Task SeedDirectoryAsync(TextWriter log)
    {
        await new DirectorySeed(db, gazetteer, clock).SeedAsync(log);
        var now = clock.GetUtcNow().UtcDateTime;
        await accounts.CreateConfirmedAsync("accueil@village.demo", Password, "Marc", [Roles.Professional]);
        var marc = await db.Users.SingleAsync(m => m.Email == "accueil@village.demo");
        marc.ProfessionalStatus = ProfessionalStatus.Verified;
        marc.ProfessionalDetails = "Accueillant au lieu d'accueil enfants-parents Les Petits Pas (démo), Namur";
        var laep = await db.Organizations.SingleAsync(o => o.Name == DirectorySeed.DemoLaep && o.IsFictional);
        var midwives = await db.Organizations.SingleAsync(o => o.Name == DirectorySeed.DemoMidwife && o.IsFictional);
        var claire = await db.Users.SingleAsync(m => m.Email == "sagefemme@village.demo");
        db.OrganizationMembers.AddRange(
            new OrganizationMember { OrganizationId = laep.Id, MemberId = marc.Id, Status = OrganizationMemberStatus.Verified, CreatedAt = now.AddDays(-50), VerifiedAt = now.AddDays(-49) },
            new OrganizationMember { OrganizationId = midwives.Id, MemberId = claire.Id, Status = OrganizationMemberStatus.Verified, CreatedAt = now.AddDays(-30), VerifiedAt = now.AddDays(-29) });
        claire.ProfessionalStatus = ProfessionalStatus.Verified;
        var professionalRole = await db.Roles.SingleAsync(r => r.Name == Roles.Professional);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = claire.Id, RoleId = professionalRole.Id });
        var request = new Service
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = laep.Id,
            Name = "Atelier portage bébé des Petits Pas (démo)",
            Description = "Un atelier pour apprendre à porter bébé en écharpe, en toute sécurité, avec une accueillante formée. Écharpes prêtées sur place.",
            ApplicationProcess = "Inscription par téléphone, 6 familles par atelier.",
            Status = ServiceStatus.Active,
            ListingStatus = ListingStatus.Pending,
            SubmittedById = marc.Id,
            CreatedAt = now.AddHours(-3),
            LastModified = now.AddHours(-3),
        };
        db.Services.Add(request);
        db.ServiceTerms.Add(new ServiceTerm { Id = Guid.CreateVersion7(), ServiceId = request.Id, TaxonomyTermId = VillageTaxonomy.ByCode("drop-in")!.Id });
        db.Schedules.Add(new Schedule { Id = Guid.CreateVersion7(), ServiceId = request.Id, Freq = ScheduleFrequency.Weekly, Interval = 1, ByDay = "FR", OpensAt = new TimeOnly(10, 0), ClosesAt = new TimeOnly(11, 30) });
        await db.SaveChangesAsync();
    }

    /// <summary>Help near the demo parents (NearbyHelp, on /help-now and after a check-in): a free drop-in place in
    /// Jambes (Namur) and a free family café in Lille, open six mornings a week, so that one always opens within two
    /// days.</summary>
    private async Task SeedNearbyHelpAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        (string Town, double North, double East, string Name, string Description, string Street, string PostalCode, string Zone)[] places =
        [
            ("Namur", -0.012, 0.018, "La Maison des Bambins (démo)",
                "Un lieu d'accueil enfants-parents à Jambes : venez sans rendez-vous avec votre enfant de moins de 4 ans, prenez un café, "
                + "rencontrez d'autres parents et deux accueillantes. Anonyme et gratuit.", "Rue de Dave 3", "5100", DirectoryDefaults.TimeZone),
            ("Lille", 0.006, -0.01, "Le Café-poussette de Wazemmes (démo)",
                "Un café associatif pour les parents et les tout-petits : coin jeux, thé offert, et une fois par semaine une sage-femme "
                + "pour parler de l'allaitement ou du sommeil. Gratuit, sans inscription.", "Place de la Nouvelle Aventure 8", "59000", "Europe/Paris"),
        ];
        foreach (var place in places)
        {
            var town = gazetteer.Search(place.Town, 1)[0];
            var organization = new Organization
            {
                Id = Guid.CreateVersion7(),
                Name = place.Name,
                Description = "Organisation fictive de la démonstration de Village.",
                IsFictional = true,
                CreatedAt = now.AddDays(-40),
                UpdatedAt = now.AddDays(-40),
            };
            var service = new Service
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = organization.Id,
                Name = place.Name,
                Description = place.Description,
                Status = ServiceStatus.Active,
                ListingStatus = ListingStatus.Published,
                ApplicationProcess = "Sans rendez-vous, aux heures d'ouverture.",
                FeesDescription = "Gratuit.",
                MaximumAge = 4,
                AssuredDate = DateOnly.FromDateTime(now).AddDays(-10),
                TimeZone = place.Zone,
                CreatedAt = now.AddDays(-40),
                LastModified = now.AddDays(-10),
                PublishedAt = now.AddDays(-39),
            };
            var location = new Location
            {
                Id = Guid.CreateVersion7(),
                OrganizationId = organization.Id,
                LocationType = LocationType.Physical,
                Name = place.Name,
                Latitude = Coordinates.Round(town.Latitude + place.North),
                Longitude = Coordinates.Round(town.Longitude + place.East),
            };
            db.Organizations.Add(organization);
            db.Services.Add(service);
            db.Locations.Add(location);
            db.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.CreateVersion7(), ServiceId = service.Id, LocationId = location.Id });
            db.Addresses.Add(new Address
            {
                Id = Guid.CreateVersion7(),
                LocationId = location.Id,
                Address1 = place.Street,
                City = town.Name,
                StateProvince = town.Admin,
                PostalCode = place.PostalCode,
                Country = town.Country,
                AddressType = LocationType.Physical,
            });
            db.ServiceTerms.AddRange(new[] { "drop-in", "young-children" }.Select(code => new ServiceTerm
            {
                Id = Guid.CreateVersion7(),
                ServiceId = service.Id,
                TaxonomyTermId = VillageTaxonomy.ByCode(code)!.Id,
            }));
            db.Schedules.AddRange(
                new Schedule { Id = Guid.CreateVersion7(), ServiceId = service.Id, Freq = ScheduleFrequency.Weekly, Interval = 1, ByDay = "MO,TU,WE,TH,FR,SA", OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(12, 0) },
                new Schedule { Id = Guid.CreateVersion7(), ServiceId = service.Id, Freq = ScheduleFrequency.Weekly, Interval = 1, ByDay = "WE", OpensAt = new TimeOnly(14, 0), ClosesAt = new TimeOnly(17, 0) });
            db.ServiceLanguages.Add(new ServiceLanguage { Id = Guid.CreateVersion7(), ServiceId = service.Id, Code = "fr", Name = Profiles.Languages.NameOf("fr") });
            db.CostOptions.Add(new CostOption { Id = Guid.CreateVersion7(), ServiceId = service.Id, Amount = 0, Currency = "EUR", Option = "Gratuit" });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Parents visible around Namur, a little apart (coarse positions), so /parents is alive for Camille.</summary>
    private static readonly (DemoParent Parent, double NorthDegrees, double EastDegrees)[] ParentsAroundNamur =
    [
        (new("ines@village.demo", "Inès", "Namur", "Première fois maman, à Jambes. J'ai besoin de sortir un peu de la maison et de parler à des adultes !",
            ["fr", "ar"], Interest.Walks | Interest.Coffee, Availability.WeekdayMornings, [(2, "Nour")]), 0.00, 0.02),
        (new("pieter@village.demo", "Pieter", "Namur", "Papa en congé parental, je promène Lotte tous les matins vers la citadelle.",
            ["nl", "fr", "en"], Interest.Walks | Interest.Nature, Availability.WeekdayMornings | Availability.WeekendMornings, [(4, "Lotte")]), 0.01, -0.02),
        (new("grace@village.demo", "Grace", "Namur", "Arrivée d'Irlande cet été avec mon mari et notre petit Finn. J'apprends le français !",
            ["en", "fr"], Interest.Music | Interest.Reading, Availability.WeekdayAfternoons, [(6, "Finn")]), -0.02, 0.01),
        (new("malika@village.demo", "Malika", "Namur", "Maman de Sami, 18 mois, qui court partout. Toujours partante pour un café au parc.",
            ["ar", "fr"], Interest.Cooking | Interest.Coffee, Availability.WeekdayAfternoons, [(18, "Sami")]), 0.02, 0.04),
        (new("julie@village.demo", "Julie", "Namur", "Deuxième bébé prévu cet hiver ; Arthur a deux ans et demi et adore la piscine.",
            ["fr"], Interest.Crafts | Interest.Swimming, Availability.WeekendAfternoons, [(-1, null), (30, "Arthur")]), -0.05, 0.00),
        (new("mehmet@village.demo", "Mehmet", "Namur", "Papa de jumeaux de 3 mois : on cherche d'autres parents pour des balades tranquilles.",
            ["tr", "fr"], Interest.Walks | Interest.Games, Availability.WeekdayMornings | Availability.WeekendMornings, [(3, null), (3, null)]), 0.03, -0.03),
    ];

    /// <summary>Six more parents visible around Namur, and Inès's hello waiting for Camille.</summary>
    private async Task SeedParentsNearbyAsync(DateOnly today)
    {
        var namur = gazetteer.Search("Namur", 1)[0];
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (parent, north, east) in ParentsAroundNamur)
        {
            await accounts.CreateConfirmedAsync(parent.Email, Password, parent.Name, [Roles.Parent]);
            var member = await db.Users.SingleAsync(m => m.Email == parent.Email);
            var profile = await db.Profiles.SingleAsync(p => p.MemberId == member.Id);
            profile.TownId = namur.Id;
            profile.TownName = namur.Name;
            profile.Country = namur.Country;
            profile.Latitude = Coordinates.Round(namur.Latitude + north);
            profile.Longitude = Coordinates.Round(namur.Longitude + east);
            profile.About = parent.About;
            profile.Interests = parent.Interests;
            profile.Availability = parent.Availability;
            profile.VisibleNearby = true;
            db.ParentLanguages.AddRange(parent.Languages.Select(code => new ParentLanguage { ParentId = member.Id, Code = code }));
            db.Children.AddRange(parent.Children.Select(c =>
            {
                var month = today.AddMonths(-c.MonthsOld);
                return new Child { Id = Guid.CreateVersion7(), ParentId = member.Id, FirstName = c.FirstName, Year = month.Year, Month = month.Month, IsExpected = c.MonthsOld < 0, CreatedAt = now };
            }));
            await db.SaveChangesAsync();
        }

        var ines = await db.Users.Where(m => m.Email == "ines@village.demo").Select(m => m.Id).SingleAsync();
        var camille = await db.Users.Where(m => m.Email == "camille@village.demo").Select(m => m.Id).SingleAsync();
        db.Hellos.Add(new Hello
        {
            Id = Guid.CreateVersion7(),
            FromId = ines,
            ToId = camille,
            Text = "Un café ensemble ? Nos bébés ont presque le même âge, et je suis juste à côté, à Jambes.",
            Status = HelloStatus.Waiting,
            CreatedAt = now.AddHours(-3),
        });
        await db.SaveChangesAsync();
    }

    private sealed record DemoCommunity(
        string Slug, string Name, string Description, CommunityKind Kind, CommunityTheme? Theme, string? Town, CommunityStatus Status,
        string Admin, string[] Members);

    private static readonly DemoCommunity[] Communities =
    [
        new("parents-de-namur", "Parents de Namur",
            "Entraide entre parents de jeunes enfants à Namur et alentours : bons plans, questions, prêts de matériel, sorties au chaud quand il pleut. Bienveillance avant tout.",
            CommunityKind.Local, null, "Namur", CommunityStatus.Approved, "camille@village.demo",
            ["youssef@village.demo", "sofia@village.demo", "nathalie@village.demo"]),
        new("parents-de-lille", "Parents à Lille",
            "Pour les familles de Lille et de la métropole : rencontrer d'autres parents, se passer les vêtements trop petits, trouver une bonne adresse.",
            CommunityKind.Local, null, "Lille", CommunityStatus.Approved, "lea@village.demo",
            ["thomas@village.demo", "aminata@village.demo"]),
        new("papas-ensemble", "Papas ensemble",
            "Papas au foyer, papas solos, futurs papas : un coin pour en parler entre pères, sans jugement.",
            CommunityKind.Themed, CommunityTheme.Fathers, null, CommunityStatus.Approved, "youssef@village.demo",
            ["thomas@village.demo"]),
        new("post-partum-on-en-parle", "Post-partum : on en parle",
            "Fatigue, doutes, solitude après la naissance : ici on peut le dire. Des parents qui sont passés par là, et des adresses d'aide près de chez vous.",
            CommunityKind.Themed, CommunityTheme.Postpartum, null, CommunityStatus.Approved, "lea@village.demo",
            ["camille@village.demo", "nathalie@village.demo", "aminata@village.demo"]),
        new("jumeaux-wallonie", "Jumeaux et triplés en Wallonie",
            "Pour les parents de multiples : matériel double, astuces pour sortir à deux poussettes, rencontres.",
            CommunityKind.Themed, CommunityTheme.Twins, null, CommunityStatus.Pending, "nathalie@village.demo", []),
    ];

    private async Task SeedCommunitiesAsync()
    {
        var ids = await db.Users.Where(m => m.Email!.EndsWith("@village.demo")).ToDictionaryAsync(m => m.Email!, m => m.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var demo in Communities)
        {
            var town = demo.Town is null ? null : gazetteer.Search(demo.Town, 1)[0];
            var community = new Community
            {
                Id = Guid.CreateVersion7(),
                Slug = demo.Slug,
                Name = demo.Name,
                Description = demo.Description,
                Kind = demo.Kind,
                Theme = demo.Theme,
                TownId = town?.Id,
                TownName = town?.Name,
                Latitude = town is null ? null : Coordinates.Round(town.Latitude),
                Longitude = town is null ? null : Coordinates.Round(town.Longitude),
                Status = demo.Status,
                RequestedById = ids[demo.Admin],
                CreatedAt = now,
                DecidedAt = demo.Status == CommunityStatus.Approved ? now : null,
            };
            db.Communities.Add(community);
            if (demo.Status == CommunityStatus.Approved)
            {
                db.CommunityMembers.Add(new CommunityMember { CommunityId = community.Id, MemberId = ids[demo.Admin], Role = CommunityRole.Admin, JoinedAt = now });
                db.CommunityMembers.AddRange(demo.Members.Select(email =>
                    new CommunityMember { CommunityId = community.Id, MemberId = ids[email], Role = CommunityRole.Member, JoinedAt = now }));
            }
        }

        await db.SaveChangesAsync();
        await SeedPostsAsync(ids);
        await SeedCommunityToolsAsync(ids);
        await SeedModerationAsync(ids);
        await SeedAdminToolsAsync(ids);
        await SeedNewsletterAsync();
        await SeedOutingsAsync(ids);
        await SeedMessagesAsync(ids);
    }

    /// <summary>Camille and Sofia, two Namur mums, met through a hello and plan a walk by the Meuse; Sofia's last
    /// message is still unread, so Camille's navigation shows one.</summary>
    private async Task SeedMessagesAsync(Dictionary<string, Guid> ids)
    {
        var camille = ids["camille@village.demo"];
        var sofia = ids["sofia@village.demo"];
        var start = clock.GetUtcNow().UtcDateTime.AddHours(-26);
        (Guid Author, string Text, int Minutes)[] lines =
        [
            (sofia, "Bonjour Camille ! J'ai lu que vous aimez marcher le long de la Meuse avec la poussette. Mon grand de 3 ans adore regarder les bateaux : une balade ensemble, ça vous dirait ?", 0),
            (camille, "Bonjour Sofia ! Oh oui, avec plaisir. Les matins sont un peu longs en ce moment, ça me ferait du bien.", 35),
            (sofia, "Pareil pour moi… Jeudi vers 10 h, au départ du pont de Jambes ? Le chemin est plat, parfait pour les poussettes.", 50),
            (camille, "Jeudi 10 h, c'est noté. S'il pleut, on se replie au café de la bibliothèque ?", 70),
            (sofia, "Parfait ! J'apporte des biscuits. À jeudi 🙂", 24 * 60 + 30),
        ];
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(),
            Kind = ConversationKind.Direct,
            CreatedAt = start,
            LastMessageAt = start.AddMinutes(lines[^1].Minutes),
            LastSequence = lines.Length,
            Members =
            [
                new ConversationMember { MemberId = camille, JoinedAt = start, ReadSequence = lines.Length - 1 },
                new ConversationMember { MemberId = sofia, JoinedAt = start, ReadSequence = lines.Length },
            ],
        };
        db.Conversations.Add(conversation);
        db.Messages.AddRange(lines.Select((line, i) => new Message
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversation.Id,
            Sequence = i + 1,
            AuthorId = line.Author,
            Text = line.Text,
            CreatedAt = start.AddMinutes(line.Minutes),
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Parents de Namur is run by two admins: Camille on weekdays, Youssef at the weekend but on a break
    /// this week; their handover notes, reply templates and the community's own rules.</summary>
    private async Task SeedAdminToolsAsync(Dictionary<string, Guid> ids)
    {
        var namur = await db.Communities.SingleAsync(c => c.Slug == "parents-de-namur");
        var now = clock.GetUtcNow().UtcDateTime;
        namur.Rules = "Ici, on s'entraide entre parents de Namur et des environs.\n\n"
            + "- On reste bienveillant : chacun fait de son mieux.\n"
            + "- Pas de publicité ni de vente à répétition.\n"
            + "- Pas de nom de famille, d'adresse ou de photo d'enfant reconnaissable.\n"
            + "- Les premières rencontres se font dans un lieu public.";
        var camille = await db.CommunityMembers.SingleAsync(m => m.CommunityId == namur.Id && m.MemberId == ids["camille@village.demo"]);
        camille.DutyDays = DutyDays.Monday | DutyDays.Tuesday | DutyDays.Wednesday | DutyDays.Thursday | DutyDays.Friday;
        var youssef = await db.CommunityMembers.SingleAsync(m => m.CommunityId == namur.Id && m.MemberId == ids["youssef@village.demo"]);
        youssef.Role = CommunityRole.Admin;
        youssef.DutyDays = DutyDays.Saturday | DutyDays.Sunday;
        youssef.OffDuty = true;
        youssef.OffDutyUntil = DateOnly.FromDateTime(now).AddDays(10);
        db.HandoverNotes.AddRange(
            new HandoverNote
            {
                Id = Guid.CreateVersion7(),
                CommunityId = namur.Id,
                AuthorId = ids["youssef@village.demo"],
                CreatedAt = now.AddDays(-3),
                Body = "Je prends dix jours pour la naissance de notre deuxième. Camille, tu gardes la maison ? Merci !",
            },
            new HandoverNote
            {
                Id = Guid.CreateVersion7(),
                CommunityId = namur.Id,
                AuthorId = ids["camille@village.demo"],
                CreatedAt = now.AddHours(-20),
                Body = "Sofia s'occupe du troc de samedi, le local de la maison de quartier est réservé de 10 h à 12 h.",
            });
        db.ReplyTemplates.AddRange(
            new ReplyTemplate
            {
                Id = Guid.CreateVersion7(),
                CommunityId = namur.Id,
                CreatedAt = now,
                Title = "Post retiré : publicité",
                Body = "Bonjour, nous avons retiré votre message : la communauté est réservée à l'entraide entre parents, pas à la publicité. Merci de votre compréhension.",
            },
            new ReplyTemplate
            {
                Id = Guid.CreateVersion7(),
                CommunityId = namur.Id,
                CreatedAt = now,
                Title = "Post retiré : informations personnelles",
                Body = "Bonjour, nous avons retiré votre message parce qu'il montrait une adresse ou le nom d'un enfant. Vous pouvez le republier sans ces informations.",
            },
            new ReplyTemplate
            {
                Id = Guid.CreateVersion7(),
                CommunityId = namur.Id,
                CreatedAt = now,
                Title = "Rappel : on reste bienveillant",
                Body = "Bonjour, les échanges se sont un peu tendus. On est tous fatigués : merci de garder un ton doux, chacun fait de son mieux.",
            });
        await db.SaveChangesAsync();
    }

    private sealed record DemoPost(
        string Community, string Author, PostKind Kind, ItemMode? Mode, int? PriceCents, string Title, string Body, PostState State,
        int HoursAgo, (string Author, string Text)[] Replies);

    private static readonly DemoPost[] Posts =
    [
        new("parents-de-namur", "camille@village.demo", PostKind.Announcement, null, null, "Bienvenue ! Quelques règles simples",
            "Ici on s'entraide entre parents de Namur.\n\n- Pas de nom de famille ni d'adresse précise\n- Les premières rencontres dans un lieu public\n- On se dit **merci** :)", PostState.Open, 200, []),
        new("parents-de-namur", "youssef@village.demo", PostKind.Question, null, null, "Un pédiatre qui prend de nouveaux patients ?",
            "Nous venons d'arriver à Jambes et cherchons un pédiatre doux et patient. Des adresses ?", PostState.Answered, 30,
            [("sofia@village.demo", "Le cabinet près de la gare de Namur prend encore des bébés, il faut appeler le matin."), ("camille@village.demo", "Pareil, très contente de la consultation ONE du quartier aussi.")]),
        new("parents-de-namur", "nathalie@village.demo", PostKind.Item, ItemMode.Wanted, null, "Cherche poussette double",
            "Pour mes jumelles de 8 mois, une poussette double pas trop large pour les trottoirs. Je peux venir la chercher.", PostState.Open, 5,
            [("youssef@village.demo", "Ma sœur en a une qui dort dans sa cave, je lui demande ce soir !")]),
        new("parents-de-namur", "sofia@village.demo", PostKind.Item, ItemMode.Give, null, "Vêtements 3-6 mois à donner",
            "Un grand sac de bodies et pyjamas 3-6 mois, en bon état. À récupérer à Salzinnes.", PostState.Given, 50, []),
        new("parents-de-namur", "camille@village.demo", PostKind.Tip, null, null, "Bébé-lecteurs à la bibliothèque le mercredi",
            "Chaque mercredi à 10 h, lecture pour les tout-petits à la bibliothèque : gratuit, au chaud, et on rencontre d'autres parents.", PostState.Open, 12, []),
        new("parents-de-lille", "thomas@village.demo", PostKind.Item, ItemMode.Sell, 2500, "Porte-bébé physiologique",
            "Très bon état, utilisé six mois. 25 € (prix neuf 110 €).", PostState.Open, 20, []),
        new("parents-de-lille", "lea@village.demo", PostKind.Recommendation, null, null, "Une sage-femme formidable à Fives",
            "Elle fait les visites à domicile après la naissance et prend le temps d'écouter. Je peux donner son contact en message.", PostState.Open, 70,
            [("aminata@village.demo", "Merci Léa, je vais l'appeler.")]),
    ];

    private async Task SeedPostsAsync(Dictionary<string, Guid> ids)
    {
        var communities = await db.Communities.ToDictionaryAsync(c => c.Slug, c => c.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var demo in Posts)
        {
            var post = new Post
            {
                Id = Guid.CreateVersion7(),
                CommunityId = communities[demo.Community],
                AuthorId = ids[demo.Author],
                CreatedAt = now.AddHours(-demo.HoursAgo),
                State = demo.State,
                IsPinned = demo.Kind == PostKind.Announcement,
                CommentCount = demo.Replies.Length,
            };
            new PostInput { Kind = demo.Kind, ItemMode = demo.Mode, Title = demo.Title, Body = demo.Body }.CopyTo(post);
            post.PriceCents = demo.PriceCents;
            db.Posts.Add(post);
            db.Comments.AddRange(demo.Replies.Select((reply, i) => new Comment
            {
                Id = Guid.CreateVersion7(),
                PostId = post.Id,
                AuthorId = ids[reply.Author],
                Body = reply.Text,
                CreatedAt = post.CreatedAt.AddHours(i + 1),
            }));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>One report dismissed by the platform's moderator (in the log), and one waiting in the queue of
    /// Parents de Namur for Camille, its admin.</summary>
    private async Task SeedModerationAsync(Dictionary<string, Guid> ids)
    {
        var namur = await db.Communities.Where(c => c.Slug == "parents-de-namur").Select(c => c.Id).SingleAsync();
        var tip = await db.Posts.SingleAsync(p => p.CommunityId == namur && p.Title.StartsWith("Bébé-lecteurs"));
        var question = await db.Posts.SingleAsync(p => p.CommunityId == namur && p.Title.StartsWith("Un pédiatre"));
        var now = clock.GetUtcNow().UtcDateTime;
        var dismissed = new Report
        {
            Id = Guid.CreateVersion7(),
            ReporterId = ids["youssef@village.demo"],
            TargetKind = ReportTarget.Post,
            TargetId = tip.Id,
            TargetMemberId = tip.AuthorId,
            CommunityId = namur,
            Reason = ReportReason.Spam,
            Details = "On dirait une publicité.",
            Status = ReportStatus.Dismissed,
            CreatedAt = now.AddHours(-10),
            ClosedAt = now.AddHours(-9),
        };
        db.Reports.Add(dismissed);
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Id = Guid.CreateVersion7(),
            CommunityId = namur,
            ActorId = ids["admin@village.demo"],
            Action = ModerationAction.Dismiss,
            TargetKind = ReportTarget.Post,
            TargetId = tip.Id,
            TargetMemberId = tip.AuthorId,
            Reason = "Une activité gratuite de la bibliothèque, utile aux parents : ce n'est pas de la publicité.",
            CreatedAt = now.AddHours(-9),
        });
        db.Reports.Add(new Report
        {
            Id = Guid.CreateVersion7(),
            ReporterId = ids["sofia@village.demo"],
            TargetKind = ReportTarget.Post,
            TargetId = question.Id,
            TargetMemberId = question.AuthorId,
            CommunityId = namur,
            Reason = ReportReason.Other,
            Details = "Dans les réponses on donne le nom d'un cabinet : est-ce que c'est permis ? Je préfère demander.",
            Status = ReportStatus.Open,
            CreatedAt = now.AddHours(-2),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Parents de Namur: a weekly newsletter on Mondays, last Monday's issue already sent, and the admins'
    /// note waiting for the next one (its preview is on /communities/parents-de-namur/newsletter).</summary>
    private async Task SeedNewsletterAsync()
    {
        var namur = await db.Communities.SingleAsync(c => c.Slug == "parents-de-namur");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
        var period = lastMonday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sentAt = period.AddHours(6) < now ? period.AddHours(6) : now;
        db.NewsletterSettings.Add(new NewsletterSettings
        {
            CommunityId = namur.Id,
            Frequency = NewsletterFrequency.Weekly,
            Weekday = DayOfWeek.Monday,
            Note = "Bonjour à toutes et à tous !\n\nLa **troc party** de vêtements d'enfants, c'est samedi prochain de 10 h à 12 h à la maison de quartier de Salzinnes. "
                + "Apportez ce qui est devenu trop petit, repartez avec ce qui vous manque.\n\n- Café et jus offerts\n- Un coin pour les bébés, avec tapis\n\nÀ samedi, Camille",
            UpdatedAt = now,
        });
        db.NewsletterIssues.Add(new NewsletterIssue
        {
            Id = Guid.CreateVersion7(),
            CommunityId = namur.Id,
            Period = period,
            CoveredFrom = sentAt.AddDays(-7),
            CoveredUntil = sentAt,
            Note = "Bienvenue aux nouvelles familles ! Pensez à lire les règles épinglées en haut du fil.",
            PostCount = 2,
            RecipientCount = await db.CommunityMembers.CountAsync(m => m.CommunityId == namur.Id),
        });
        await db.SaveChangesAsync();
    }

    private sealed record DemoAddress(
        string Community, string Author, string Name, AddressCategory Category, string Town, string? Address, string? Phone, string? Website,
        (string Member, string Comment)[] Recommendations);

    private static readonly DemoAddress[] Addresses =
    [
        new("parents-de-namur", "sofia@village.demo", "Dr Anne Lambert, pédiatre", AddressCategory.Pediatrician, "Namur",
            "Rue de Fer 12, 5000 Namur", "081 22 33 44", null,
            [("sofia@village.demo", "Très douce avec les petits, elle prend le temps de répondre à toutes les questions."),
             ("youssef@village.demo", "Elle nous a pris en urgence un samedi matin pour la fièvre de Lina. Merci à elle !"),
             ("camille@village.demo", "Cabinet au rez-de-chaussée, on entre facilement avec la poussette.")]),
        new("parents-de-namur", "nathalie@village.demo", "Crèche Les Petits Pas", AddressCategory.Creche, "Namur",
            "Avenue de la Plante 40, 5000 Namur", "081 40 50 60", "https://www.example.be/les-petits-pas",
            [("nathalie@village.demo", "Elles ont accueilli mes jumelles ensemble, l'équipe est adorable."),
             ("camille@village.demo", "Liste d'attente longue : inscrivez-vous dès la grossesse.")]),
        new("parents-de-lille", "lea@village.demo", "Le Café des Familles", AddressCategory.FamilyPlace, "Lille",
            "Place du Théâtre, Lille", null, "https://www.example.fr/cafe-des-familles",
            [("lea@village.demo", "Coin jeux, chaises hautes, table à langer propre : on y passe des heures les jours de pluie."),
             ("aminata@village.demo", "Le personnel est très accueillant, même quand bébé pleure.")]),
    ];

    /// <summary>The community tools: good addresses with recommendations, ideas (one planned and answered), and an
    /// open poll next to a closed one.</summary>
    private async Task SeedCommunityToolsAsync(Dictionary<string, Guid> ids)
    {
        var communities = await db.Communities.ToDictionaryAsync(c => c.Slug, c => c.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var demo in Addresses)
        {
            var town = gazetteer.Search(demo.Town, 1)[0];
            var entry = new AddressEntry
            {
                Id = Guid.CreateVersion7(),
                CommunityId = communities[demo.Community],
                AuthorId = ids[demo.Author],
                CreatedAt = now.AddDays(-20),
                RecommendationCount = demo.Recommendations.Length,
            };
            new AddressInput { Name = demo.Name, Category = demo.Category, Address = demo.Address, Phone = demo.Phone, Website = demo.Website }
                .CopyTo(entry, town);
            db.AddressEntries.Add(entry);
            db.AddressRecommendations.AddRange(demo.Recommendations.Select((r, i) => new AddressRecommendation
            {
                Id = Guid.CreateVersion7(),
                EntryId = entry.Id,
                MemberId = ids[r.Member],
                Comment = r.Comment,
                CreatedAt = entry.CreatedAt.AddDays(i + 1),
            }));
        }

        var namur = communities["parents-de-namur"];
        var picnic = new Idea
        {
            Id = Guid.CreateVersion7(),
            CommunityId = namur,
            AuthorId = ids["youssef@village.demo"],
            Title = "Un pique-nique des familles au parc de la Citadelle",
            Body = "Un dimanche de juin, chacun apporte un plat et une couverture. Les enfants jouent, les parents se rencontrent enfin en vrai.",
            Status = IdeaStatus.Planned,
            Answer = "Bonne idée ! On le prévoit le dimanche 14 juin, à partir de 11 h. On en reparle bientôt dans une annonce.",
            AnsweredAt = now.AddDays(-2),
            CreatedAt = now.AddDays(-10),
        };
        var swap = new Idea
        {
            Id = Guid.CreateVersion7(),
            CommunityId = namur,
            AuthorId = ids["nathalie@village.demo"],
            Title = "Une bourse aux vêtements d'enfants",
            Body = "Deux fois par an, on échange les vêtements devenus trop petits. Une salle de quartier suffirait.",
            CreatedAt = now.AddDays(-3),
        };
        db.Ideas.AddRange(picnic, swap);
        string[] picnicVoters = ["camille@village.demo", "sofia@village.demo", "nathalie@village.demo"];
        string[] swapVoters = ["sofia@village.demo"];
        db.IdeaVotes.AddRange(picnicVoters.Select(m => new IdeaVote { Id = Guid.CreateVersion7(), IdeaId = picnic.Id, MemberId = ids[m] }));
        db.IdeaVotes.AddRange(swapVoters.Select(m => new IdeaVote { Id = Guid.CreateVersion7(), IdeaId = swap.Id, MemberId = ids[m] }));
        picnic.VoteCount = picnicVoters.Length;
        swap.VoteCount = swapVoters.Length;

        AddPoll(namur, ids["camille@village.demo"], "Quel jour pour la balade poussettes le long de la Meuse ?", false,
            DemoPollClosing(now, days: 6), now.AddDays(-1),
            [("Mardi matin", ["youssef@village.demo", "nathalie@village.demo"]), ("Jeudi matin", ["sofia@village.demo"]), ("Samedi après-midi", [])],
            ids);
        AddPoll(namur, ids["sofia@village.demo"], "Quels ateliers vous intéresseraient ?", true,
            now.AddDays(-5), now.AddDays(-15),
            [("Massage bébé", ["camille@village.demo", "nathalie@village.demo"]), ("Premiers secours enfants", ["camille@village.demo", "youssef@village.demo", "nathalie@village.demo"]), ("Portage", ["youssef@village.demo"])],
            ids);
        await db.SaveChangesAsync();
    }

    private sealed record DemoPlace(
        string Name, PlaceCategory Category, string Town, string Address, string Description, string OpeningHours, bool IsFree,
        string? PriceNote, PlaceAmenities Amenities, string ProposedBy, (string Member, string Text)[] Reviews,
        PlaceStatus Status = PlaceStatus.Approved);

    private static readonly DemoPlace[] Places =
    [
        new("Le Café Poussette", PlaceCategory.Cafe, "Namur", "Rue des Brasseurs 27",
            "Un petit café où les poussettes sont les bienvenues : un tapis d'éveil, des livres en tissu, des chaises hautes et un vrai bon chocolat chaud pour les parents. Le mardi matin, des parents de bébés s'y retrouvent.",
            "Du mardi au samedi, de 9 h à 18 h", false, "Boissons de 2 à 4 €, coin jeux gratuit",
            PlaceAmenities.ChangingTable | PlaceAmenities.StrollerAccess | PlaceAmenities.FeedingSpace | PlaceAmenities.Indoor | PlaceAmenities.StepFree,
            "camille@village.demo",
            [("camille@village.demo", "Mon refuge des matins difficiles. Personne ne vous regarde de travers quand bébé pleure."),
             ("nathalie@village.demo", "On rentre à deux poussettes sans problème, c'est rare !")]),
        new("Coin des bébés lecteurs, bibliothèque du centre", PlaceCategory.Library, "Namur", "Place du Théâtre 4",
            "Au rez-de-chaussée de la bibliothèque, un coin avec des coussins, des tapis et des albums pour les tout-petits. Le premier samedi du mois, une lectrice raconte des histoires aux bébés.",
            "Mardi, mercredi et vendredi de 10 h à 18 h, samedi de 9 h à 13 h", true, null,
            PlaceAmenities.StrollerAccess | PlaceAmenities.Indoor | PlaceAmenities.QuietCorner | PlaceAmenities.StepFree | PlaceAmenities.ChangingTable,
            "sofia@village.demo",
            [("sofia@village.demo", "Tiago adore l'heure du conte. C'est gratuit et les bibliothécaires sont adorables.")]),
        new("Piscine de Salzinnes", PlaceCategory.Pool, "Namur", "Rue Henri Lemaître 70",
            "Une piscine avec une pataugeoire chauffée à 32 °C pour les petits, et des cabines familiales avec table à langer. Des séances bébés nageurs le samedi matin.",
            "Tous les jours de 8 h à 20 h, pataugeoire de 10 h à 18 h", false, "3 € par adulte, gratuit pour les moins de 3 ans",
            PlaceAmenities.ChangingTable | PlaceAmenities.Indoor | PlaceAmenities.StepFree,
            "youssef@village.demo",
            [("youssef@village.demo", "La pataugeoire est vraiment chaude, Lina ne veut plus en sortir."),
             ("camille@village.demo", "Cabines familiales propres et spacieuses. Évitez le mercredi après-midi, il y a du monde.")]),
        new("Ludothèque La Toupie", PlaceCategory.IndoorPlay, "Namur", "Rue de l'Ange 15",
            "On y joue sur place et on emprunte des jeux pour la maison. Un espace moelleux pour les moins de 3 ans, et des animatrices qui aiment discuter avec les parents.",
            "Mercredi de 14 h à 18 h, samedi de 10 h à 12 h 30", false, "Inscription 10 € par an et par famille",
            PlaceAmenities.Indoor | PlaceAmenities.StrollerAccess | PlaceAmenities.QuietCorner,
            "nathalie@village.demo", []),
        new("La Maison Verte de Namur", PlaceCategory.DropIn, "Namur", "Rue Saint-Nicolas 8",
            "Un lieu d'accueil enfants-parents, anonyme et sans inscription, pour les enfants de 0 à 4 ans avec un parent. On vient quand on veut, on joue, on parle avec des accueillantes ou avec d'autres parents.",
            "Lundi et jeudi de 14 h à 17 h 30", true, "Participation libre",
            PlaceAmenities.ChangingTable | PlaceAmenities.FeedingSpace | PlaceAmenities.Indoor | PlaceAmenities.QuietCorner,
            "camille@village.demo",
            [("nathalie@village.demo", "J'y suis allée seule avec les jumelles un jour où je n'en pouvais plus. On m'a offert un café et écoutée. Merci.")]),
        new("Parc Louise-Marie", PlaceCategory.Park, "Namur", "Avenue de la Plante 2",
            "Un grand parc au bord de l'eau avec des canards, une plaine de jeux clôturée et des allées larges pour les poussettes. Des bancs à l'ombre pour la tétée.",
            "Toujours ouvert", true, null,
            PlaceAmenities.StrollerAccess | PlaceAmenities.StepFree,
            "youssef@village.demo",
            [("youssef@village.demo", "Notre balade du dimanche matin. La plaine de jeux est fermée par une barrière, c'est rassurant.")]),
        new("Musée des Enfants du Confluent", PlaceCategory.Museum, "Namur", "Rue du Pont 21",
            "Un petit musée où l'on touche tout : sons, lumières, matières. Un espace pour les moins de 2 ans avec tapis et miroirs.",
            "Du mercredi au dimanche, de 10 h à 17 h", false, "6 € par adulte, gratuit pour les moins de 4 ans",
            PlaceAmenities.ChangingTable | PlaceAmenities.StrollerAccess | PlaceAmenities.Indoor | PlaceAmenities.StepFree,
            "sofia@village.demo", []),
        new("Le Nid, tiers-lieu des familles", PlaceCategory.FamilyThirdPlace, "Namur", "Chaussée de Louvain 112",
            "Un tiers-lieu pour les familles : ateliers de portage et de massage bébé, causeries entre parents, un coin coworking avec une garderie d'une heure.",
            "Du lundi au vendredi, de 9 h à 17 h", false, "Entrée libre, ateliers de 5 à 10 €",
            PlaceAmenities.ChangingTable | PlaceAmenities.FeedingSpace | PlaceAmenities.Indoor | PlaceAmenities.QuietCorner | PlaceAmenities.StepFree,
            "camille@village.demo", []),
        new("Café des Petits Pas", PlaceCategory.Cafe, "Lille", "Rue de Gand 34",
            "Un café-poussette au cœur du Vieux-Lille : un coin jeux au fond, des jus frais, et des ateliers d'éveil musical le jeudi matin.",
            "Du mardi au dimanche, de 9 h 30 à 18 h", false, "Boissons de 2,50 à 5 €",
            PlaceAmenities.ChangingTable | PlaceAmenities.FeedingSpace | PlaceAmenities.Indoor | PlaceAmenities.StrollerAccess,
            "lea@village.demo",
            [("lea@village.demo", "Le premier endroit où j'ai parlé à d'autres mamans en arrivant à Lille."),
             ("aminata@village.demo", "Calme le matin, on peut allaiter tranquillement au fond.")]),
        new("Médiathèque Jean-Lévy, espace tout-petits", PlaceCategory.Library, "Lille", "Rue Édouard Delesalle 32",
            "Un espace tout-petits avec des albums, des comptines et des coussins, et des « Bébés lecteurs » un mercredi sur deux.",
            "Mardi au samedi, de 10 h à 18 h", true, null,
            PlaceAmenities.StrollerAccess | PlaceAmenities.Indoor | PlaceAmenities.QuietCorner | PlaceAmenities.StepFree,
            "lea@village.demo", []),
        new("Piscine Marx-Dormoy", PlaceCategory.Pool, "Lille", "Rue Marx Dormoy 2",
            "Un bassin d'apprentissage et une pataugeoire pour les petits, avec des créneaux « parents-bébés » le dimanche matin.",
            "Horaires variables, créneau parents-bébés le dimanche de 9 h à 11 h", false, "3,20 € par adulte, gratuit pour les moins de 4 ans",
            PlaceAmenities.ChangingTable | PlaceAmenities.Indoor,
            "thomas@village.demo",
            [("thomas@village.demo", "Le créneau du dimanche est parfait avec Noé : l'eau est chaude et les maîtres-nageurs patients.")]),
        new("Ludothèque du Faubourg", PlaceCategory.IndoorPlay, "Lille", "Rue du Faubourg de Roubaix 90",
            "Des jeux pour tous les âges, un espace bébés, et des goûters partagés le samedi. Les jours de pluie, c'est notre salon.",
            "Mercredi et samedi, de 10 h à 12 h et de 14 h à 18 h", true, null,
            PlaceAmenities.Indoor | PlaceAmenities.ChangingTable | PlaceAmenities.StepFree,
            "thomas@village.demo", []),
        new("Le Petit Jardin, lieu d'accueil enfants-parents", PlaceCategory.DropIn, "Lille", "Rue de Wazemmes 55",
            "Sans rendez-vous et gratuit, pour les enfants jusqu'à 4 ans accompagnés d'un parent. Des accueillantes qui écoutent, en français et en anglais.",
            "Mardi et vendredi, de 9 h à 12 h", true, null,
            PlaceAmenities.ChangingTable | PlaceAmenities.FeedingSpace | PlaceAmenities.Indoor | PlaceAmenities.QuietCorner,
            "aminata@village.demo",
            [("aminata@village.demo", "On m'a aidée pour les papiers de la crèche, et mon fils a joué avec d'autres enfants. J'y retourne chaque semaine.")]),
        new("Jardin Vauban", PlaceCategory.Park, "Lille", "Boulevard Vauban",
            "Un jardin à l'anglaise avec un petit théâtre de marionnettes, des pelouses pour pique-niquer et des allées faciles pour les poussettes.",
            "Tous les jours, de 8 h à la tombée de la nuit", true, null,
            PlaceAmenities.StrollerAccess,
            "lea@village.demo", []),
        new("Salle de jeux Les Petits Loups", PlaceCategory.IndoorPlay, "Namur", "Rue de Bruxelles 60",
            "Une nouvelle salle de jeux couverte avec un espace pour les moins de 3 ans, ouverte depuis peu.",
            "Tous les jours, de 10 h à 19 h", false, "8 € par enfant",
            PlaceAmenities.Indoor | PlaceAmenities.ChangingTable,
            "nathalie@village.demo", [], PlaceStatus.Pending),
    ];

    /// <summary>Family-friendly places around Namur and Lille with a few reviews, and one proposal waiting for a moderator.</summary>
    private async Task SeedPlacesAsync()
    {
        var ids = await db.Users.Where(m => m.Email!.EndsWith("@village.demo")).ToDictionaryAsync(m => m.Email!, m => m.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (demo, index) in Places.Select((p, i) => (p, i)))
        {
            var town = gazetteer.Search(demo.Town, 1)[0];
            var created = now.AddDays(-40 + index);
            var place = new Place
            {
                Id = Guid.CreateVersion7(),
                Status = demo.Status,
                ProposedById = ids[demo.ProposedBy],
                CreatedAt = created,
                DecidedAt = demo.Status == PlaceStatus.Approved ? created.AddDays(1) : null,
                ReviewCount = demo.Reviews.Length,
            };
            new PlaceInput
            {
                Name = demo.Name,
                Category = demo.Category,
                Description = demo.Description,
                Address = demo.Address,
                OpeningHours = demo.OpeningHours,
                IsFree = demo.IsFree,
                PriceNote = demo.PriceNote,
                Amenities = [.. Enum.GetValues<PlaceAmenities>().Where(a => a != PlaceAmenities.None && demo.Amenities.HasFlag(a))],
            }.CopyTo(place, town);
            db.Places.Add(place);
            db.PlaceReviews.AddRange(demo.Reviews.Select((r, i) => new PlaceReview
            {
                Id = Guid.CreateVersion7(),
                PlaceId = place.Id,
                AuthorId = ids[r.Member],
                Text = r.Text,
                CreatedAt = created.AddDays(2 + (3 * i)),
            }));
        }

        await db.SaveChangesAsync();
    }

    private static DateTime DemoPollClosing(DateTime now, int days) => PollInput.ClosingTime(DateOnly.FromDateTime(now).AddDays(days));

    private void AddPoll(
        Guid communityId, Guid authorId, string question, bool multiple, DateTime closesAt, DateTime createdAt,
        (string Text, string[] Voters)[] choices, Dictionary<string, Guid> ids)
    {
        var poll = new Poll
        {
            Id = Guid.CreateVersion7(),
            CommunityId = communityId,
            AuthorId = authorId,
            Question = question,
            MultipleChoice = multiple,
            ClosesAt = closesAt,
            CreatedAt = createdAt,
            Choices = choices.Select((c, i) => new PollChoice { Id = Guid.CreateVersion7(), Position = i, Text = c.Text, VoteCount = c.Voters.Length }).ToList(),
        };
        poll.VoterCount = choices.SelectMany(c => c.Voters).Distinct().Count();
        db.Polls.Add(poll);
        db.PollVotes.AddRange(choices.Zip(poll.Choices).SelectMany(pair => pair.First.Voters.Select(voter =>
            new PollVote { Id = Guid.CreateVersion7(), PollId = poll.Id, ChoiceId = pair.Second.Id, MemberId = ids[voter] })));
    }

    /// <summary>The demo professional (verified for a fictional organisation, unless the directory's seeding already
    /// linked her to one) proposes to relay Camille to a fictional drop-in place in Namur: Camille's consent screen.</summary>
    /// <summary>Claire, the demo midwife, proposes to relay Camille to the fictional drop-in place: Camille's consent
    /// screen is waiting (and Marc, its professional, will see the referral once she consents).</summary>
    private async Task SeedReferralAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var professional = await db.Users.SingleAsync(m => m.Email == "sagefemme@village.demo");
        var camille = await db.Users.SingleAsync(m => m.Email == "camille@village.demo");
        var organizationId = await db.OrganizationMembers
            .Where(m => m.MemberId == professional.Id && m.Status == OrganizationMemberStatus.Verified)
            .Select(m => m.OrganizationId).FirstAsync();
        var serviceId = await db.Services
            .Where(s => s.ListingStatus == ListingStatus.Published)
            .Join(db.Organizations.Where(o => o.Name == DirectorySeed.DemoLaep && o.IsFictional), s => s.OrganizationId, o => o.Id, (s, o) => s.Id)
            .FirstAsync();

        var referral = new Referral
        {
            Id = Guid.CreateVersion7(),
            Kind = ReferralKind.Accompanied,
            ParentId = camille.Id,
            ReferrerId = professional.Id,
            ReferrerOrganizationId = organizationId,
            ServiceId = serviceId,
            ProtectedNote = referralNotes.Protect(
                "Camille est seule la journée avec Jules (3 mois) et se sent un peu isolée. Un lieu pour souffler et rencontrer d'autres parents lui ferait du bien."),
            ShareNote = true,
            Status = ReferralStatus.Proposed,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Referrals.Add(referral);
        db.Record(referral.Id, professional.Id, ReferralParty.Referrer, ReferralAction.Proposed, now);
        await db.SaveChangesAsync();
    }

    /// <summary>Camille's circle, well filled (her partner, her mother far away, her mother-in-law in Namur, a friend,
    /// Claire the midwife, the fictional drop-in place); and Léa's, new in Lille: only her sister, far away.</summary>
    private async Task SeedCircleAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var camille = await db.Users.SingleAsync(m => m.Email == "camille@village.demo");
        var lea = await db.Users.SingleAsync(m => m.Email == "lea@village.demo");
        var dropIn = await db.Services
            .Where(s => s.ListingStatus == ListingStatus.Published)
            .Join(db.Organizations.Where(o => o.Name == DirectorySeed.DemoLaep && o.IsFictional), s => s.OrganizationId, o => o.Id, (s, o) => new { s.Id, s.Name })
            .FirstAsync();
        CirclePerson Person(Guid owner, string name, CircleRelation relation, Closeness closeness, LivesWithin within, CircleHelp help, bool night, string note, Guid? serviceId = null) => new()
        {
            Id = Guid.CreateVersion7(),
            OwnerId = owner,
            Name = name,
            Relation = relation,
            Closeness = closeness,
            LivesWithin = within,
            CanHelp = help,
            CallableAtNight = night,
            Note = note,
            ServiceId = serviceId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CirclePeople.AddRange(
            Person(camille.Id, "Antoine", CircleRelation.Partner, Closeness.VeryClose, LivesWithin.SameHome,
                CircleHelp.Nights | CircleHelp.BabyCare | CircleHelp.Groceries | CircleHelp.Listening, true, "Reprend le travail lundi : surtout le soir et le week-end."),
            Person(camille.Id, "Maman", CircleRelation.Family, Closeness.VeryClose, LivesWithin.FewHours,
                CircleHelp.Listening | CircleHelp.Advice | CircleHelp.BabyCare, true, "Vit à Toulouse ; vient une semaine en mars. On s'appelle le dimanche."),
            Person(camille.Id, "Françoise (belle-mère)", CircleRelation.Family, Closeness.Close, LivesWithin.SameTown,
                CircleHelp.Meals | CircleHelp.BabyCare, false, "Habite à Jambes, peut garder Jules le mercredi."),
            Person(camille.Id, "Julie", CircleRelation.Friend, Closeness.Close, LivesWithin.WalkingDistance,
                CircleHelp.Listening | CircleHelp.Groceries, false, "Amie du lycée, deux enfants."),
            Person(camille.Id, "Claire, sage-femme", CircleRelation.Professional, Closeness.NotSoClose, LivesWithin.SameTown,
                CircleHelp.Advice, false, "Suivi à domicile jusqu'aux 2 mois de Jules."),
            Person(camille.Id, dropIn.Name.Length <= CircleConfiguration.NameMax ? dropIn.Name : dropIn.Name[..CircleConfiguration.NameMax], CircleRelation.Service, Closeness.NotSoClose, LivesWithin.SameTown,
                CircleHelp.Listening, false, "", dropIn.Id),
            Person(lea.Id, "Ma sœur Anna", CircleRelation.Family, Closeness.VeryClose, LivesWithin.FarAway,
                CircleHelp.Listening, false, "À Montréal : on se parle en visio le samedi."));
        await db.SaveChangesAsync();
    }

    /// <summary>Helpers around Camille's help calendar: her sister (co-organiser, from the circle when she is there), a
    /// neighbour and a friend from the Tuesday coffee, with turns taken, on the calendar SeedHelpCalendarAsync opened.</summary>
    private async Task SeedHelpGuestsAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var camille = await db.Users.SingleAsync(m => m.Email == "camille@village.demo");
        // Camille's calendar, from SeedHelpCalendarAsync.
        var calendar = await db.HelpCalendars.SingleAsync(c => c.OwnerId == camille.Id && c.Status == HelpCalendarStatus.Open);
        var helpers = new[]
        {
            new HelpHelper { Name = "Hélène (ma sœur)", Email = "helene@example.org", CanOrganise = true, JoinedAt = now },
            new HelpHelper { Name = "Marc, le voisin du dessus", Email = "marc.voisin@example.org", JoinedAt = now },
            new HelpHelper { Name = "Sofia", Email = "sofia@village.demo" },
        };
        foreach (var helper in helpers)
        {
            helper.CalendarId = calendar.Id;
            // Demo links are not usable (the secret is thrown away): re-send one from /circle/calendar/invite to try.
            helper.TokenHash = HelpAccess.Hash(HelpAccess.NewToken());
            helper.InvitedAt = now;
            helper.CirclePersonId = await db.CirclePeople.Where(p => p.OwnerId == camille.Id && p.Email == helper.Email).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        }

        db.HelpHelpers.AddRange(helpers);
        await db.SaveChangesAsync();
        var free = await db.HelpTurns.Where(t => t.CalendarId == calendar.Id && t.HelperId == null && !t.IsCancelled && t.StartsAt > now)
            .OrderBy(t => t.StartsAt).Take(2).ToListAsync();
        var notes = new[] { (helpers[0], "Une soupe de potiron et du pain"), (helpers[1], "Des lasagnes (sans arachides !)") };
        foreach (var (turn, (helper, note)) in free.Zip(notes))
        {
            turn.HelperId = helper.Id;
            turn.TakenAt = now;
            turn.HelperNote = note;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Camille's open help calendar: weekday evening meals for two weeks from this week (no peanuts), several
    /// taken by her mother and her mother-in-law, a nap watched on Saturday, a few still free.</summary>
    private async Task SeedHelpCalendarAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var camille = await db.Users.SingleAsync(m => m.Email == "camille@village.demo");
        var timeZone = OutingSchedule.TimeZoneFor("BE");
        var calendar = new HelpCalendar
        {
            Id = Guid.CreateVersion7(),
            OwnerId = camille.Id,
            Title = "Coups de main pour Camille et Jules",
            Notes = "Pas d'arachides à la maison. Merci d'envoyer un SMS avant de sonner : Jules dort peut-être. Les plats peuvent rester sur le banc devant la porte.",
            TimeZone = timeZone,
            Status = HelpCalendarStatus.Open,
            CreatedAt = now,
        };
        var mother = DemoHelper(calendar.Id, "Maman", "maman.camille@example.org", organiser: true, now);
        var inLaw = DemoHelper(calendar.Id, "Françoise", "francoise@example.org", organiser: false, now);
        db.HelpCalendars.Add(calendar);
        db.HelpHelpers.AddRange(mother, inLaw);
        var today = HelpCalendarView.Today(calendar, now);
        // The Monday of this week, or of the next one on a weekend.
        var monday = HelpSchedule.WeekStart(today.AddDays(2));
        var meals = new HelpNeed
        {
            Id = Guid.CreateVersion7(),
            CalendarId = calendar.Id,
            Kind = HelpKind.Meal,
            Details = "Un plat pour deux adultes, à réchauffer facilement.",
            Allergies = "pas d'arachides",
            StartTime = new(18, 0),
            EndTime = new(19, 0),
            FirstDate = today,
            Repeat = HelpRepeat.Weekdays,
            LastDate = monday.AddDays(11),
            CreatedAt = now,
        };
        var nap = new HelpNeed
        {
            Id = Guid.CreateVersion7(),
            CalendarId = calendar.Id,
            Kind = HelpKind.BabyDuringNap,
            Details = "Promener Jules en poussette pendant que je dors un peu.",
            StartTime = new(14, 0),
            EndTime = new(16, 0),
            FirstDate = monday.AddDays(5),
            Repeat = HelpRepeat.Once,
            CreatedAt = now,
        };
        nap.LastDate = nap.FirstDate;
        db.HelpNeeds.AddRange(meals, nap);
        var notes = new[] { "des lasagnes aux légumes", "une soupe et du pain", "un gratin de pâtes", "" };
        var k = 0;
        foreach (var need in new[] { meals, nap })
        {
            foreach (var (date, startsAt, endsAt) in HelpSchedule.Turns(need, timeZone))
            {
                // Every other meal is taken, alternately by her mother and her mother-in-law; the nap by her mother.
                var helper = need == nap ? mother : k % 3 == 2 ? null : k % 2 == 0 ? mother : inLaw;
                db.HelpTurns.Add(new HelpTurn
                {
                    Id = Guid.CreateVersion7(),
                    NeedId = need.Id,
                    CalendarId = calendar.Id,
                    Date = date,
                    StartsAt = startsAt,
                    EndsAt = endsAt,
                    HelperId = helper?.Id,
                    TakenAt = helper is null ? null : now,
                    HelperNote = helper is null ? "" : notes[k % notes.Length],
                });
                k++;
            }
        }

        await db.SaveChangesAsync();
    }

    private static HelpHelper DemoHelper(Guid calendarId, string name, string email, bool organiser, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        CalendarId = calendarId,
        Name = name,
        Email = email,
        // A random secret nobody knows: the demo helpers open their pages through a new invitation.
        TokenHash = HelpAccess.Hash(HelpAccess.NewToken()),
        CanOrganise = organiser,
        InvitedAt = now,
        JoinedAt = now,
    };

    private static void Print(TextWriter log)
    {
        log.WriteLine($"Demo accounts (password: {Password}):");
        foreach (var parent in Parents)
        {
            log.WriteLine($"  {parent.Email,-26} {parent.Name}, {parent.Town}");
        }

        log.WriteLine("  admin@village.demo         administrator and moderator");
        log.WriteLine("  accueil@village.demo       verified professional of a fictional drop-in place (/pro/services)");
        log.WriteLine("  sagefemme@village.demo     professional, relaying Camille to a drop-in place");
    }

    private sealed record DemoOuting(
        string Organizer, string Title, string Description, string Address, string Town, DayOfWeek Day, int Hour, int Minute, int Duration,
        OutingRecurrence Recurrence, int MinAge, int MaxAge, int MaxFamilies, string? Price, OutingSetting Setting, string MeetingPoint,
        WelcomeOffer Welcome, string? WelcomeNote, RhythmTags Rhythm, string? Community, string[] Going, string[] Waiting, string? Place = null);

    private static readonly DemoOuting[] Outings =
    [
        new("camille@village.demo", "Café poussettes du mardi",
            "Un café au chaud chaque mardi matin, avec un coin jeux pour les petits et de la place pour les poussettes. On discute, on se passe les bons plans, personne ne juge si bébé pleure. Venez comme vous êtes !",
            "Rue de l'Ange 18 (café Le Petit Salon)", "Namur", DayOfWeek.Tuesday, 10, 0, 90, OutingRecurrence.Weekly, 0, 24, 6, null,
            OutingSetting.Indoor, "À la grande table près du coin jeux ; je porte un foulard vert.", WelcomeOffer.WaitAtTheDoor, null,
            RhythmTags.Calm | RhythmTags.FeedingFriendly, null, ["youssef@village.demo", "nathalie@village.demo"], [], Place: "Le Café Poussette"),
        new("youssef@village.demo", "Bébés nageurs à la piscine de Jambes",
            "Séance bébés nageurs de 9 h 30 : eau chauffée à 32 °C, maître-nageur présent. Prévoir une couche de bain. On se retrouve ensuite à la cafétéria.",
            "Boulevard de la Meuse 6 (piscine de Jambes)", "Namur", DayOfWeek.Saturday, 9, 30, 60, OutingRecurrence.None, 4, 36, 3, "4 € par enfant, gratuit pour les parents",
            OutingSetting.Indoor, "Devant les vestiaires familles.", WelcomeOffer.None, null,
            RhythmTags.Brief, "parents-de-namur", ["camille@village.demo", "sofia@village.demo"], ["nathalie@village.demo"]),
        new("nathalie@village.demo", "Balade entre deux siestes au parc Louise-Marie",
            "Un petit tour du parc à pas de poussette, une heure à peine, pour prendre l'air entre deux siestes. On s'arrête aux canards.",
            "Parc Louise-Marie, avenue de la Plante", "Namur", DayOfWeek.Thursday, 14, 0, 60, OutingRecurrence.None, 0, 18, 5, null,
            OutingSetting.Outdoor, "À l'entrée côté avenue de la Plante, près des grilles.", WelcomeOffer.WalkTogether, "depuis l'arrêt de bus de la gare de Namur, à 13 h 40",
            RhythmTags.Brief | RhythmTags.BetweenNaps, null, ["camille@village.demo"], [], Place: "Parc Louise-Marie"),
        new("lea@village.demo", "L'heure du conte à la médiathèque",
            "Des histoires et des comptines pour les tout-petits, sur des tapis et des coussins. Gratuit, sans inscription auprès de la médiathèque : c'est juste pour y aller ensemble.",
            "Rue Édouard Delesalle 32 (médiathèque Jean Lévy)", "Lille", DayOfWeek.Wednesday, 10, 30, 45, OutingRecurrence.EveryTwoWeeks, 3, 36, 3, null,
            OutingSetting.Indoor, "Dans le hall, près des poussettes.", WelcomeOffer.WaitAtTheDoor, null,
            RhythmTags.Calm | RhythmTags.Brief, "parents-de-lille", ["thomas@village.demo", "aminata@village.demo"], [], Place: "Médiathèque Jean-Lévy, espace tout-petits"),
        new("thomas@village.demo", "Goûter au parc de la Citadelle",
            "On apporte chacun un petit quelque chose, les grands courent, les petits regardent. S'il pleut, on se replie au café du zoo.",
            "Avenue Mathias Delobel (parc de la Citadelle)", "Lille", DayOfWeek.Sunday, 15, 30, 120, OutingRecurrence.None, 0, 48, 8, null,
            OutingSetting.Both, "Devant l'entrée du zoo, au kiosque.", WelcomeOffer.WalkTogether, "depuis le métro Gare Lille-Flandres, à 15 h",
            RhythmTags.FeedingFriendly, null, ["lea@village.demo"], []),
    ];

    /// <summary>Outings in Namur and Lille in the coming two weeks: a weekly coffee, the pool's baby swim (full, with a
    /// waiting list), a walk between naps, the library's story time; some with the welcome offer, some for a
    /// community. Places may not exist yet: the addresses are given directly.</summary>
    private async Task SeedOutingsAsync(Dictionary<string, Guid> ids)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var communities = await db.Communities.ToDictionaryAsync(c => c.Slug, c => c.Id);
        var places = await db.Places.Where(p => p.Status == PlaceStatus.Approved).ToDictionaryAsync(p => p.Name);
        foreach (var demo in Outings)
        {
            var town = gazetteer.Search(demo.Town, 1)[0];
            var place = demo.Place is null ? null : places[demo.Place];
            var timeZone = OutingSchedule.TimeZoneFor(town.Country);
            var day = OutingSchedule.ToLocal(now, timeZone).Date.AddDays(1);
            while (day.DayOfWeek != demo.Day)
            {
                day = day.AddDays(1);
            }

            var outing = new Outing
            {
                Id = Guid.CreateVersion7(),
                OrganizerId = ids[demo.Organizer],
                CommunityId = demo.Community is null ? null : communities[demo.Community],
                PlaceId = place?.Id,
                Title = demo.Title,
                Description = demo.Description,
                Address = place?.Address ?? demo.Address,
                TownId = place?.TownId ?? town.Id,
                TownName = place?.TownName ?? town.Name,
                Country = place?.Country ?? town.Country,
                Latitude = place?.Latitude ?? Coordinates.Round(town.Latitude),
                Longitude = place?.Longitude ?? Coordinates.Round(town.Longitude),
                MeetingPoint = demo.MeetingPoint,
                TimeZone = timeZone,
                StartsAtLocal = DateTime.SpecifyKind(day.AddHours(demo.Hour).AddMinutes(demo.Minute), DateTimeKind.Utc),
                DurationMinutes = demo.Duration,
                Recurrence = demo.Recurrence,
                MinAgeMonths = demo.MinAge,
                MaxAgeMonths = demo.MaxAge,
                MaxFamilies = demo.MaxFamilies,
                IsFree = demo.Price is null,
                PriceNote = demo.Price,
                Setting = demo.Setting,
                Welcome = demo.Welcome,
                WelcomeNote = demo.WelcomeNote,
                Rhythm = demo.Rhythm,
                Status = OutingStatus.Scheduled,
                CreatedAt = now.AddDays(-2),
            };
            db.Outings.Add(outing);
            await db.SaveChangesAsync();
            await OutingDates.TopUpAsync(db, outing, now);
            var first = await db.OutingOccurrences.Where(o => o.OutingId == outing.Id).OrderBy(o => o.StartsAt).FirstAsync();
            var joined = now.AddDays(-1);
            foreach (var (email, status) in demo.Going.Select(e => (e, ParticipationStatus.Going)).Concat(demo.Waiting.Select(e => (e, ParticipationStatus.Waiting))))
            {
                joined = joined.AddMinutes(37);
                db.OutingParticipations.Add(new OutingParticipation
                {
                    Id = Guid.CreateVersion7(),
                    OccurrenceId = first.Id,
                    MemberId = ids[email],
                    Adults = 1,
                    Children = email == "nathalie@village.demo" ? 2 : 1,
                    Status = status,
                    JoinedAt = joined,
                    WantsMorningReminder = email == "camille@village.demo",
                });
                if (status == ParticipationStatus.Going)
                {
                    first.GoingCount++;
                }
            }

            if (demo.Going.Length > 0 || demo.Waiting.Length > 0)
            {
                SeedOutingConversation(outing, [.. demo.Going.Concat(demo.Waiting).Select(e => ids[e])], demo.Going.Length > 0 ? ids[demo.Going[0]] : null, now);
            }

            await db.SaveChangesAsync();
        }
    }
    /// <summary>A demo outing's discussion, its group conversation: the organiser and the families coming are its
    /// members; the organiser says hello, the first family answers, the organiser adds a practical word. The first
    /// family has read it all, the others have the last message still to read.</summary>
    private void SeedOutingConversation(Outing outing, IReadOnlyList<Guid> families, Guid? firstFamily, DateTime now)
    {
        var organizer = outing.OrganizerId!.Value;
        (Guid Author, string Text, DateTime At)[] messages = firstFamily is { } first
            ?
            [
                (organizer, "Bonjour à toutes et à tous ! Si vous êtes en retard, pas de souci, on vous attend. Écrivez ici si besoin.", now.AddHours(-20)),
                (first, "Merci, avec plaisir ! On viendra en porte-bébé.", now.AddHours(-18)),
                (organizer, "Parfait. Il y a de la place pour les poussettes près de l'entrée, et un coin calme pour allaiter.", now.AddHours(-6)),
            ]
            : [];
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(),
            Kind = ConversationKind.Outing,
            OutingId = outing.Id,
            CreatedAt = now.AddDays(-1),
            LastMessageAt = messages.Length > 0 ? messages[^1].At : now.AddDays(-1),
            LastSequence = messages.Length,
            Members =
            [
                new ConversationMember { MemberId = organizer, JoinedAt = outing.CreatedAt, ReadSequence = messages.Length },
                .. families.Where(f => f != organizer).Distinct().Select(f => new ConversationMember
                {
                    MemberId = f,
                    JoinedAt = now.AddDays(-1),
                    ReadSequence = f == firstFamily ? messages.Length : Math.Max(0, messages.Length - 1),
                }),
            ],
        };
        db.Conversations.Add(conversation);
        db.Messages.AddRange(messages.Select((m, i) => new Message
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversation.Id,
            Sequence = i + 1,
            AuthorId = m.Author,
            Text = m.Text,
            CreatedAt = m.At,
        }));
    }
}

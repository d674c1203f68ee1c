using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.AddressBook;
using Village.Web.Features.Communities;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Features.Ideas;
using Village.Web.Features.Moderation;
using Village.Web.Features.Newsletter;
using Village.Web.Features.Outings;
using Village.Web.Features.Polls;
using Village.Web.Features.Posts;
using Village.Web.Features.Profiles;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Demo;

/// <summary>A small, realistic French-speaking demo: parents in Namur and Lille with children of various ages,
/// an administrator, and a professional waiting for verification.</summary>
public sealed class DemoSeeder(VillageDb db, AccountCreation accounts, Gazetteer gazetteer, TimeProvider clock)
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
        await SeedCommunitiesAsync();
        log.WriteLine("Demo seeded.");
        Print(log);
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
        await SeedDiscoveryAsync(ids);
    }

    private sealed record DemoOuting(
        string Organizer, string? Community, string Town, string Title, string Description, string Address, int InDays, int Hour,
        int MinAge, int MaxAge, int MaxFamilies, bool Free, OutingSetting Setting, WelcomeOffer Welcome, RhythmTags Rhythm, bool Weekly,
        string[] Going, string[] Waiting);

    /// <summary>Outings to discover on /outings, the home page and in calendars: a weekly coffee in Namur that Youssef
    /// already joins, a full baby-reading morning in Lille with Aminata waiting, and a community walk in Namur.</summary>
    private static readonly DemoOuting[] DemoOutings =
    [
        new("camille@village.demo", null, "Namur", "Café poussettes au bord de la Meuse",
            "Un café tranquille dans un salon de thé avec coin jeux. On parle de tout et de rien, les bébés sont les bienvenus (et les pleurs aussi).",
            "Rue de l'Ange 25", 2, 10, 0, 12, 5, false, OutingSetting.Indoor, WelcomeOffer.WaitAtTheDoor, RhythmTags.Calm | RhythmTags.FeedingFriendly,
            true, ["youssef@village.demo"], []),
        new("lea@village.demo", null, "Lille", "Bébés lecteurs à la médiathèque",
            "Des comptines et des livres en tissu pour les tout-petits, sur des tapis. Court et doux, entre deux siestes.",
            "Place du Théâtre", 3, 10, 0, 18, 2, true, OutingSetting.Indoor, WelcomeOffer.WalkTogether, RhythmTags.Brief | RhythmTags.BetweenNaps,
            false, ["thomas@village.demo"], ["aminata@village.demo"]),
        new("youssef@village.demo", "parents-de-namur", "Namur", "Balade à la Citadelle en porte-bébé",
            "Une heure de marche douce, à notre rythme, avec une pause goûter en haut. Porte-bébé conseillé.",
            "Route Merveilleuse", 5, 14, 0, 36, 6, true, OutingSetting.Outdoor, WelcomeOffer.None, RhythmTags.Calm,
            false, ["sofia@village.demo"], []),
    ];

    private async Task SeedDiscoveryAsync(Dictionary<string, Guid> ids)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var today = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;
        foreach (var demo in DemoOutings)
        {
            var town = gazetteer.Search(demo.Town, 1)[0];
            var local = today.AddDays(demo.InDays).AddHours(demo.Hour);
            var outing = new Outing
            {
                Id = Guid.CreateVersion7(),
                OrganizerId = ids[demo.Organizer],
                CommunityId = demo.Community is null ? null : await db.Communities.Where(c => c.Slug == demo.Community).Select(c => c.Id).SingleAsync(),
                Title = demo.Title,
                Description = demo.Description,
                Address = demo.Address,
                TownId = town.Id,
                TownName = town.Name,
                Country = town.Country,
                Latitude = Coordinates.Round(town.Latitude),
                Longitude = Coordinates.Round(town.Longitude),
                MeetingPoint = "Devant l'entrée, je porte un bonnet jaune",
                TimeZone = town.Country == "FR" ? "Europe/Paris" : "Europe/Brussels",
                StartsAtLocal = DateTime.SpecifyKind(local, DateTimeKind.Utc),
                DurationMinutes = 90,
                Recurrence = demo.Weekly ? OutingRecurrence.Weekly : OutingRecurrence.None,
                MinAgeMonths = demo.MinAge,
                MaxAgeMonths = demo.MaxAge,
                MaxFamilies = demo.MaxFamilies,
                IsFree = demo.Free,
                PriceNote = demo.Free ? null : "Chacun paie sa boisson",
                Setting = demo.Setting,
                Welcome = demo.Welcome,
                WelcomeNote = demo.Welcome == WelcomeOffer.None ? null : "Écrivez-moi un mot dans la discussion si vous venez pour la première fois.",
                Rhythm = demo.Rhythm,
                CreatedAt = now,
            };
            db.Outings.Add(outing);
            foreach (var week in Enumerable.Range(0, demo.Weekly ? 8 : 1))
            {
                var starts = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.AddDays(7 * week), DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(outing.TimeZone));
                var date = new OutingOccurrence { Id = Guid.CreateVersion7(), OutingId = outing.Id, StartsAt = starts, EndsAt = starts.AddMinutes(90) };
                db.OutingOccurrences.Add(date);
                var families = new[] { demo.Organizer }.Concat(week == 0 ? demo.Going : []).Select(e => (e, ParticipationStatus.Going))
                    .Concat((week == 0 ? demo.Waiting : []).Select(e => (e, ParticipationStatus.Waiting)));
                foreach (var (email, status) in families)
                {
                    date.GoingCount += status == ParticipationStatus.Going ? 1 : 0;
                    db.OutingParticipations.Add(new OutingParticipation
                    {
                        Id = Guid.CreateVersion7(),
                        OccurrenceId = date.Id,
                        MemberId = ids[email],
                        Adults = 1,
                        Children = 1,
                        Status = status,
                        JoinedAt = now,
                    });
                }
            }
        }

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

    private static void Print(TextWriter log)
    {
        log.WriteLine($"Demo accounts (password: {Password}):");
        foreach (var parent in Parents)
        {
            log.WriteLine($"  {parent.Email,-26} {parent.Name}, {parent.Town}");
        }

        log.WriteLine("  admin@village.demo         administrator and moderator");
        log.WriteLine("  sagefemme@village.demo     professional waiting for verification");
    }
}

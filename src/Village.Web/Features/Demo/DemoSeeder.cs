using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Features.Newsletter;
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
        await SeedNewsletterAsync();
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

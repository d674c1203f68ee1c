using Village.Web.Features.Posts;

namespace Village.Bench;

/// <summary>What generated posts and comments say: the questions, tips and items of a parents' group.</summary>
internal static class BenchPosts
{
    private static readonly string[] Questions =
    [
        "Quelqu'un connaît un bon pédiatre qui prend de nouveaux patients ?",
        "Une baby-sitter de confiance pour le samedi soir ?",
        "Où trouver un endroit au chaud pour voir d'autres parents cet hiver ?",
        "Comment avez-vous fait pour les nuits à quatre mois ?",
        "Une crèche avec des places à la rentrée ?",
        "Des idées de sorties quand il pleut avec un bébé de six mois ?",
    ];

    private static readonly string[] Tips =
    [
        "Bon plan : la bibliothèque fait des bébés lecteurs le mercredi",
        "La piscine a un créneau bébés nageurs le dimanche matin",
        "Vêtements 0-3 mois à petit prix à la ressourcerie",
        "Le café du parc a un coin jeux et accepte les poussettes",
    ];

    private static readonly string[] Items =
    [
        "Poussette double", "Lit parapluie", "Porte-bébé physiologique", "Siège auto 0+", "Lot de bodies 6 mois",
        "Chaise haute", "Tire-lait électrique", "Parc en bois", "Livres cartonnés", "Trotteur",
    ];

    private static readonly string[] Recommendations =
    [
        "Je recommande la sage-femme du centre de santé",
        "Une ostéopathe douce avec les bébés",
        "La halte-garderie du quartier, équipe adorable",
        "Un pédiatre à l'écoute, même pour les petites questions",
    ];

    private static readonly string[] Announcements =
    [
        "Bourse aux vêtements d'enfants samedi prochain",
        "Bienvenue aux nouveaux membres : présentez-vous !",
        "Rappel des règles du groupe",
        "Café des parents chaque mardi à 10 h",
    ];

    private static readonly string[] Sentences =
    [
        "Merci d'avance pour vos réponses.",
        "On vient d'arriver dans le quartier et je ne connais encore personne.",
        "C'est pour notre petite de quatre mois.",
        "Je peux passer le chercher en fin de journée.",
        "En très bon état, utilisé pour un seul enfant.",
        "Les horaires changent pendant les vacances scolaires.",
        "N'hésitez pas à me contacter ici.",
        "On a testé la semaine dernière, vraiment top.",
    ];

    private static readonly string[] Comments =
    [
        "Merci beaucoup !", "Je suis intéressée, je vous écris.", "On y va souvent, c'est très bien.",
        "Même question ici, je suis preneuse des réponses.", "Le docteur Martin est super, et il prend encore.",
        "Toujours disponible ?", "Génial, merci pour l'info !", "Je peux vous le prêter si besoin.",
    ];

    public static Post Next(Random random, DateTime createdAt)
    {
        var kind = random.NextDouble() switch
        {
            < 0.35 => PostKind.Question,
            < 0.55 => PostKind.Tip,
            < 0.85 => PostKind.Item,
            < 0.97 => PostKind.Recommendation,
            _ => PostKind.Announcement,
        };
        var post = new Post { Kind = kind, CreatedAt = createdAt, Body = Body(random) };
        switch (kind)
        {
            case PostKind.Question:
                post.Title = Pick(random, Questions);
                post.State = random.NextDouble() < 0.6 ? PostState.Answered : PostState.Open;
                break;
            case PostKind.Item:
                post.ItemMode = (ItemMode)random.Next(0, 5);
                post.Title = Pick(random, Items);
                post.PriceCents = post.ItemMode == ItemMode.Sell ? random.Next(2, 80) * 100 : null;
                post.State = random.NextDouble() < 0.5 ? (post.ItemMode == ItemMode.Wanted ? PostState.Found : PostState.Given) : PostState.Open;
                break;
            case PostKind.Tip:
                post.Title = Pick(random, Tips);
                break;
            case PostKind.Recommendation:
                post.Title = Pick(random, Recommendations);
                break;
            default:
                post.Title = Pick(random, Announcements);
                break;
        }

        return post;
    }

    public static string Comment(Random random) => Pick(random, Comments);

    private static string Body(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, Sentences)));

    private static string Pick(Random random, string[] texts) => texts[random.Next(texts.Length)];
}

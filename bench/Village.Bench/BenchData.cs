using Village.Web.Features.Profiles;
using Village.Web.Infrastructure.Geo;

namespace Village.Bench;

/// <summary>What the generated parents look like: names, sentences, and how towns and languages are drawn.</summary>
internal static class BenchData
{
    public const string Password = "bench-password";

    public const string EmailDomain = "bench.village";

    /// <summary>The town id of generated outings, to find and delete them.</summary>
    public const string OutingTownId = "BENCH";

    public static string Email(int n) => $"parent{n}@{EmailDomain}";

    /// <summary>Every generated community's address starts with this, so a new run can delete the last one's.</summary>
    public const string CommunityPrefix = "bench-";

    /// <summary>Themed communities' names, in the order of <see cref="Village.Web.Features.Communities.CommunityTheme"/>.</summary>
    public static readonly string[] ThemeNames =
    [
        "Papas ensemble", "Parents solos", "Post-partum, on en parle", "Jumeaux et plus", "Parents en exil",
        "Parents d'enfants différents", "Parents curieux",
    ];

    public static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Laura", "Marie", "Claire", "Lucie",
        "Pauline", "Mathilde", "Élodie", "Aurélie", "Amandine", "Céline", "Sophie", "Nathalie", "Aminata", "Fatou",
        "Yasmine", "Nour", "Salma", "Sofia", "Ana", "Elif", "Olga", "Anouk", "Lotte", "Fien", "Tom", "Thomas",
        "Nicolas", "Julien", "Maxime", "Antoine", "Hugo", "Lucas", "Mehdi", "Youssef", "Karim", "Ibrahima", "Mamadou",
        "Pierre", "Jean", "Louis", "Arthur", "Noah", "Bram", "Wout", "Luca", "Matteo", "Jonas", "Mathis", "Samuel",
        "Alexis", "Dominique", "Charlie",
    ];

    public static readonly string[] ChildNames =
    [
        "Jules", "Lina", "Rose", "Noé", "Tiago", "Louise", "Gabriel", "Alice", "Léo", "Jade", "Adam", "Mia",
        "Raphaël", "Ambre", "Nolan", "Lou", "Sacha", "Romy", "Ayoub", "Maël", "Zoé", "Liam", "Iris", "Éden",
    ];

    private static readonly string[] AboutOpenings =
    [
        "Maman de deux enfants, nouvelle dans le quartier.",
        "Papa au foyer depuis la naissance de notre fille.",
        "Parent solo, je cherche d'autres parents pour sortir un peu.",
        "Enceinte de mon premier, un peu perdue et curieuse de tout.",
        "Nous venons d'arriver et ne connaissons encore personne.",
        "Jeune maman, je reprends le travail bientôt.",
        "Papa d'un grand de quatre ans plein d'énergie.",
        "Famille recomposée, trois enfants à la maison un week-end sur deux.",
        "",
    ];

    private static readonly string[] AboutMiddles =
    [
        "J'aime marcher avec la poussette le long de l'eau.",
        "Partant·e pour un café au parc ou une balade en forêt.",
        "On adore la bibliothèque et les histoires du mercredi.",
        "Je cherche des parents pour la piscine le samedi matin.",
        "Les sorties sont une expédition, mais je tiens à sortir !",
        "Je parle plusieurs langues et j'aimerais que mes enfants les entendent.",
        "Nous faisons beaucoup de bricolage et de jardinage.",
        "",
    ];

    private static readonly string[] AboutClosings =
    [
        "Disponible surtout le matin.",
        "Plutôt le week-end.",
        "Au plaisir de vous rencontrer !",
        "N'hésitez pas à m'écrire.",
        "",
    ];

    public static string About(Random random)
    {
        var parts = new[]
        {
            AboutOpenings[random.Next(AboutOpenings.Length)],
            AboutMiddles[random.Next(AboutMiddles.Length)],
            AboutClosings[random.Next(AboutClosings.Length)],
        };
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    /// <summary>Mostly French; the others drawn from the app's own list.</summary>
    public static List<string> LanguageCodes(Random random)
    {
        var count = random.NextDouble() switch
        {
            < 0.55 => 1,
            < 0.9 => 2,
            _ => 3,
        };
        var codes = new List<string>(count);
        if (random.NextDouble() < 0.9)
        {
            codes.Add("fr");
        }

        var all = Languages.All;
        while (codes.Count < count)
        {
            var code = all[random.Next(all.Count)].Code;
            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    public static Audience Audience(Random random) => random.NextDouble() switch
    {
        < 0.75 => Village.Web.Features.Profiles.Audience.ParentsNearby,
        < 0.9 => Village.Web.Features.Profiles.Audience.Connections,
        _ => Village.Web.Features.Profiles.Audience.OnlyMe,
    };

    public static Interest Interests(Random random)
    {
        var value = 0L;
        for (var bit = 0; bit < 12; bit++)
        {
            if (random.NextDouble() < 0.25)
            {
                value |= 1L << bit;
            }
        }

        return (Interest)value;
    }

    public static Availability Availability(Random random) => (Availability)random.Next(0, 32);

    /// <summary>Builds a deterministic version-7 GUID (48-bit Unix milliseconds, then seeded random bits),
    /// ordered like the app's <see cref="Guid.CreateVersion7()"/> keys but reproducible.</summary>
    public static Guid Version7(Random random, DateTime utc)
    {
        var ms = new DateTimeOffset(utc).ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[0] = (byte)(ms >> 40);
        bytes[1] = (byte)(ms >> 32);
        bytes[2] = (byte)(ms >> 24);
        bytes[3] = (byte)(ms >> 16);
        bytes[4] = (byte)(ms >> 8);
        bytes[5] = (byte)ms;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Random upper-case base-32 text, like Identity's security stamps.</summary>
    public static string Stamp(Random random)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(32, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }
}

/// <summary>Which bench parents the load runner signs in: a prime stride over the whole range, so the accounts live
/// in every kind of town. The generator makes these parents members of the busiest communities.</summary>
internal static class LoadRunnerAccounts
{
    public const int Max = 200;

    public static int ParentNumber(int account, int parents) => 1 + (int)((long)account * 7919 % parents);
}

/// <summary>Draws towns with a probability proportional to their population (plus a floor for unknown ones).</summary>
internal sealed class TownPicker
{
    private readonly IReadOnlyList<Town> _towns;
    private readonly long[] _cumulative;

    public TownPicker(IReadOnlyList<Town> towns)
    {
        _towns = towns;
        _cumulative = new long[towns.Count];
        long total = 0;
        for (var i = 0; i < towns.Count; i++)
        {
            total += Math.Max(towns[i].Population, 0) + 50;
            _cumulative[i] = total;
        }
    }

    public Town Next(Random random)
    {
        var target = random.NextInt64(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, target + 1);
        return _towns[index >= 0 ? index : ~index];
    }
}

namespace Village.Web.Features.Profiles;

/// <summary>The languages a parent can say they speak, each named in its own language so that a parent who
/// does not read French still recognises theirs. <see cref="Tag"/> is the BCP 47 tag of that name.</summary>
public static class Languages
{
    public static readonly IReadOnlyList<(string Code, string NativeName)> All =
    [
        ("fr", "Français"),
        ("nl", "Nederlands"),
        ("de", "Deutsch"),
        ("en", "English"),
        ("ar", "العربية"),
        ("es", "Español"),
        ("pt", "Português"),
        ("it", "Italiano"),
        ("lb", "Lëtzebuergesch"),
        ("ber", "Tamaziɣt"),
        ("tr", "Türkçe"),
        ("pl", "Polski"),
        ("ro", "Română"),
        ("ru", "Русский"),
        ("uk", "Українська"),
        ("sq", "Shqip"),
        ("fa", "فارسی"),
        ("ps", "پښتو"),
        ("ku", "Kurdî"),
        ("ti", "ትግርኛ"),
        ("so", "Soomaali"),
        ("ln", "Lingála"),
        ("sw", "Kiswahili"),
        ("wo", "Wolof"),
        ("zh", "中文"),
        ("vi", "Tiếng Việt"),
        ("lsf", "Langue des signes"),
    ];

    /// <summary>The first languages, the ones most spoken where Village starts, are offered open; the others
    /// behind "other languages", so the form stays short.</summary>
    public const int CommonCount = 8;

    private static readonly HashSet<string> Codes = All.Select(l => l.Code).ToHashSet();

    public static bool IsKnown(string code) => Codes.Contains(code);

    public static string NameOf(string code) => All.FirstOrDefault(l => l.Code == code).NativeName ?? code;

    /// <summary>The language tag of a language's name: its own code, except sign language, named in French.</summary>
    public static string Tag(string code) => code == "lsf" ? "fr" : code;
}

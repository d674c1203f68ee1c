namespace Village.Web.Features.ServiceDirectory;

/// <summary>Village's two taxonomies, inserted by the migration with these fixed ids: the kinds of services that
/// break isolation and that professionals relay families to, and the publics a service welcomes. Names are French
/// in the database (the directory's language) and translated in the texts by code; the needs a parent searches by
/// group the categories.</summary>
public static class VillageTaxonomy
{
    public static readonly Guid CategoriesId = new("0196a000-0000-7000-8000-000000000001");
    public static readonly Guid PublicsId = new("0196a000-0000-7000-8000-000000000002");

    public static readonly IReadOnlyList<VillageTerm> Categories =
    [
        new("0196a000-0000-7000-8001-000000000001", "drop-in", "Lieu d'accueil enfants-parents", "Un lieu où venir avec son enfant, sans rendez-vous, rencontrer d'autres parents et des accueillants (LAEP, LREP, maison verte)."),
        new("0196a000-0000-7000-8001-000000000002", "perinatal", "Accompagnement périnatal", "Un soutien pendant la grossesse et la première année, à la maison ou à l'hôpital (SAP)."),
        new("0196a000-0000-7000-8001-000000000003", "child-health", "Consultation pour enfants (ONE, PMI)", "Des consultations gratuites pour suivre la santé et le développement des jeunes enfants."),
        new("0196a000-0000-7000-8001-000000000004", "school-health", "Santé à l'école (PSE)", "Le suivi de santé des enfants à l'école."),
        new("0196a000-0000-7000-8001-000000000005", "pms", "Centre psycho-médico-social (CPMS)", "Une écoute et des conseils pour l'enfant à l'école, gratuits et confidentiels."),
        new("0196a000-0000-7000-8001-000000000006", "family-planning", "Planning familial", "Contraception, grossesse, vie affective, violences : des consultations et de l'écoute."),
        new("0196a000-0000-7000-8001-000000000007", "youth-support", "Aide en milieu ouvert (AMO)", "Une aide gratuite pour les jeunes et leurs familles, à leur demande."),
        new("0196a000-0000-7000-8001-000000000008", "midwife", "Sage-femme", "Le suivi de la grossesse, de la naissance et des premières semaines, y compris à domicile."),
        new("0196a000-0000-7000-8001-000000000009", "day-care", "Halte-accueil", "Quelques heures de garde pour souffler, chercher un emploi ou aller à un rendez-vous."),
        new("0196a000-0000-7000-8001-00000000000a", "third-place", "Tiers-lieu familial", "Un lieu convivial pour les familles : café-poussette, ateliers, jeux."),
        new("0196a000-0000-7000-8001-00000000000b", "association", "Association de parents", "Des parents qui s'entraident : groupes de parole, rencontres, entraide."),
        new("0196a000-0000-7000-8001-00000000000c", "listening-line", "Ligne d'écoute", "Quelqu'un à qui parler, par téléphone ou en ligne, souvent tard le soir."),
    ];

    public static readonly IReadOnlyList<VillageTerm> Publics =
    [
        new("0196a000-0000-7000-8002-000000000001", "pregnancy", "Pendant la grossesse", "Le service accueille les futurs parents pendant la grossesse."),
        new("0196a000-0000-7000-8002-000000000002", "young-children", "Parents de jeunes enfants", "Le service accueille les parents avec leurs enfants de moins de 6 ans."),
    ];

    /// <summary>What a parent looks for, in their words, and the categories that answer it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Needs = new Dictionary<string, string[]>
    {
        ["meet"] = ["drop-in", "third-place", "association"],
        ["pregnancy-birth"] = ["perinatal", "midwife", "family-planning"],
        ["child-health"] = ["child-health", "school-health", "pms", "midwife"],
        ["talk"] = ["listening-line", "perinatal", "family-planning", "youth-support"],
        ["breathe"] = ["day-care", "drop-in"],
    };

    public static IEnumerable<VillageTerm> All => Categories.Concat(Publics);

    public static VillageTerm? ByCode(string code) => All.FirstOrDefault(t => t.Code == code);
}

public sealed record VillageTerm(Guid Id, string Code, string Name, string Description)
{
    public VillageTerm(string id, string code, string name, string description)
        : this(new Guid(id), code, name, description)
    {
    }

    public bool IsCategory => VillageTaxonomy.Categories.Contains(this);
}

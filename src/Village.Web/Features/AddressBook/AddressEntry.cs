namespace Village.Web.Features.AddressBook;

/// <summary>A professional or a place that members of a community recommend: a pediatrician, a crèche, a family
/// café... with the contact details the member who added it chose to share.</summary>
public sealed class AddressEntry
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    /// <summary>Null once the member who added it deleted their account: the entry stays.</summary>
    public Guid? AuthorId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name lowercased without accents or punctuation runs, to search and to spot duplicates.</summary>
    public string NormalizedName { get; set; } = "";

    public AddressCategory Category { get; set; }

    /// <summary>The town from the gazetteer (id and name).</summary>
    public string TownId { get; set; } = "";

    public string TownName { get; set; } = "";

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    /// <summary>Hidden by the community's admins: only they still see it.</summary>
    public bool IsHidden { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    public int RecommendationCount { get; set; }
}

public enum AddressCategory
{
    Pediatrician = 0,
    GeneralPractitioner = 1,
    Midwife = 2,
    LactationConsultant = 3,
    Psychologist = 4,
    Babysitter = 5,
    Creche = 6,
    Childminder = 7,
    FamilyPlace = 8,
    Other = 9,
}

/// <summary>A member's word for an entry: one per member and entry, which its author may change or remove.</summary>
public sealed class AddressRecommendation
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>Null once the member deleted their account: the comment stays, unsigned, and still counts.</summary>
    public Guid? MemberId { get; set; }

    public string Comment { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }
}

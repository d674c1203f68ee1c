namespace Village.Web.Features.Places;

/// <summary>A family-friendly place parents recommend to each other: a café with a play corner, a library, a
/// pool... Members propose places; a moderator approves them before anyone else sees them. Its position is the
/// town's or rounded to 0.01 degree, like every position Village keeps.</summary>
public sealed class Place
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name lowercased without accents or punctuation runs, to search and to spot duplicates.</summary>
    public string NormalizedName { get; set; } = "";

    public PlaceCategory Category { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Street and number: a public place's address, shown to everyone.</summary>
    public string Address { get; set; } = "";

    /// <summary>The town from the gazetteer (id, name, country).</summary>
    public string TownId { get; set; } = "";

    public string TownName { get; set; } = "";

    public string Country { get; set; } = "";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>Opening hours in the words of whoever proposed the place ("Tue–Sat 9:00–18:00").</summary>
    public string OpeningHours { get; set; } = "";

    public bool IsFree { get; set; }

    /// <summary>What it costs when it is not free ("3 € per child, free for parents").</summary>
    public string? PriceNote { get; set; }

    public PlaceAmenities Amenities { get; set; }

    public string? Website { get; set; }

    public PlaceStatus Status { get; set; }

    /// <summary>The moderator's word to the member who proposed it, when declined.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>Null once the member who proposed it deleted their account: the place stays.</summary>
    public Guid? ProposedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public int ReviewCount { get; set; }
}

public enum PlaceCategory
{
    Cafe = 0,
    Library = 1,
    Pool = 2,
    Museum = 3,
    Park = 4,
    IndoorPlay = 5,
    FamilyThirdPlace = 6,
    DropIn = 7,
    Other = 8,
}

/// <summary>What makes a place easy with a baby or a toddler.</summary>
[Flags]
public enum PlaceAmenities
{
    None = 0,
    ChangingTable = 1,
    StrollerAccess = 2,
    FeedingSpace = 4,
    Indoor = 8,
    QuietCorner = 16,
    StepFree = 32,
}

public enum PlaceStatus
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
}

/// <summary>A member's short word on a place: one per member and place, which its author may change or remove.</summary>
public sealed class PlaceReview
{
    public Guid Id { get; set; }

    public Guid PlaceId { get; set; }

    /// <summary>Null once the member deleted their account: the review stays, unsigned.</summary>
    public Guid? AuthorId { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }
}

namespace Village.Web.Features.Circle;

/// <summary>Someone (or a service) in a parent's circle, as the parent describes them. Private to the parent: nobody else
/// ever sees it, not even the person listed.</summary>
public sealed class CirclePerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OwnerId { get; set; }

    /// <summary>How the parent calls them: "Maman", "Sophie (voisine)", "la PMI de Jambes".</summary>
    public string Name { get; set; } = "";

    public CircleRelation Relation { get; set; }

    public Closeness Closeness { get; set; } = Closeness.Close;

    public LivesWithin LivesWithin { get; set; } = LivesWithin.SameTown;

    public CircleHelp CanHelp { get; set; }

    /// <summary>Whether the parent could call them at night if something went wrong.</summary>
    public bool CallableAtNight { get; set; }

    /// <summary>A service of the directory, when the entry is one (Relation = Service).</summary>
    public Guid? ServiceId { get; set; }

    /// <summary>Their email, only to invite them to the help calendar; never shown to anyone else.</summary>
    public string? Email { get; set; }

    public string Note { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum CircleRelation
{
    Partner = 0,
    Family = 1,
    Friend = 2,
    Neighbour = 3,
    OtherParent = 4,
    Professional = 5,
    Service = 6,
    Other = 7,
}

/// <summary>How close the parent feels to them; drawn as the ring they sit on.</summary>
public enum Closeness
{
    VeryClose = 0,
    Close = 1,
    NotSoClose = 2,
}

/// <summary>How far they live, in the time it takes to come.</summary>
public enum LivesWithin
{
    SameHome = 0,
    WalkingDistance = 1,
    SameTown = 2,
    FewHours = 3,
    FarAway = 4,
}

/// <summary>What they can help with (several).</summary>
[Flags]
public enum CircleHelp
{
    None = 0,
    Listening = 1,
    Meals = 2,
    BabyCare = 4,
    Groceries = 8,
    SchoolRuns = 16,
    Nights = 32,
    Housework = 64,
    Advice = 128,
    Paperwork = 256,
    Rides = 512,
}

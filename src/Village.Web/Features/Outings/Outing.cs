namespace Village.Web.Features.Outings;

/// <summary>An outing a parent proposes to other families: a coffee at a café with a play corner, the pool, an
/// exhibition... at an approved place or an address, once or every week. Families join an occurrence
/// (<see cref="OutingOccurrence"/>); the organiser's family counts as the first one.</summary>
public sealed class Outing
{
    public Guid Id { get; set; }

    /// <summary>Null once the organiser deleted their account (their outings are cancelled first).</summary>
    public Guid? OrganizerId { get; set; }

    /// <summary>The community whose members may see and join it; null when every parent nearby may.</summary>
    public Guid? CommunityId { get; set; }

    /// <summary>The approved place it happens at, if any; its address and town are copied below either way.</summary>
    public Guid? PlaceId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The public address: a place's address, or the street the organiser gave.</summary>
    public string Address { get; set; } = "";

    public string TownId { get; set; } = "";

    public string TownName { get; set; } = "";

    public string Country { get; set; } = "";

    /// <summary>The town's or the place's position, rounded to 0.01 degree.</summary>
    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>Where exactly to meet ("at the entrance, by the red bench"): shown to participants only.</summary>
    public string MeetingPoint { get; set; } = "";

    /// <summary>The IANA time zone the outing's times are written in ("Europe/Brussels").</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>The first occurrence's start, in wall-clock time of <see cref="TimeZone"/>.</summary>
    public DateTime StartsAtLocal { get; set; }

    public int DurationMinutes { get; set; }

    public OutingRecurrence Recurrence { get; set; }

    /// <summary>The last day a recurring outing may happen, in its time zone; null for one-off outings.</summary>
    public DateOnly? RepeatUntil { get; set; }

    /// <summary>The children's age range it suits, in months (0 to 72).</summary>
    public int MinAgeMonths { get; set; }

    public int MaxAgeMonths { get; set; }

    /// <summary>How many families may come to one occurrence, the organiser's included.</summary>
    public int MaxFamilies { get; set; }

    public bool IsFree { get; set; }

    public string? PriceNote { get; set; }

    public OutingSetting Setting { get; set; }

    public WelcomeOffer Welcome { get; set; }

    /// <summary>The organiser's words for the welcome ("from the Namur station at 9:40").</summary>
    public string? WelcomeNote { get; set; }

    public RhythmTags Rhythm { get; set; }

    public OutingStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}

public enum OutingRecurrence
{
    None = 0,
    Weekly = 1,
    EveryTwoWeeks = 2,
}

public enum OutingSetting
{
    Indoor = 0,
    Outdoor = 1,
    Both = 2,
}

/// <summary>A hand held out to a parent who comes for the first time: going alone is the hardest step.</summary>
public enum WelcomeOffer
{
    None = 0,
    WaitAtTheDoor = 1,
    WalkTogether = 2,
}

/// <summary>How the outing fits a baby's day.</summary>
[Flags]
public enum RhythmTags
{
    None = 0,
    Brief = 1,
    Calm = 2,
    BetweenNaps = 4,
    FeedingFriendly = 8,
}

public enum OutingStatus
{
    Scheduled = 0,
    Cancelled = 1,
}

/// <summary>One date of an outing (the only one of a one-off outing). Attendance is per occurrence.</summary>
public sealed class OutingOccurrence
{
    public Guid Id { get; set; }

    public Guid OutingId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public bool IsCancelled { get; set; }

    /// <summary>The iCalendar SEQUENCE: raised each time its time, place or status changes.</summary>
    public int Sequence { get; set; }

    /// <summary>Families going, kept here so that a join can take a seat with one conditional update.</summary>
    public int GoingCount { get; set; }
}

/// <summary>A family's place at an occurrence: going, or waiting in line for a seat.</summary>
public sealed class OutingParticipation
{
    public Guid Id { get; set; }

    public Guid OccurrenceId { get; set; }

    public Guid MemberId { get; set; }

    public int Adults { get; set; }

    public int Children { get; set; }

    public ParticipationStatus Status { get; set; }

    /// <summary>When the family joined: the waiting list's order.</summary>
    public DateTime JoinedAt { get; set; }

    /// <summary>When the family moved from the waiting list to going.</summary>
    public DateTime? PromotedAt { get; set; }

    public bool WantsMorningReminder { get; set; }

    public DateTime? DayBeforeReminderSentAt { get; set; }

    public DateTime? MorningReminderSentAt { get; set; }
}

public enum ParticipationStatus
{
    Going = 0,
    Waiting = 1,
}

/// <summary>A parent's private iCalendar feed of the outings they joined: its address holds a secret token,
/// which the parent can replace at any time (the old address stops working).</summary>
public sealed class CalendarFeed
{
    public Guid MemberId { get; set; }

    public string Token { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

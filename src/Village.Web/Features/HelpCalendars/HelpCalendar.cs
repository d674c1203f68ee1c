namespace Village.Web.Features.HelpCalendars;

/// <summary>A parent's help calendar: the needs they publish (meals, visits, a nap watched...) cut into turns that the
/// people they invite take. One open calendar per parent; closed when the parent is fine.</summary>
public sealed class HelpCalendar
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OwnerId { get; set; }

    /// <summary>What helpers see first: "Les repas de Camille après la naissance de Léa".</summary>
    public string Title { get; set; } = "";

    /// <summary>What every helper should know (allergies of the household, how to drop off, ring or text first).</summary>
    public string Notes { get; set; } = "";

    /// <summary>IANA time zone of the household, from the parent's country.</summary>
    public string TimeZone { get; set; } = "Europe/Brussels";

    public HelpCalendarStatus Status { get; set; }

    /// <summary>SHA-256 (hex) of the secret of the shareable invitation link, or null when the parent has none or
    /// turned it off. Whoever opens it gives a name and an email and receives their own link.</summary>
    public string? InviteLinkHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }
}

public enum HelpCalendarStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>One thing the household needs, once or repeating; it is cut into <see cref="HelpTurn"/>s when published.</summary>
public sealed class HelpNeed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CalendarId { get; set; }

    public HelpKind Kind { get; set; }

    /// <summary>What to bring or do, in the parent's words.</summary>
    public string Details { get; set; } = "";

    /// <summary>For meals: allergies and foods to avoid.</summary>
    public string Allergies { get; set; } = "";

    /// <summary>Local time the turn starts (for a meal: the start of the drop-off window).</summary>
    public TimeOnly StartTime { get; set; }

    /// <summary>Local time the turn ends (a night ends the next morning when before <see cref="StartTime"/>).</summary>
    public TimeOnly EndTime { get; set; }

    public DateOnly FirstDate { get; set; }

    public HelpRepeat Repeat { get; set; }

    /// <summary>The last date of a repeating need (at most <c>HelpConfiguration.RepeatDaysMax</c> after the first).</summary>
    public DateOnly LastDate { get; set; }

    /// <summary>The co-organiser who published it, when it was not the parent.</summary>
    public Guid? CreatedByHelperId { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum HelpKind
{
    Meal = 0,
    Visit = 1,
    BabyDuringNap = 2,
    Groceries = 3,
    SchoolRun = 4,
    NightSupport = 5,
    Other = 6,
}

public enum HelpRepeat
{
    Once = 0,
    Daily = 1,
    Weekdays = 2,
    Weekly = 3,
}

/// <summary>One date of a need, which one helper takes. Taking is a conditional update (HelperId still null), so two
/// helpers can never hold the same turn.</summary>
public sealed class HelpTurn
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid NeedId { get; set; }

    /// <summary>The calendar, repeated from the need so the weeks ahead are read from one index.</summary>
    public Guid CalendarId { get; set; }

    /// <summary>The local date of the turn.</summary>
    public DateOnly Date { get; set; }

    /// <summary>UTC start and end.</summary>
    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public Guid? HelperId { get; set; }

    public DateTime? TakenAt { get; set; }

    /// <summary>What the helper says they will bring or do ("des lasagnes sans gluten").</summary>
    public string HelperNote { get; set; } = "";

    /// <summary>When the reminder of the day before went to the helper; claimed like outing reminders.</summary>
    public DateTime? ReminderSentAt { get; set; }

    /// <summary>The parent no longer needs this date.</summary>
    public bool IsCancelled { get; set; }
}

/// <summary>Someone invited to a calendar. No Village account is needed: their personal link (emailed, its secret
/// stored hashed) is their access. A co-organiser may also publish needs and invite.</summary>
public sealed class HelpHelper
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CalendarId { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>SHA-256 (hex) of the secret in their personal link.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The circle entry they were invited from, if any.</summary>
    public Guid? CirclePersonId { get; set; }

    public bool CanOrganise { get; set; }

    /// <summary>Email language, taken from the inviting parent or the page they joined from.</summary>
    public string Culture { get; set; } = "fr";

    public DateTime InvitedAt { get; set; }

    /// <summary>First time they opened their link.</summary>
    public DateTime? JoinedAt { get; set; }

    /// <summary>The parent removed them: their link stops working, their coming turns are freed.</summary>
    public DateTime? RemovedAt { get; set; }
}

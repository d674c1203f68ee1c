namespace Village.Web.Features.Referrals;

/// <summary>An accompanied relay of a family to a support service: a verified professional proposes it and the parent
/// consents (<see cref="ReferralKind.Accompanied"/>), or the parent asks the service to contact them
/// (<see cref="ReferralKind.ContactRequest"/>, consented from the start). The service sees it only once the parent
/// consented, and no longer once they withdrew. Nobody else sees it.</summary>
public sealed class Referral
{
    public Guid Id { get; set; }

    public ReferralKind Kind { get; set; }

    /// <summary>The parent relayed; their referrals go with their account.</summary>
    public Guid ParentId { get; set; }

    /// <summary>The professional who proposed it: null for a contact request, or once they deleted their account.</summary>
    public Guid? ReferrerId { get; set; }

    /// <summary>The organisation the referrer was verified for when proposing.</summary>
    public Guid? ReferrerOrganizationId { get; set; }

    public Guid ServiceId { get; set; }

    /// <summary>What the family needs, protected with ASP.NET Data Protection (never stored in clear, never in an
    /// email). Read it through <see cref="ReferralNotes"/>.</summary>
    public string ProtectedNote { get; set; } = "";

    /// <summary>Whether the parent lets the service read the note.</summary>
    public bool ShareNote { get; set; }

    /// <summary>The address the parent chose to give the service, typed by them; null: not shared.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The phone number the parent chose to give the service; null: not shared.</summary>
    public string? ContactPhone { get; set; }

    public ReferralStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ConsentedAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    /// <summary>The day the service first reached the family, and how ("phone call", "home visit").</summary>
    public DateOnly? FirstContactOn { get; set; }

    public string? FirstContactHow { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The service's closing word to the family: the door stays open, and how to come back.</summary>
    public string? ClosingMessage { get; set; }
}

public enum ReferralKind
{
    /// <summary>A professional relays a parent to a service.</summary>
    Accompanied = 0,

    /// <summary>A parent asks a service to contact them.</summary>
    ContactRequest = 1,
}

public enum ReferralStatus
{
    Proposed = 0,
    Consented = 1,
    Accepted = 2,
    FirstContactMade = 3,
    Closed = 4,

    /// <summary>The parent said no.</summary>
    Declined = 5,

    /// <summary>The parent withdrew their consent: the service no longer sees anything.</summary>
    Withdrawn = 6,
}

/// <summary>One step of a referral's audit trail: who (which party, which member), what, when. Never the note.</summary>
public sealed class ReferralEvent
{
    public Guid Id { get; set; }

    public Guid ReferralId { get; set; }

    /// <summary>The member who acted; null once they deleted their account.</summary>
    public Guid? ActorId { get; set; }

    public ReferralParty Party { get; set; }

    public ReferralAction Action { get; set; }

    public DateTime At { get; set; }
}

public enum ReferralParty
{
    Parent = 0,
    Referrer = 1,
    Service = 2,
}

public enum ReferralAction
{
    Proposed = 0,
    ContactRequested = 1,
    Consented = 2,
    Declined = 3,
    Withdrawn = 4,
    Accepted = 5,
    FirstContactMade = 6,
    Closed = 7,
}

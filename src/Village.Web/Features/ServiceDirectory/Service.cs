namespace Village.Web.Features.ServiceDirectory;

/// <summary>A support service (HSDS 3.0 <c>service</c>): what an organisation offers families, with Village's own
/// listing state (who asked for it, whether a moderator published it, when it was last checked).</summary>
public sealed class Service
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public string Name { get; set; } = "";

    public string? AlternateName { get; set; }

    public string Description { get; set; } = "";

    public string? Url { get; set; }

    public string? Email { get; set; }

    public ServiceStatus Status { get; set; }

    public string? InterpretationServices { get; set; }

    /// <summary>How to get the service, in plain words ("Come without an appointment", "Call first").</summary>
    public string? ApplicationProcess { get; set; }

    public string? FeesDescription { get; set; }

    public string? Accreditations { get; set; }

    public string? EligibilityDescription { get; set; }

    /// <summary>Youngest age served, in years (0.5 = six months), as HSDS counts it.</summary>
    public decimal? MinimumAge { get; set; }

    public decimal? MaximumAge { get; set; }

    /// <summary>The day the listing was last checked (HSDS <c>assured_date</c>).</summary>
    public DateOnly? AssuredDate { get; set; }

    public string? AssurerEmail { get; set; }

    /// <summary>A short-term notice ("Closed in August").</summary>
    public string? Alert { get; set; }

    /// <summary>When the service or anything about it last changed (HSDS <c>last_modified</c>).</summary>
    public DateTime LastModified { get; set; }

    /// <summary>The IANA time zone its schedules are written in; HSDS's numeric offset cannot follow daylight saving.</summary>
    public string TimeZone { get; set; } = DirectoryDefaults.TimeZone;

    /// <summary>Village's own: pending until a moderator publishes it; only published services are searchable.</summary>
    public ListingStatus ListingStatus { get; set; }

    /// <summary>Village's own: details are missing and must be completed (real services seeded without inventing
    /// addresses or phones).</summary>
    public bool ToComplete { get; set; }

    /// <summary>The member who asked for the listing; null once they deleted their account.</summary>
    public Guid? SubmittedById { get; set; }

    /// <summary>The moderator's word to the applicant when declined.</summary>
    public string? ModeratorNote { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>When the organisation was last asked to review the listing (every six months).</summary>
    public DateTime? ReviewReminderSentAt { get; set; }
}

/// <summary>HSDS 3.0 service status.</summary>
public enum ServiceStatus
{
    Active = 0,
    Inactive = 1,
    Defunct = 2,
    TemporarilyClosed = 3,
}

public enum ListingStatus
{
    Pending = 0,
    Published = 1,
    Declined = 2,
    Withdrawn = 3,
}

public static class DirectoryDefaults
{
    public const string TimeZone = "Europe/Brussels";
}

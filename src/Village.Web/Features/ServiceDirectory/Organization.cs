namespace Village.Web.Features.ServiceDirectory;

/// <summary>An organisation that runs support services (HSDS 3.0 <c>organization</c>): an ONE office, an association,
/// a hospital's perinatal team, a midwives' practice.</summary>
public sealed class Organization
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? AlternateName { get; set; }

    public string Description { get; set; } = "";

    public string? Email { get; set; }

    public string? Website { get; set; }

    /// <summary>A persistent identifier (e.g. the Belgian company number as a URI); not the website.</summary>
    public string? Uri { get; set; }

    public string? LegalStatus { get; set; }

    public Guid? ParentOrganizationId { get; set; }

    /// <summary>Village's own: a fictional organisation of the demo, labelled as such on every page.</summary>
    public bool IsFictional { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A professional account linked to an organisation: once verified by a moderator, the professional keeps
/// the organisation's listings up to date, relays families and receives their referrals.</summary>
public sealed class OrganizationMember
{
    public Guid OrganizationId { get; set; }

    public Guid MemberId { get; set; }

    public OrganizationMemberStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? VerifiedAt { get; set; }
}

public enum OrganizationMemberStatus
{
    Pending = 0,
    Verified = 1,
    Refused = 2,
}

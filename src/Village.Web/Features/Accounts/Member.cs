using Microsoft.AspNetCore.Identity;

namespace Village.Web.Features.Accounts;

/// <summary>A person with a Village account. Named Member, not User, to avoid clashing with PageModel.User.</summary>
public sealed class Member : IdentityUser<Guid>
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The language emails and pages use for this member ("fr" or "en").</summary>
    public string PreferredCulture { get; set; } = "fr";

    public DateTime PrivacyAcceptedAt { get; set; }

    public DateTime RulesAcceptedAt { get; set; }

    public ProfessionalStatus ProfessionalStatus { get; set; }

    /// <summary>For a professional: the organisation and job they declared, checked by an administrator.</summary>
    public string? ProfessionalDetails { get; set; }
}

public enum ProfessionalStatus
{
    NotProfessional = 0,
    Pending = 1,
    Verified = 2,
    Refused = 3,
}

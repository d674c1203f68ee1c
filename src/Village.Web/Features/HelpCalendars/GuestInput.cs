using System.ComponentModel.DataAnnotations;

namespace Village.Web.Features.HelpCalendars;

/// <summary>One person to invite by email: a name and an address (the circle's ticked people come separately).</summary>
public sealed class GuestInput
{
    [StringLength(HelpConfiguration.NameMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "HelpGuest.Field.Name")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(HelpConfiguration.EmailMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "HelpGuest.Field.Email")]
    public string? Email { get; set; }

    /// <summary>People of the parent's circle who have an email address.</summary>
    public List<Guid> CirclePersonIds { get; set; } = [];
}

/// <summary>Someone of the parent's circle with an email, offered as a box to tick.</summary>
public sealed record CircleChoice(Guid Id, string Name, string Email);

/// <summary>The invite-by-email form, shared by the parent's page and a co-organiser's.</summary>
public sealed record GuestInviteForm(string Action, GuestInput Input, IReadOnlyList<CircleChoice> Circle);

using System.ComponentModel.DataAnnotations;

namespace Village.Web.Features.Accounts;

/// <summary>A form that asks for an email address only (resend the confirmation, forgotten password).</summary>
public sealed class EmailInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "SignUp.Email")]
    public string Email { get; set; } = "";
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Village.Web.Data;
using Village.Web.Features.Profiles;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Localization;
using Village.Web.Infrastructure.Security;

namespace Village.Web.Features.Accounts;

[EnableRateLimiting(SecuritySetup.AccountPolicy)]
public sealed class SignUpModel(
    VillageDb db,
    AccountCreation accounts,
    AccountEmails emails,
    UserManager<Member> members,
    IPasswordHasher<Member> hasher) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var email = Input.Email.Trim();
        var existing = await members.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Same answer, same work, as a new account: nobody learns from this form who has an account.
            hasher.HashPassword(existing, Input.Password);
            emails.AlreadyRegistered(existing, Url.Page("/Accounts/SignIn", null, null, Request.Scheme)!);
            await db.SaveChangesAsync();
            return RedirectToPage("/Accounts/CheckEmail");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var member = accounts.NewMember(email, LocalizationSetup.IsSupported(culture) ? culture : LocalizationSetup.DefaultCulture);
        if (Input.IsProfessional)
        {
            member.ProfessionalStatus = ProfessionalStatus.Pending;
            member.ProfessionalDetails = Input.ProfessionalDetails?.Trim();
        }

        var result = await accounts.AddAsync(member, Input.Password, Input.DisplayName.Trim(), Input.IsProfessional ? [] : [Roles.Parent]);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Description);
            }

            return this.InvalidPage();
        }

        var code = await members.GenerateEmailConfirmationTokenAsync(member);
        emails.ConfirmAddress(member, Url.Page("/Accounts/ConfirmEmail", null, new { userId = member.Id, code }, Request.Scheme)!);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("/Accounts/CheckEmail");
    }

    public sealed class SignUpInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(ProfileConfiguration.DisplayNameMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "SignUp.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "SignUp.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = AccountsSetup.PasswordMinLength, ErrorMessage = "Validation.PasswordLength")]
        [DataType(DataType.Password)]
        [Display(Name = "SignUp.Password")]
        public string Password { get; set; } = "";

        [Display(Name = "SignUp.IsProfessional")]
        public bool IsProfessional { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "SignUp.ProfessionalDetails")]
        public string? ProfessionalDetails { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "SignUp.AcceptPrivacyRequired")]
        [Display(Name = "SignUp.AcceptPrivacy")]
        public bool AcceptPrivacy { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "SignUp.AcceptRulesRequired")]
        [Display(Name = "SignUp.AcceptRules")]
        public bool AcceptRules { get; set; }
    }
}

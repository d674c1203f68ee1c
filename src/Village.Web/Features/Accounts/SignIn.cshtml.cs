using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Security;
using Village.Web.Resources;

namespace Village.Web.Features.Accounts;

[EnableRateLimiting(SecuritySetup.AccountPolicy)]
public sealed class SignInModel(SignInManager<Member> signIn, UserManager<Member> members, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(this.SafeReturnUrl(ReturnUrl));
        }

        // Identity refuses an unconfirmed account before checking the password; only say "confirm your address"
        // to someone who knows the password, so the form never tells who has an account.
        if (result.IsNotAllowed)
        {
            var member = await members.FindByEmailAsync(Input.Email.Trim());
            NeedsConfirmation = member is not null && await members.CheckPasswordAsync(member, Input.Password);
        }

        ModelState.AddModelError("", NeedsConfirmation ? t["SignIn.NeedsConfirmation"] : t["SignIn.Failed"]);
        return this.InvalidPage();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "SignUp.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "SignIn.Password")]
        public string Password { get; set; } = "";

        [Display(Name = "SignIn.RememberMe")]
        public bool RememberMe { get; set; } = true;
    }
}

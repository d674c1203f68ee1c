using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Security;

namespace Village.Web.Features.Accounts;

[EnableRateLimiting(SecuritySetup.AccountPolicy)]
public sealed class ResetPasswordModel(UserManager<Member> members) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = AccountsSetup.PasswordMinLength, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Reset.NewPassword")]
    public string NewPassword { get; set; } = "";

    public bool Done { get; private set; }

    public IActionResult OnGet() => Code is null ? this.InvalidPage() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid || Code is null)
        {
            return this.InvalidPage();
        }

        var member = await members.FindByIdAsync(UserId.ToString());
        var result = member is null
            ? IdentityResult.Failed(members.ErrorDescriber.InvalidToken())
            : await members.ResetPasswordAsync(member, Code, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(NewPassword) : "", error.Description);
            }

            return this.InvalidPage();
        }

        // Whoever reset the password owns the address: lift any lockout from the failed attempts.
        await members.SetLockoutEndDateAsync(member!, null);
        await members.ResetAccessFailedCountAsync(member!);
        Done = true;
        return Page();
    }
}

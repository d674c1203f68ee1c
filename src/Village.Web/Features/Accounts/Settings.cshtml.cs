using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Localization;
using Village.Web.Infrastructure.Security;
using Village.Web.Resources;

namespace Village.Web.Features.Accounts;

/// <summary>Change the sign-in address, the password and the language of emails. Each form posts on its own.</summary>
[Authorize]
[EnableRateLimiting(SecuritySetup.AccountPolicy)]
public sealed class SettingsModel(
    VillageDb db,
    UserManager<Member> members,
    SignInManager<Member> signIn,
    AccountEmails emails,
    IStringLocalizer<Texts> t) : PageModel
{
    public string CurrentEmail { get; private set; } = "";

    public string PreferredCulture { get; private set; } = LocalizationSetup.DefaultCulture;

    public EmailChangeInput EmailChange { get; set; } = new();

    public PasswordChangeInput PasswordChange { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        var member = await LoadAsync();
        if (!await TryUpdateModelAsync(EmailChange, nameof(EmailChange)))
        {
            return this.InvalidPage();
        }

        if (!await members.CheckPasswordAsync(member, EmailChange.Password))
        {
            ModelState.AddModelError("EmailChange.Password", t["Settings.WrongPassword"]);
            return this.InvalidPage();
        }

        var newAddress = EmailChange.NewEmail.Trim();
        // A taken address gets the same answer as a free one; the link simply will not work.
        if (await members.FindByEmailAsync(newAddress) is null)
        {
            var code = await members.GenerateChangeEmailTokenAsync(member, newAddress);
            emails.ConfirmNewAddress(member, newAddress, Url.Page("/Accounts/ConfirmEmailChange", null, new { email = newAddress, code }, Request.Scheme)!);
            await db.SaveChangesAsync();
        }

        Message = t["Settings.EmailLinkSent", newAddress];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var member = await LoadAsync();
        if (!await TryUpdateModelAsync(PasswordChange, nameof(PasswordChange)))
        {
            return this.InvalidPage();
        }

        var result = await members.ChangePasswordAsync(member, PasswordChange.CurrentPassword, PasswordChange.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "CurrentPassword" : "NewPassword";
                ModelState.AddModelError($"PasswordChange.{field}", error.Description);
            }

            return this.InvalidPage();
        }

        emails.PasswordChanged(member, Url.Page("/Accounts/ForgotPassword", null, null, Request.Scheme)!);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(member);
        Message = t["Settings.PasswordChanged"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLanguageAsync(string? culture)
    {
        var member = await LoadAsync();
        if (!LocalizationSetup.IsSupported(culture))
        {
            ModelState.AddModelError("culture", t["Validation.InvalidValue"]);
            return this.InvalidPage();
        }

        member.PreferredCulture = culture!;
        await members.UpdateAsync(member);
        CultureSwitch.Remember(HttpContext, culture!);
        using (new CultureScope(culture!))
        {
            Message = t["Settings.LanguageSaved"];
        }

        return RedirectToPage();
    }

    private async Task<Member> LoadAsync()
    {
        var member = await members.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        CurrentEmail = member.Email ?? "";
        PreferredCulture = member.PreferredCulture;
        return member;
    }

    public sealed class EmailChangeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Settings.NewEmail")]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Settings.CurrentPassword")]
        public string Password { get; set; } = "";
    }

    public sealed class PasswordChangeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Settings.CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = AccountsSetup.PasswordMinLength, ErrorMessage = "Validation.PasswordLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Reset.NewPassword")]
        public string NewPassword { get; set; } = "";
    }
}

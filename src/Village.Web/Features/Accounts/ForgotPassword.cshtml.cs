using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Security;

namespace Village.Web.Features.Accounts;

[EnableRateLimiting(SecuritySetup.AccountPolicy)]
public sealed class ForgotPasswordModel(VillageDb db, UserManager<Member> members, AccountEmails emails) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var member = await members.FindByEmailAsync(Input.Email.Trim());
        if (member is { EmailConfirmed: true })
        {
            var code = await members.GeneratePasswordResetTokenAsync(member);
            emails.ResetPassword(member, Url.Page("/Accounts/ResetPassword", null, new { userId = member.Id, code }, Request.Scheme)!);
            await db.SaveChangesAsync();
        }

        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }
}

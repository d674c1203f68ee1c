using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Security;

namespace Village.Web.Features.Accounts;

[EnableRateLimiting(SecuritySetup.AccountPolicy)]
public sealed class ResendModel(VillageDb db, UserManager<Member> members, AccountEmails emails) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var member = await members.FindByEmailAsync(Input.Email.Trim());
        if (member is { EmailConfirmed: false })
        {
            var code = await members.GenerateEmailConfirmationTokenAsync(member);
            emails.ConfirmAddress(member, Url.Page("/Accounts/ConfirmEmail", null, new { userId = member.Id, code }, Request.Scheme)!);
            await db.SaveChangesAsync();
        }

        return RedirectToPage("/Accounts/CheckEmail");
    }
}

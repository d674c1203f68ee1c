using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Village.Web.Data;

namespace Village.Web.Features.Accounts;

[Authorize]
public sealed class ConfirmEmailChangeModel(
    VillageDb db,
    UserManager<Member> members,
    SignInManager<Member> signIn,
    AccountEmails emails) : PageModel
{
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? email, string? code)
    {
        var member = await members.GetUserAsync(User);
        var oldAddress = member?.Email;
        if (member is not null && email is not null && code is not null
            && (await members.ChangeEmailAsync(member, email, code)).Succeeded)
        {
            // The address is also the user name used to sign in.
            await members.SetUserNameAsync(member, email);
            emails.AddressChanged(member, oldAddress!, Url.Page("/Accounts/ForgotPassword", null, null, Request.Scheme)!);
            await db.SaveChangesAsync();
            await signIn.RefreshSignInAsync(member);
            Changed = true;
            return Page();
        }

        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Village.Web.Features.Accounts;

[Authorize]
public sealed class ConfirmEmailChangeModel(UserManager<Member> members, SignInManager<Member> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? email, string? code)
    {
        var member = await members.GetUserAsync(User);
        if (member is not null && email is not null && code is not null
            && (await members.ChangeEmailAsync(member, email, code)).Succeeded)
        {
            // The address is also the user name used to sign in.
            await members.SetUserNameAsync(member, email);
            await signIn.RefreshSignInAsync(member);
            Changed = true;
            return Page();
        }

        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}

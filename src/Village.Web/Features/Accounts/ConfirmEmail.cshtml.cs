using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Village.Web.Features.Accounts;

public sealed class ConfirmEmailModel(UserManager<Member> members) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid userId, string? code)
    {
        var member = code is null ? null : await members.FindByIdAsync(userId.ToString());
        Confirmed = member is not null && (await members.ConfirmEmailAsync(member, code!)).Succeeded;
        return Confirmed ? Page() : new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}

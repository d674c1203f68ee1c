using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.ServiceDirectory;

/// <summary>The verified professional's space: the families they relay and the listings they keep up to date.</summary>
[Authorize(Policy = Roles.Professional)]
public sealed class ProModel : PageModel
{
    public void OnGet()
    {
    }
}

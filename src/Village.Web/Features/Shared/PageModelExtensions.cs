using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Village.Web.Features.Shared;

public static class PageModelExtensions
{
    /// <summary>Re-shows the form with its errors and what the person typed, as a 400 rather than a 200.</summary>
    public static PageResult InvalidPage(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }

    /// <summary>The signed-in member's id (Identity's name identifier claim).</summary>
    public static Guid MemberId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    /// <summary>A return URL that stays on this site, or the home page.</summary>
    public static string SafeReturnUrl(this PageModel page, string? returnUrl) =>
        returnUrl is { Length: > 0 } && page.Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

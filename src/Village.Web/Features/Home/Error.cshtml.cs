using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Village.Web.Features.Home;

/// <summary>The friendly page behind every error status (404, 403, 500...). Never shows technical details.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = StatusCodes.Status500InternalServerError;

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Code;
    }
}

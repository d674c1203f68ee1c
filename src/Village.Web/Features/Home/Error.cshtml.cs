using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Village.Web.Features.Home;

/// <summary>The friendly page behind every error status (404, 403, 500...). Never shows technical details.
/// It reads no form: the request it stands in for may hold one that cannot be read at all.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = StatusCodes.Status500InternalServerError;

    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (int.TryParse(Request.Query["code"], out var asked) ? asked : StatusCodes.Status500InternalServerError);
        Code = code is >= 400 and < 600 ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Code;
    }
}

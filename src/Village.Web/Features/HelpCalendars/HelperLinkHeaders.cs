using Microsoft.AspNetCore.Mvc.Filters;

namespace Village.Web.Features.HelpCalendars;

/// <summary>Pages reached through a secret link (/h/...): the link must not leak through the Referer header, a shared
/// computer's cache or a search engine.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HelperLinkHeadersAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex";
        return next();
    }
}

using Microsoft.Extensions.Options;

namespace Village.Web.Infrastructure.Email;

/// <summary>The site's address for links in emails: the request's during a request, the configured
/// <see cref="EmailOptions.SiteUrl"/> in the background (jobs, digests).</summary>
public sealed class SiteAddress(IOptions<EmailOptions> options, IHttpContextAccessor http)
{
    public string Url => http.HttpContext?.Request is { Host.HasValue: true } request
        ? $"{request.Scheme}://{request.Host}"
        : options.Value.SiteUrl.TrimEnd('/');

    /// <summary>The absolute address of a path on the site ("/outings/…").</summary>
    public string Of(string path) => Url + path;
}

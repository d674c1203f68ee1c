namespace Village.Web.Features.Shared;

/// <summary>A web address a member typed, as a safe link: http or https only, "www.example.be" gets https:// in front.</summary>
public static class WebAddress
{
    /// <summary>The link, or null when the text is empty, not a web address, or longer than <paramref name="maxLength"/>.</summary>
    public static string? Link(string? typed, int maxLength)
    {
        typed = typed?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        var url = Uri.TryCreate(typed, UriKind.Absolute, out var absolute) ? absolute
            : Uri.TryCreate("https://" + typed, UriKind.Absolute, out var guessed) ? guessed : null;
        return url is not null && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && url.Host.Contains('.', StringComparison.Ordinal) && !typed.Any(char.IsWhiteSpace)
            && url.AbsoluteUri.Length <= maxLength
            ? url.AbsoluteUri
            : null;
    }
}

using Microsoft.AspNetCore.Localization;

namespace Village.Web.Infrastructure.Localization;

public static class CultureSwitch
{
    /// <summary>GET /culture?culture=en&amp;returnUrl=/...: the language switch, plain links that work without
    /// JavaScript. A link rather than a form keeps pages free of antiforgery tokens (so they can be cached), and
    /// switching someone's language from another site does no harm.</summary>
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = LocalizationSetup.IsSupported(culture) ? culture! : LocalizationSetup.DefaultCulture;
            Remember(context, chosen);
            var target = returnUrl is { Length: > 0 } && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();

    /// <summary>Keeps the chosen language for a year in a cookie (essential: the site is unusable in the wrong one).</summary>
    public static void Remember(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
}

using Microsoft.AspNetCore.Localization;

namespace Village.Web.Infrastructure.Localization;

public static class CultureSwitch
{
    /// <summary>POST /culture: the language switch, a plain form that works without JavaScript.</summary>
    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapPost("/culture", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string? culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = LocalizationSetup.IsSupported(culture) ? culture! : LocalizationSetup.DefaultCulture;
            Remember(context, chosen);
            var target = returnUrl is { Length: > 0 } && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        });

    /// <summary>Keeps the chosen language for a year in a cookie (essential: the site is unusable in the wrong one).</summary>
    public static void Remember(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Village.Web.Infrastructure.Security;

public static class SecuritySetup
{
    /// <summary>The rate-limiting policy on sign-up, sign-in and password reset: a few tries a minute per address.</summary>
    public const string AccountPolicy = "accounts";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("Village");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>())));

        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "village.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        var permitsPerMinute = builder.Configuration.GetValue("Security:AccountAttemptsPerMinute", 10);
        builder.Services.AddRateLimiter(o =>
        {
            // An empty 429 is turned into the friendly, localized error page by the status code pages.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only submissions are limited: looking at a form is free, posting it many times is not.
            o.AddPolicy(AccountPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    (context.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString(),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("reads"));
        });
        return builder;
    }

    /// <summary>Security headers on every response: a strict CSP (no inline script or style), no framing, no sniffing.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
            await next();
        });
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Village.Web.Data;
using Village.Web.Features.Profiles;
using Village.Web.Infrastructure.Api;

namespace Village.Web.Features.Accounts;

public static class AccountsSetup
{
    public const int PasswordMinLength = 8;

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<Member, IdentityRole<Guid>>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                // Email addresses are the user names; their own validation is enough.
                o.User.AllowedUserNameCharacters = "";
                // Length beats complexity rules: a long phrase is easier to remember for a tired parent.
                o.Password.RequiredLength = PasswordMinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<VillageDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "village";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddScoped<AccountCreation>();
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddScoped<ParentHomes>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Roles.Moderator, p => p.RequireRole(Roles.Moderator, Roles.Administrator))
            .AddPolicy(Roles.Professional, p => p.RequireRole(Roles.Professional));
        return builder;
    }

    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.IsApiRequest())
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status).ExecuteAsync(context.HttpContext);
    }
}

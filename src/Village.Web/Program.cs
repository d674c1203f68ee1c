using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.CheckIn;
using Village.Web.Features.Circle;
using Village.Web.Features.Communities;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Features.Demo;
using Village.Web.Features.HelpCalendars;
using Village.Web.Features.Messages;
using Village.Web.Features.Moderation;
using Village.Web.Features.Newsletter;
using Village.Web.Features.Notifications;
using Village.Web.Features.Outings;
using Village.Web.Features.Parents;
using Village.Web.Features.Referrals;
using Village.Web.Features.Safety;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.ServiceDirectory.Hsds;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure;
using Village.Web.Infrastructure.Api;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Geo;
using Village.Web.Infrastructure.Localization;
using Village.Web.Infrastructure.Security;

var (command, hostArgs) = Commands.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddDatabase();
builder.AddVillageLocalization();
builder.AddSecurity();
builder.AddAccounts();
builder.AddEmail();
builder.AddGeo();
builder.AddCommunities();
builder.AddApi();
builder.AddModeration();
builder.AddCommunityAdmin();
builder.AddSafety();
builder.AddNewsletter();
builder.AddOutings();
builder.AddDiscovery();
builder.AddMessages();
builder.AddParents();
builder.AddServiceDirectory();
builder.AddReferrals();
builder.AddCircle();
builder.AddHelpCalendars();
builder.AddCheckIn();
builder.AddNotifications();
builder.Services.AddScoped<DemoSeeder>();
builder.AddPages();

var app = builder.Build();
if (command is not null)
{
    return await Commands.RunAsync(app, command, hostArgs);
}

// Behind a reverse proxy on the same host (nginx), use the client's address for rate limits and HTTPS for cookies.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
if (app.Environment.IsDevelopment())
{
    await app.PrepareDevelopmentDatabaseAsync();
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
app.UseStaticFiles();
app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// Only the open HSDS API keeps answers; the middleware stays off every other request's path.
app.UseWhen(context => context.Request.Path.StartsWithSegments(HsdsApi.Prefix), hsds => hsds.UseOutputCache());
app.MapHealth();
app.MapApi();
app.MapDiscovery();
app.MapLiveMessages();
app.MapCultureSwitch();
app.MapRazorPages();
await app.RunAsync();
return 0;

public partial class Program;

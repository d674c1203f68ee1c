using Village.Web.Features.Calendar;
using Village.Web.Features.Newsletter;

namespace Village.Web.Features.Outings;

/// <summary>Discovery and calendars: the outings search (pages, home, API), the newsletter's outings, the .ics files.</summary>
public static class DiscoverySetup
{
    public static WebApplicationBuilder AddDiscovery(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OutingSearch>();
        builder.Services.AddScoped<IUpcomingEvents, OutingEvents>();
        return builder;
    }

    public static void MapDiscovery(this WebApplication app)
    {
        app.MapOutingsApi();
        app.MapCalendar();
    }
}

using Village.Web.Features.ServiceDirectory.Listings;
using Village.Web.Features.ServiceDirectory.Search;

namespace Village.Web.Features.ServiceDirectory;

public static class DirectorySetup
{
    /// <summary>The services directory: the search's kept facts, the listings' options and their review reminders
    /// (the HSDS API is mapped with the other APIs).</summary>
    public static WebApplicationBuilder AddServiceDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceFacts>();
        builder.Services.Configure<ListingOptions>(builder.Configuration.GetSection("Listings"));
        builder.Services.AddSingleton<ListingReminders>();
        // Like the outings' reminders: tests turn background email off and run the reminders themselves.
        if (builder.Configuration.GetValue("Email:SendInBackground", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<ListingReminders>());
        }

        return builder;
    }
}

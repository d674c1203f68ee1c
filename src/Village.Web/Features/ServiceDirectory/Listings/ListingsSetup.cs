namespace Village.Web.Features.ServiceDirectory.Listings;

public static class ListingsSetup
{
    /// <summary>Listing requests, their moderation, the professionals' upkeep, and the six-monthly review reminders.</summary>
    public static WebApplicationBuilder AddListings(this WebApplicationBuilder builder)
    {
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

public sealed class ListingOptions
{
    /// <summary>How many listing requests a member may send in any 24 hours.</summary>
    public int RequestsPerDay { get; set; } = 3;

    /// <summary>How often the reminders job looks for listings to review.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);
}

namespace Village.Web.Features.Newsletter;

public static class NewsletterSetup
{
    public static WebApplicationBuilder AddNewsletter(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NewsletterOptions>(builder.Configuration.GetSection("Newsletter"));
        builder.Services.AddScoped<NewsletterComposer>();
        // What the "coming up" section lists: one registration per source (outings will add theirs here).
        builder.Services.AddScoped<IUpcomingEvents, AnnouncementEvents>();
        builder.Services.AddScoped<NewsletterEmail>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<NewsletterSender>();
        // Like the outbox sender: tests turn background email off and run the sender themselves.
        if (builder.Configuration.GetValue("Email:SendInBackground", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<NewsletterSender>());
        }

        return builder;
    }
}

namespace Village.Web.Features.Outings;

public static class OutingsSetup
{
    /// <summary>Proposing, joining and reminding: the services behind /outings/new, /outings/{id} and its edit page,
    /// and the reminders' background job.</summary>
    public static WebApplicationBuilder AddOutings(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OutingOptions>(builder.Configuration.GetSection("Outings"));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<OutingEmails>();
        builder.Services.AddScoped<Attendance>();
        builder.Services.AddScoped<OutingConversation>();
        builder.Services.AddScoped<OutingForms>();
        builder.Services.AddSingleton<OutingReminders>();
        // Like the newsletter: tests turn background email off and run the reminders themselves.
        if (builder.Configuration.GetValue("Email:SendInBackground", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<OutingReminders>());
        }

        return builder;
    }
}

public sealed class OutingOptions
{
    /// <summary>How many outings a member may propose in any 24 hours.</summary>
    public int NewOutingsPerDay { get; set; } = 5;

    /// <summary>How often the reminders job looks for reminders due (and, once a day, tops up recurring outings).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);
}

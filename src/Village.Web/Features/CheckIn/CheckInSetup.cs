namespace Village.Web.Features.CheckIn;

public static class CheckInSetup
{
    public static WebApplicationBuilder AddCheckIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CheckInProtector>();
        builder.Services.AddSingleton<CheckInAnswersCodec>();
        builder.Services.Configure<CheckInOptions>(builder.Configuration.GetSection("CheckIn"));
        builder.Services.AddSingleton<CheckInReminders>();
        // Like the outings' reminders: tests turn background email off and run the reminders themselves.
        if (builder.Configuration.GetValue("Email:SendInBackground", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<CheckInReminders>());
        }

        return builder;
    }
}

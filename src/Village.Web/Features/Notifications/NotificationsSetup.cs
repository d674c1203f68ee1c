namespace Village.Web.Features.Notifications;

public static class NotificationsSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<NotificationLinks>();
        return builder;
    }
}

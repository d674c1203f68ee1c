namespace Village.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<SiteAddress>();
        builder.Services.AddScoped<TemplatedEmails>();
        builder.Services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        builder.Services.AddSingleton<OutboxSender>();
        if (builder.Configuration.GetValue("Email:SendInBackground", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<OutboxSender>());
        }

        return builder;
    }
}

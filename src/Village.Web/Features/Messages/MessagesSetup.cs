using Village.Web.Data;
using Village.Web.Infrastructure.Live;

namespace Village.Web.Features.Messages;

public static class MessagesSetup
{
    /// <summary>Conversations, their live delivery and the unread-message emails. On SQLite (one instance) the
    /// in-process hub alone; on PostgreSQL the hub fed by LISTEN/NOTIFY, so several instances share live events.</summary>
    public static WebApplicationBuilder AddMessages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveHub>();
        if (DatabaseSetup.Provider(builder.Configuration) == DatabaseProvider.Postgres)
        {
            var connection = DatabaseSetup.ConnectionString(builder.Configuration);
            builder.Services.AddSingleton(services => new PostgresLiveEvents(
                services.GetRequiredService<LiveHub>(), connection, services.GetRequiredService<ILogger<PostgresLiveEvents>>()));
            builder.Services.AddSingleton<ILiveEvents>(services => services.GetRequiredService<PostgresLiveEvents>());
            builder.Services.AddHostedService(services => services.GetRequiredService<PostgresLiveEvents>());
        }
        else
        {
            builder.Services.AddSingleton<ILiveEvents>(services => services.GetRequiredService<LiveHub>());
        }

        builder.Services.AddScoped<Conversations>();
        builder.Services.Configure<MessagesOptions>(builder.Configuration.GetSection("Messages"));
        builder.Services.AddScoped<MessageReading>();
        builder.Services.AddScoped<UnreadMessages>();
        builder.Services.AddSingleton<UnreadMessageEmails>();
        // Like the outing reminders: tests turn background email off and run the job themselves.
        if (builder.Configuration.GetValue("Email:SendInBackground", true))
        {
            builder.Services.AddHostedService(services => services.GetRequiredService<UnreadMessageEmails>());
        }

        return builder;
    }
}

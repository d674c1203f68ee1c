using Village.Web.Infrastructure.Live;

namespace Village.Web.Features.Messages;

public static class MessagesSetup
{
    /// <summary>Conversations and their live delivery (one instance: the in-process hub).</summary>
    public static WebApplicationBuilder AddMessages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveHub>();
        builder.Services.AddSingleton<ILiveEvents>(services => services.GetRequiredService<LiveHub>());
        builder.Services.AddScoped<Conversations>();
        builder.Services.Configure<MessagesOptions>(builder.Configuration.GetSection("Messages"));
        builder.Services.AddScoped<MessageReading>();
        builder.Services.AddScoped<UnreadMessages>();
        return builder;
    }
}

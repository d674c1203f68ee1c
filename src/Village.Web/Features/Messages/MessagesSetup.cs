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
        return builder;
    }
}

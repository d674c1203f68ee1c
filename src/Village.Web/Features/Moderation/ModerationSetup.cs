namespace Village.Web.Features.Moderation;

public static class ModerationSetup
{
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Moderator>();
        builder.Services.AddScoped<ModerationEmails>();
        return builder;
    }
}

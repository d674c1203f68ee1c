namespace Village.Web.Features.Safety;

public static class SafetySetup
{
    public static WebApplicationBuilder AddSafety(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LimitsOptions>(builder.Configuration.GetSection("Limits"));
        builder.Services.AddSingleton<HurtfulWords>();
        builder.Services.AddScoped<NewMemberLimits>();
        builder.Services.AddScoped<PostingChecks>();
        return builder;
    }
}

namespace Village.Web.Features.Circle;

public static class CircleSetup
{
    public static WebApplicationBuilder AddCircle(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NearbyHelp>();
        return builder;
    }
}

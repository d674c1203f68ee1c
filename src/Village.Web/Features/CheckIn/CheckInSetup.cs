namespace Village.Web.Features.CheckIn;

public static class CheckInSetup
{
    public static WebApplicationBuilder AddCheckIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CheckInProtector>();
        return builder;
    }
}

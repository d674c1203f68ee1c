namespace Village.Web.Features.HelpCalendars;

public static class HelpCalendarSetup
{
    public static WebApplicationBuilder AddHelpCalendars(this WebApplicationBuilder builder)
    {
        builder.AddHelpGuests();
        builder.Services.AddScoped<HelpEmails>();
        return builder;
    }
}

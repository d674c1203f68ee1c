namespace Village.Web.Features.Parents;

public static class ParentsSetup
{
    /// <summary>Discovering parents nearby (/parents) and saying hello (/parents/{id}/hello, /hellos).</summary>
    public static WebApplicationBuilder AddParents(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ParentsOptions>(builder.Configuration.GetSection("Parents"));
        builder.Services.AddScoped<ParentDiscovery>();
        builder.Services.AddScoped<HelloBox>();
        return builder;
    }
}

public sealed class ParentsOptions
{
    /// <summary>Hellos a trusted member may send in any 24 hours.</summary>
    public int HellosPerDay { get; set; } = 10;

    /// <summary>Hellos a new account (see NewMemberLimits) may send in any 24 hours.</summary>
    public int NewAccountHellosPerDay { get; set; } = 3;

    /// <summary>At most this many visible parents around are read and scored for one discovery page.</summary>
    public int CandidatesMax { get; set; } = 400;
}

using Village.Web.Features.Posts;

namespace Village.Web.Features.Communities;

public static class CommunitiesSetup
{
    public static WebApplicationBuilder AddCommunities(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NearbyCommunities>();
        builder.Services.AddScoped<CommunityEmails>();
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CommunityDirectory>();
        builder.Services.AddScoped<CommunityAccess>();
        builder.Services.AddScoped<CommunityFeed>();
        return builder;
    }
}

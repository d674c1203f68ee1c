namespace Village.Web.Features.CommunityAdmin;

public static class CommunityAdminSetup
{
    public static WebApplicationBuilder AddCommunityAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminRota>();
        builder.Services.AddScoped<ReplyTemplates>();
        return builder;
    }
}

using Microsoft.EntityFrameworkCore;
using Village.Web.Features.Demo;

namespace Village.Web.Data;

public static class DevelopmentDatabase
{
    /// <summary>In Development the database migrates on start and, the first time, fills with the demo.</summary>
    public static async Task PrepareDevelopmentDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageDb>();
        await db.MigrateAsync();
        if (app.Configuration.GetValue("Demo:SeedOnStart", false) && !await db.Users.AnyAsync())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Console.Out);
        }
    }
}

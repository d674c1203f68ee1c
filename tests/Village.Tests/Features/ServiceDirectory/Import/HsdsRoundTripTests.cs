using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Data;
using Village.Web.Features.ServiceDirectory.Hsds;
using Village.Web.Features.ServiceDirectory.Listings;
using Village.Web.Infrastructure.Geo;

namespace Village.Tests.Features.ServiceDirectory.Import;

/// <summary>Export then import into an empty directory gives the same directory: the second export is the first,
/// byte for byte, and so are the row counts of every directory table.</summary>
public sealed class HsdsRoundTripTests
{
    [Fact]
    public async Task Exporting_then_importing_into_an_empty_directory_gives_the_same_directory()
    {
        await using var source = new VillageFactory();
        await using var target = new VillageFactory();
        // The demo directory: real services to complete and fictional ones with hours, closures, phones, languages.
        await source.InScopeAsync(scope => new DirectorySeed(
            scope.GetRequiredService<VillageDb>(), scope.GetRequiredService<Gazetteer>(), scope.GetRequiredService<TimeProvider>()).SeedAsync(null));
        var first = await ExportAsync(source);
        Assert.True(first.Count > 10, $"the demo directory exported only {first.Count} services");

        var imported = await target.InScopeAsync(scope => new HsdsImport(scope.GetRequiredService<VillageDb>(), target.Clock)
            .ImportJsonAsync(first.Json));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        var second = await ExportAsync(target);
        Assert.Equal(Encoding.UTF8.GetString(first.Json), Encoding.UTF8.GetString(second.Json));
        Assert.Equal(await CountsAsync(source), await CountsAsync(target));

        // And importing the same file again changes nothing.
        var again = await target.InScopeAsync(scope => new HsdsImport(scope.GetRequiredService<VillageDb>(), target.Clock)
            .ImportJsonAsync(first.Json));
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal(Encoding.UTF8.GetString(first.Json), Encoding.UTF8.GetString((await ExportAsync(target)).Json));
    }

    private static Task<(byte[] Json, int Count)> ExportAsync(VillageFactory factory) =>
        factory.InScopeAsync(async scope =>
        {
            using var output = new MemoryStream();
            var count = await scope.GetRequiredService<HsdsExport>().WriteAsync(output, CancellationToken.None);
            return (output.ToArray(), count);
        });

    private static Task<string> CountsAsync(VillageFactory factory) =>
        factory.QueryAsync(async db => string.Join(", ",
            $"organizations {await db.Organizations.CountAsync()}",
            $"services {await db.Services.CountAsync()}",
            $"locations {await db.Locations.CountAsync()}",
            $"addresses {await db.Addresses.CountAsync()}",
            $"at locations {await db.ServiceAtLocations.CountAsync()}",
            $"phones {await db.Phones.CountAsync()}",
            $"contacts {await db.Contacts.CountAsync()}",
            $"schedules {await db.Schedules.CountAsync()}",
            $"languages {await db.ServiceLanguages.CountAsync()}",
            $"costs {await db.CostOptions.CountAsync()}",
            $"areas {await db.ServiceAreas.CountAsync()}",
            $"accessibility {await db.Accessibility.CountAsync()}",
            $"terms {await db.TaxonomyTerms.CountAsync()}",
            $"classified {await db.ServiceTerms.CountAsync()}"));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Village.Web.Data;

namespace Village.Web.Features.Profiles;

/// <summary>A parent's home (town and coarse position) and their children's ages: what the pages around them (the
/// outings near me) read on every visit. A page read (GET) may use a copy kept in memory for a moment
/// (<c>Profiles:HomeCacheSeconds</c>, 30 by default), like community standings; this instance forgets it as soon as
/// the parent saves their profile or their children (<see cref="Changed"/>).</summary>
public sealed class ParentHomes(VillageDb db, IMemoryCache cache, IHttpContextAccessor http, IConfiguration configuration)
{
    private readonly TimeSpan keptFor = TimeSpan.FromSeconds(configuration.GetValue("Profiles:HomeCacheSeconds", 30.0));

    /// <summary>The parent's home, or null without a profile.</summary>
    public async Task<ParentHome?> ForAsync(Guid memberId)
    {
        var reading = keptFor > TimeSpan.Zero && HttpMethods.IsGet(http.HttpContext?.Request.Method ?? "");
        var key = (nameof(ParentHomes), memberId);
        if (reading && cache.TryGetValue(key, out ParentHome? kept))
        {
            return kept;
        }

        var home = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId)
            .Select(p => new ParentHome(p.TownName, p.Latitude, p.Longitude, p.Children.Where(c => !c.IsExpected).ToList()))
            .SingleOrDefaultAsync();
        if (reading)
        {
            cache.Set(key, home, keptFor);
        }

        return home;
    }

    /// <summary>After the parent's home or children changed.</summary>
    public void Changed(Guid memberId) => cache.Remove((nameof(ParentHomes), memberId));
}

/// <summary>Where a parent lives (coarse) and their children born so far.</summary>
public sealed record ParentHome(string? TownName, double? Latitude, double? Longitude, IReadOnlyList<Child> Children);

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Village.Web.Data;

namespace Village.Web.Features.Communities;

/// <summary>Communities by address, with what each of their pages shows about them (how many members, who runs
/// them), kept in memory for a short while (<c>Communities:CacheSeconds</c>, 30 by default): a busy community's
/// pages then ask the database only about the reader and the content (the reader's standing is kept by
/// <see cref="CommunityAccess"/>). A change made through this instance is seen at once (<see cref="Forget"/>); other instances see it
/// when their copy expires.</summary>
public sealed class CommunityDirectory(VillageDb db, IMemoryCache cache, IConfiguration configuration)
{
    private readonly TimeSpan keptFor = TimeSpan.FromSeconds(configuration.GetValue("Communities:CacheSeconds", 30));

    /// <summary>The community at this address, whatever its status; null when there is none.</summary>
    public async Task<CommunityHeader?> FindAsync(string slug)
    {
        if (cache.TryGetValue(Key(slug), out CommunityHeader? known))
        {
            return known;
        }

        var community = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug);
        if (community is null)
        {
            return null;
        }

        var header = new CommunityHeader(
            community,
            await db.CommunityMembers.CountAsync(m => m.CommunityId == community.Id),
            await db.CommunityMembers.Where(m => m.CommunityId == community.Id && m.Role == CommunityRole.Admin)
                .Join(db.Profiles, m => m.MemberId, p => p.MemberId, (_, p) => p.DisplayName)
                .OrderBy(name => name)
                .ToListAsync());
        if (keptFor > TimeSpan.Zero)
        {
            cache.Set(Key(slug), header, keptFor);
        }

        return header;
    }

    /// <summary>Where the approved local communities reach (centre and radius), kept like the headers: suggestions
    /// measure a parent's distance to each in memory rather than asking the database on every home page.</summary>
    public async Task<IReadOnlyList<CommunityArea>> LocalAreasAsync()
    {
        if (cache.TryGetValue(AreasKey, out IReadOnlyList<CommunityArea>? known))
        {
            return known!;
        }

        var areas = await db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Approved && c.Kind == CommunityKind.Local && c.Latitude != null && c.Longitude != null)
            .Select(c => new CommunityArea(c.Id, c.Latitude!.Value, c.Longitude!.Value, c.RadiusKm))
            .ToListAsync();
        if (keptFor > TimeSpan.Zero)
        {
            cache.Set(AreasKey, areas, keptFor);
        }

        return areas;
    }

    /// <summary>After a change to the community, its members, its admins or its area.</summary>
    public void Forget(string slug)
    {
        cache.Remove(Key(slug));
        cache.Remove(AreasKey);
    }

    private const string AreasKey = nameof(CommunityDirectory) + ".Areas";

    private static (string, string) Key(string slug) => (nameof(CommunityDirectory), slug);
}

/// <summary>A community as its pages present it. The entity is shared between requests: read it, never change it.</summary>
public sealed record CommunityArea(Guid Id, double Latitude, double Longitude, int RadiusKm);

public sealed record CommunityHeader(Community Community, int MemberCount, IReadOnlyList<string> Admins);

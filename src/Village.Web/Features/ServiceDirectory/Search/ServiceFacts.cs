using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Village.Web.Data;

namespace Village.Web.Features.ServiceDirectory.Search;

/// <summary>What the search list shows of a service besides its name and place: categories, languages, free, the
/// town of each place, and its hours. A listing changes a few times a year while searches read it all day, so each
/// service's facts are kept <c>Directory:FactsCacheSeconds</c> (60 by default, 0: never); editing a listing forgets
/// them on this instance, another instance sees the change within that time. Those missing are read together.</summary>
public sealed class ServiceFacts(VillageDb db, IMemoryCache cache, IConfiguration configuration)
{
    private readonly TimeSpan keep = TimeSpan.FromSeconds(configuration.GetValue("Directory:FactsCacheSeconds", 60));

    public static void Forget(IMemoryCache cache, Guid serviceId) => cache.Remove(Key(serviceId));

    public async Task<IReadOnlyDictionary<Guid, ServiceFact>> ForAsync(IReadOnlyCollection<(Guid Id, string TimeZone)> services)
    {
        var found = new Dictionary<Guid, ServiceFact>();
        var missing = new List<(Guid Id, string TimeZone)>();
        foreach (var service in services.DistinctBy(s => s.Id))
        {
            if (cache.TryGetValue(Key(service.Id), out ServiceFact? fact) && fact is not null)
            {
                found[service.Id] = fact;
            }
            else
            {
                missing.Add(service);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var ids = missing.Select(s => s.Id).ToList();
        var terms = (await db.ServiceTerms.AsNoTracking().Where(st => ids.Contains(st.ServiceId)).Select(st => new { st.ServiceId, st.TaxonomyTermId }).ToListAsync())
            .ToLookup(st => st.ServiceId, st => VillageTaxonomy.Categories.FirstOrDefault(c => c.Id == st.TaxonomyTermId)?.Code);
        var languages = (await db.ServiceLanguages.AsNoTracking().Where(l => l.ServiceId != null && ids.Contains(l.ServiceId.Value)).Select(l => new { l.ServiceId, l.Code }).ToListAsync())
            .ToLookup(l => l.ServiceId!.Value, l => l.Code);
        var free = (await db.CostOptions.AsNoTracking().Where(c => ids.Contains(c.ServiceId) && c.Amount == 0).Select(c => c.ServiceId).ToListAsync()).ToHashSet();
        var towns = (await db.ServiceAtLocations.AsNoTracking().Where(sl => ids.Contains(sl.ServiceId))
                .Join(db.Addresses, sl => sl.LocationId, a => a.LocationId, (sl, a) => new { sl.ServiceId, a.LocationId, a.City }).ToListAsync())
            .ToLookup(a => a.ServiceId);
        var schedules = await db.ByServiceAsync(ids);
        foreach (var (id, timeZone) in missing)
        {
            var fact = new ServiceFact(
                [.. terms[id].OfType<string>()],
                [.. languages[id].OfType<string>().Distinct()],
                free.Contains(id),
                towns[id].DistinctBy(a => a.LocationId).ToDictionary(a => a.LocationId, a => a.City),
                new OpeningHours(schedules[id], timeZone));
            if (keep > TimeSpan.Zero)
            {
                cache.Set(Key(id), fact, keep);
            }

            found[id] = fact;
        }

        return found;
    }

    private static (string, Guid) Key(Guid serviceId) => (nameof(ServiceFacts), serviceId);
}

public sealed record ServiceFact(
    IReadOnlyList<string> Categories, IReadOnlyList<string> Languages, bool Free, IReadOnlyDictionary<Guid, string> Towns, OpeningHours Hours);

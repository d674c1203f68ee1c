using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.ServiceDirectory.Search;

/// <summary>The schedules of services, whether they hang on the service itself (as Village's forms write them) or on
/// one of its places (as many HSDS datasets do): one round trip.</summary>
public static class ServiceSchedules
{
    public static async Task<ILookup<Guid, Schedule>> ByServiceAsync(this VillageDb db, IReadOnlyCollection<Guid> serviceIds)
    {
        if (serviceIds.Count == 0)
        {
            return Array.Empty<Schedule>().ToLookup(_ => Guid.Empty);
        }

        var own = db.Schedules.AsNoTracking()
            .Where(s => s.ServiceId != null && serviceIds.Contains(s.ServiceId.Value))
            .Select(s => new { ServiceId = s.ServiceId!.Value, Schedule = s });
        var atPlaces = db.Schedules.AsNoTracking()
            .Join(db.ServiceAtLocations.Where(sl => serviceIds.Contains(sl.ServiceId)), s => s.ServiceAtLocationId, sl => (Guid?)sl.Id, (s, sl) => new { sl.ServiceId, Schedule = s });
        var rows = await own.Concat(atPlaces).ToListAsync();
        return rows.DistinctBy(r => r.Schedule.Id).ToLookup(r => r.ServiceId, r => r.Schedule);
    }
}

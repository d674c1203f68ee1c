using Microsoft.EntityFrameworkCore;
using Village.Web.Features.Moderation;
using Village.Web.Features.Outings;
using Village.Web.Features.Profiles;

namespace Village.Tests.Support;

/// <summary>Outings, dates and participations written straight to the database, for the discovery and calendar tests
/// (the outing pages are another feature's). Each test takes a spot of its own, far from the others' (a degree of
/// latitude apart), so that searches see only that test's outings.</summary>
public static class OutingData
{
    public const string Brussels = "Europe/Brussels";

    private static int spots;

    /// <summary>A position no other test uses: more than 100 km from every other spot.</summary>
    public static (double Latitude, double Longitude) NewSpot()
    {
        var n = Interlocked.Increment(ref spots);
        return (30 + (n % 50), 2 + (n / 50));
    }

    /// <summary>Wall-clock time in a zone to UTC.</summary>
    public static DateTime Utc(DateTime local, string zone = Brussels) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(zone));

    /// <summary>An outing with one date per start (UTC), lasting 90 minutes; the organiser (if any) going to each.</summary>
    public static async Task<(Outing Outing, List<OutingOccurrence> Dates)> AddOutingAsync(
        this VillageFactory factory, string title, (double Latitude, double Longitude) at, Guid? organizerId, IEnumerable<DateTime> startsUtc,
        Action<Outing>? configure = null)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var starts = startsUtc.ToList();
        var outing = new Outing
        {
            Id = Guid.CreateVersion7(),
            OrganizerId = organizerId,
            Title = title,
            Description = "Un moment tranquille entre parents.",
            Address = "Rue de Fer 12",
            TownId = "TEST",
            TownName = "Testville",
            Country = "BE",
            Latitude = at.Latitude,
            Longitude = at.Longitude,
            MeetingPoint = "Devant le banc rouge",
            TimeZone = Brussels,
            // A wall-clock time; PostgreSQL keeps every DateTime as timestamptz, which takes only UTC kinds.
            StartsAtLocal = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(starts[0], TimeZoneInfo.FindSystemTimeZoneById(Brussels)), DateTimeKind.Utc),
            DurationMinutes = 90,
            MinAgeMonths = 0,
            MaxAgeMonths = 36,
            MaxFamilies = 4,
            IsFree = true,
            Setting = OutingSetting.Indoor,
            CreatedAt = now,
        };
        configure?.Invoke(outing);
        var dates = starts.Select(s => new OutingOccurrence
        {
            Id = Guid.CreateVersion7(),
            OutingId = outing.Id,
            StartsAt = s,
            EndsAt = s.AddMinutes(outing.DurationMinutes),
            GoingCount = organizerId is null ? 0 : 1,
        }).ToList();
        await factory.QueryAsync(db =>
        {
            db.Outings.Add(outing);
            db.OutingOccurrences.AddRange(dates);
            if (organizerId is Guid organizer)
            {
                db.OutingParticipations.AddRange(dates.Select(d => new OutingParticipation
                {
                    Id = Guid.CreateVersion7(),
                    OccurrenceId = d.Id,
                    MemberId = organizer,
                    Adults = 1,
                    Children = 1,
                    Status = ParticipationStatus.Going,
                    JoinedAt = now,
                }));
            }

            return db.SaveChangesAsync();
        });
        factory.ExpireKeptCopies();
        return (outing, dates);
    }

    public static async Task JoinAsync(this VillageFactory factory, Guid occurrenceId, Guid memberId, ParticipationStatus status = ParticipationStatus.Going)
    {
        await factory.QueryAsync(async db =>
        {
            db.OutingParticipations.Add(new OutingParticipation
            {
                Id = Guid.CreateVersion7(),
                OccurrenceId = occurrenceId,
                MemberId = memberId,
                Adults = 1,
                Children = 1,
                Status = status,
                JoinedAt = factory.Clock.GetUtcNow().UtcDateTime,
            });
            if (status == ParticipationStatus.Going)
            {
                await db.OutingOccurrences.Where(o => o.Id == occurrenceId).ExecuteUpdateAsync(s => s.SetProperty(o => o.GoingCount, o => o.GoingCount + 1));
            }

            return await db.SaveChangesAsync();
        });
        factory.ExpireKeptCopies();
    }

    public static Task<Guid> MemberIdAsync(this VillageFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Puts the parent's home at a position (and, if asked, a child of that age in months).</summary>
    public static async Task SetHomeAsync(this VillageFactory factory, Guid memberId, (double Latitude, double Longitude) at, int? childMonths = null)
    {
        await factory.QueryAsync(async db =>
        {
            await db.Profiles.Where(p => p.MemberId == memberId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Latitude, at.Latitude).SetProperty(p => p.Longitude, at.Longitude)
                .SetProperty(p => p.TownName, "Testville").SetProperty(p => p.TownId, "TEST").SetProperty(p => p.Country, "BE"));
            if (childMonths is int months)
            {
                var born = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(-months);
                db.Children.Add(new Child { Id = Guid.CreateVersion7(), ParentId = memberId, Year = born.Year, Month = born.Month, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync();
            }

            return 0;
        });
        factory.ExpireKeptCopies();
    }

    public static async Task BlockAsync(this VillageFactory factory, Guid blockerId, Guid blockedId)
    {
        await factory.QueryAsync(db =>
        {
            db.Blocks.Add(new Block { BlockerId = blockerId, BlockedId = blockedId, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        factory.ExpireKeptCopies();
    }

    /// <summary>Moves the app's clock to an instant (UTC); undo with <c>factory.Clock.Reset()</c>.</summary>
    public static void SetClock(this VillageFactory factory, DateTime utc)
    {
        factory.Clock.Reset();
        factory.Clock.Advance(utc - TimeProvider.System.GetUtcNow().UtcDateTime);
    }
}

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.Outings;

/// <summary>When an outing happens, computed from what the organiser wrote: a wall-clock time in the outing's time
/// zone, repeated every week or two. Tuesday 10:00 stays Tuesday 10:00 when the clocks change; a time that does not
/// exist (the spring gap, 02:30 on the last Sunday of March) moves forward by the gap. Pure: no database, no clock.</summary>
public static class OutingSchedule
{
    /// <summary>How far ahead a recurring outing's dates exist as occurrence rows.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(56);

    public const string DefaultTimeZone = "Europe/Paris";

    /// <summary>The time zone parents of a country write their times in.</summary>
    public static string TimeZoneFor(string? country) => country?.ToUpperInvariant() switch
    {
        "BE" => "Europe/Brussels",
        "LU" => "Europe/Luxembourg",
        "CH" => "Europe/Zurich",
        _ => DefaultTimeZone,
    };

    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    /// <summary>The UTC instant of a wall-clock time: a time in the spring gap moves forward by the gap (02:30 becomes
    /// 03:30); an ambiguous autumn time is the first of the two (summer time).</summary>
    public static DateTime ToUtc(DateTime local, string timeZone)
    {
        var zone = Zone(timeZone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap, applied to the wall-clock time, lands just after the gap.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return DateTime.SpecifyKind(local - offsets.Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZone));

    public static int IntervalDays(OutingRecurrence recurrence) => recurrence switch
    {
        OutingRecurrence.Weekly => 7,
        OutingRecurrence.EveryTwoWeeks => 14,
        _ => 0,
    };

    /// <summary>The outing's dates (UTC start and end) that start in [fromUtc, untilUtc), in order.</summary>
    public static IEnumerable<(DateTime StartsAt, DateTime EndsAt)> Dates(Outing outing, DateTime fromUtc, DateTime untilUtc)
    {
        var interval = IntervalDays(outing.Recurrence);
        var local = outing.StartsAtLocal;
        var duration = TimeSpan.FromMinutes(outing.DurationMinutes);
        for (var k = 0; k < 10_000; k++)
        {
            var day = local.AddDays((double)k * interval);
            if (k > 0 && (interval == 0 || (outing.RepeatUntil is { } until && DateOnly.FromDateTime(day) > until)))
            {
                yield break;
            }

            var starts = ToUtc(day, outing.TimeZone);
            if (starts >= untilUtc)
            {
                yield break;
            }

            if (starts >= fromUtc)
            {
                yield return (starts, ToUtc(day + duration, outing.TimeZone));
            }

            if (interval == 0)
            {
                yield break;
            }
        }
    }

    /// <summary>When the day-before reminder is due: 18:00 local on the eve of the date.</summary>
    public static DateTime DayBeforeReminderAt(DateTime startsAtUtc, string timeZone)
    {
        var local = ToLocal(startsAtUtc, timeZone);
        return ToUtc(local.Date.AddDays(-1).AddHours(18), timeZone);
    }

    /// <summary>When the morning-of reminder is due: 07:30 local on the day.</summary>
    public static DateTime MorningReminderAt(DateTime startsAtUtc, string timeZone)
    {
        var local = ToLocal(startsAtUtc, timeZone);
        return ToUtc(local.Date.AddHours(7.5), timeZone);
    }
}

/// <summary>An outing's dates as occurrence rows: the coming <see cref="OutingSchedule.Horizon"/> of them, each with the
/// organiser's family going. Idempotent (a date already there is left alone; the unique (OutingId, StartsAt) index
/// stops a second instance doing the same at the same time).</summary>
public static class OutingDates
{
    /// <summary>Adds the missing dates of the coming weeks; returns how many were added.</summary>
    public static async Task<int> TopUpAsync(VillageDb db, Outing outing, DateTime now, CancellationToken cancellationToken = default)
    {
        if (outing.Status == OutingStatus.Cancelled)
        {
            return 0;
        }

        var wanted = OutingSchedule.Dates(outing, now, now + OutingSchedule.Horizon).ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }

        var from = wanted[0].StartsAt;
        var existing = await db.OutingOccurrences.Where(o => o.OutingId == outing.Id && o.StartsAt >= from)
            .Select(o => o.StartsAt).ToListAsync(cancellationToken);
        var missing = wanted.Where(w => !existing.Contains(w.StartsAt)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        foreach (var (startsAt, endsAt) in missing)
        {
            var occurrence = new OutingOccurrence
            {
                Id = Guid.CreateVersion7(),
                OutingId = outing.Id,
                StartsAt = startsAt,
                EndsAt = endsAt,
                GoingCount = outing.OrganizerId is null ? 0 : 1,
            };
            db.OutingOccurrences.Add(occurrence);
            if (outing.OrganizerId is { } organizer)
            {
                db.OutingParticipations.Add(new OutingParticipation
                {
                    Id = Guid.CreateVersion7(),
                    OccurrenceId = occurrence.Id,
                    MemberId = organizer,
                    Adults = 1,
                    Children = 1,
                    Status = ParticipationStatus.Going,
                    JoinedAt = now,
                });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request or instance added the same dates meanwhile: theirs stand.
            db.ChangeTracker.Clear();
            return 0;
        }

        return missing.Count;
    }

    /// <summary>Tops up every recurring outing still running (the daily job).</summary>
    public static async Task<int> TopUpAllAsync(VillageDb db, DateTime now, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(now);
        var horizon = now + OutingSchedule.Horizon - TimeSpan.FromDays(1);
        var due = await db.Outings.AsNoTracking()
            .Where(o => o.Status == OutingStatus.Scheduled && o.Recurrence != OutingRecurrence.None
                && (o.RepeatUntil == null || o.RepeatUntil >= today)
                && !db.OutingOccurrences.Any(x => x.OutingId == o.Id && x.StartsAt >= horizon))
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var outing in due)
        {
            added += await TopUpAsync(db, outing, now, cancellationToken);
        }

        return added;
    }
}

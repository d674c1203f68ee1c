using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.Outings;

/// <summary>An outing as a schema.org Event (JSON-LD) for its public page: the next date that is not over (or the last
/// one), its status, the public address and town, the organiser's display name, free or not, the ages.</summary>
public static class OutingEventData
{
    /// <summary>The encoder escapes &lt;, &gt;, &amp; and quotes as \u003C...: a "&lt;/script&gt;" in a title cannot close the
    /// script element.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<string?> JsonAsync(Outing outing, VillageDb db, DateTime now, string site)
    {
        var date = await db.OutingOccurrences.AsNoTracking().Where(d => d.OutingId == outing.Id && d.EndsAt >= now)
                .OrderBy(d => d.StartsAt).FirstOrDefaultAsync()
            ?? await db.OutingOccurrences.AsNoTracking().Where(d => d.OutingId == outing.Id).OrderByDescending(d => d.StartsAt).FirstOrDefaultAsync();
        if (date is null)
        {
            return null;
        }

        var organizer = await db.Profiles.AsNoTracking().Where(p => p.MemberId == outing.OrganizerId).Select(p => p.DisplayName).FirstOrDefaultAsync();
        return Json(outing, date, organizer, site);
    }

    public static string Json(Outing outing, OutingOccurrence date, string? organizer, string site)
    {
        var zone = OutingSchedule.Zone(outing.TimeZone);
        string Local(DateTime utc)
        {
            var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        }

        var cancelled = date.IsCancelled || outing.Status == OutingStatus.Cancelled;
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = outing.Title,
            ["description"] = outing.Description.Length > 300 ? outing.Description[..300] + "…" : outing.Description,
            ["startDate"] = Local(date.StartsAt),
            ["endDate"] = Local(date.EndsAt),
            ["eventStatus"] = cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["url"] = $"{site}/outings/{outing.Id}",
            ["location"] = new Dictionary<string, object?>
            {
                ["@type"] = "Place",
                ["name"] = outing.TownName,
                ["address"] = new Dictionary<string, object?>
                {
                    ["@type"] = "PostalAddress",
                    ["streetAddress"] = outing.Address.Length > 0 ? outing.Address : null,
                    ["addressLocality"] = outing.TownName,
                    ["addressCountry"] = outing.Country,
                },
            },
            ["organizer"] = organizer is null ? null : new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = organizer },
            ["isAccessibleForFree"] = outing.IsFree,
            ["typicalAgeRange"] = $"{outing.MinAgeMonths / 12}-{(outing.MaxAgeMonths + 11) / 12}",
            ["maximumAttendeeCapacity"] = outing.MaxFamilies,
        };
        return JsonSerializer.Serialize(data, Options);
    }
}

using System.Globalization;
using System.Text;

namespace Village.Web.Features.Calendar;

/// <summary>One event of a calendar file: a date of an outing.</summary>
public sealed record CalendarEvent(
    Guid OccurrenceId,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZone,
    string Title,
    string Description,
    string Location,
    string Url,
    int Sequence,
    CalendarStatus Status);

public enum CalendarStatus
{
    Confirmed = 0,
    Tentative = 1,
    Cancelled = 2,
}

/// <summary>Writes RFC 5545 iCalendar text by hand: CRLF line ends, lines folded at 75 octets without cutting a UTF-8
/// character, TEXT values escaped, one VTIMEZONE per TZID used (its observances computed from .NET's time zone rules
/// over the years the events cover), local DTSTART/DTEND with TZID, DTSTAMP in UTC, a UID stable per date.</summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTime stampUtc)
    {
        var list = events.ToList();
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Village//Sorties//FR");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(name));
        foreach (var zone in list.GroupBy(e => e.TimeZone))
        {
            var years = zone.SelectMany(e => new[] { e.StartsAt.Year, e.EndsAt.Year }).ToList();
            WriteTimeZone(text, zone.Key, years.Min(), years.Max());
        }

        foreach (var e in list)
        {
            var zone = Outings.OutingSchedule.Zone(e.TimeZone);
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{e.OccurrenceId}@village");
            Line(text, "DTSTAMP:" + Utc(stampUtc));
            Line(text, $"DTSTART;TZID={e.TimeZone}:{Local(e.StartsAt, zone)}");
            Line(text, $"DTEND;TZID={e.TimeZone}:{Local(e.EndsAt, zone)}");
            Line(text, "SUMMARY:" + Escape(e.Title));
            if (e.Description.Length > 0)
            {
                Line(text, "DESCRIPTION:" + Escape(e.Description));
            }

            if (e.Location.Length > 0)
            {
                Line(text, "LOCATION:" + Escape(e.Location));
            }

            Line(text, "URL:" + e.Url);
            Line(text, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(text, "STATUS:" + e.Status.ToString().ToUpperInvariant());
            Line(text, "TRANSP:OPAQUE");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines; other control characters
    /// are not allowed in content lines and are dropped.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case ';': text.Append("\\;"); break;
                case ',': text.Append("\\,"); break;
                case '\n' or '\r': text.Append("\\n"); break;
                case < ' ' or '\u007f': break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }

    /// <summary>Appends a content line folded at 75 octets (a CRLF and a space before each continuation), never
    /// inside a UTF-8 sequence (nor between the halves of a surrogate pair).</summary>
    public static void Line(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            output.Append(line, i, width);
            octets += size;
            i += width - 1;
        }

        output.Append("\r\n");
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>A VTIMEZONE for the years given: the offset in force on 1 January of the first year, then each change
    /// of offset the zone's rules make up to the end of the last year, as one observance each (STANDARD or DAYLIGHT,
    /// DTSTART in the local time before the change, as RFC 5545 wants).</summary>
    private static void WriteTimeZone(StringBuilder text, string id, int firstYear, int lastYear)
    {
        var zone = Outings.OutingSchedule.Zone(id);
        var start = new DateTime(firstYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(lastYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Line(text, "BEGIN:VTIMEZONE");
        Line(text, "TZID:" + id);
        var offset = zone.GetUtcOffset(start);
        Observance(text, zone.IsDaylightSavingTime(start), start + offset, offset, offset);
        foreach (var (at, from, to) in Transitions(zone, start, end))
        {
            Observance(text, zone.IsDaylightSavingTime(at), at + from, from, to);
        }

        Line(text, "END:VTIMEZONE");
    }

    /// <summary>The instants (UTC) where the zone's offset changes: found day by day, then to the minute.</summary>
    private static IEnumerable<(DateTime At, TimeSpan From, TimeSpan To)> Transitions(TimeZoneInfo zone, DateTime start, DateTime end)
    {
        var offset = zone.GetUtcOffset(start);
        for (var day = start; day < end; day = day.AddDays(1))
        {
            var next = zone.GetUtcOffset(day.AddDays(1));
            if (next == offset)
            {
                continue;
            }

            var (low, high) = (day, day.AddDays(1));
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + ((high - low) / 2);
                if (zone.GetUtcOffset(middle) == offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            var at = new DateTime(high.Ticks - (high.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            if (zone.GetUtcOffset(at) == offset)
            {
                at = at.AddMinutes(1);
            }

            yield return (at, offset, next);
            offset = next;
        }
    }

    private static void Observance(StringBuilder text, bool daylight, DateTime localStart, TimeSpan from, TimeSpan to)
    {
        var kind = daylight ? "DAYLIGHT" : "STANDARD";
        Line(text, "BEGIN:" + kind);
        Line(text, "DTSTART:" + localStart.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        Line(text, "TZOFFSETFROM:" + Offset(from));
        Line(text, "TZOFFSETTO:" + Offset(to));
        Line(text, "END:" + kind);
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
}

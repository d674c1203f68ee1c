using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Village.Web.Features.ServiceDirectory.Search;

/// <summary>How the directory says hours and openings: "9 h 30", "Ouvert maintenant jusqu'à 12 h", "Ouvre samedi à 9 h".</summary>
public static class DirectoryWords
{
    public static string Time(DateTime local, IStringLocalizer t) => Time(TimeOnly.FromDateTime(local), t);

    public static string Time(TimeOnly time, IStringLocalizer t) =>
        time.Minute == 0 ? t["Directory.Hour", time.Hour] : t["Directory.HourMinutes", time.Hour, time.Minute.ToString("00", CultureInfo.InvariantCulture)];

    public static string Span(DateTime opens, DateTime closes, IStringLocalizer t) => t["Directory.Span", Time(opens, t), Time(closes, t)];

    public static string DayName(DateOnly day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day.DayOfWeek);

    public static string Next(NextOpening? next, DateOnly today, IStringLocalizer t)
    {
        if (next is null)
        {
            return t["Directory.NoOpeningSoon"];
        }

        if (next.OpenNow)
        {
            return t["Directory.OpenUntil", Time(next.At, t)];
        }

        var day = DateOnly.FromDateTime(next.At);
        return (day.DayNumber - today.DayNumber) switch
        {
            0 => t["Directory.OpensToday", Time(next.At, t)],
            1 => t["Directory.OpensTomorrow", Time(next.At, t)],
            < 7 => t["Directory.OpensOn", DayName(day), Time(next.At, t)],
            _ => t["Directory.OpensOnDate", day.ToString("d MMMM", CultureInfo.CurrentCulture), Time(next.At, t)],
        };
    }
}

namespace Village.Web.Features.ServiceDirectory.Search;

/// <summary>The public holidays of Belgium and France: fixed dates and the ones that follow Easter (Easter Monday,
/// Ascension, Whit Monday). Enough for "closed on public holidays"; regional days (Walloon, Alsace) are left out.</summary>
public static class PublicHolidays
{
    public static bool IsHoliday(DateOnly date, string country) => For(date.Year, country).Contains(date);

    /// <summary>The holidays of a year in "BE" or "FR"; none for another country.</summary>
    public static IReadOnlySet<DateOnly> For(int year, string country)
    {
        var easter = Easter(year);
        var days = new HashSet<DateOnly> { new(year, 1, 1), easter.AddDays(1), new(year, 5, 1), easter.AddDays(39), easter.AddDays(50), new(year, 8, 15), new(year, 11, 1), new(year, 11, 11), new(year, 12, 25) };
        switch (country.ToUpperInvariant())
        {
            case "BE":
                days.Add(new(year, 7, 21));
                break;
            case "FR":
                days.Add(new(year, 5, 8));
                days.Add(new(year, 7, 14));
                break;
            default:
                return new HashSet<DateOnly>();
        }

        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}

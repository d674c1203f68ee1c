using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.ServiceDirectory.Search;

namespace Village.Tests.Features.ServiceDirectory.Search;

/// <summary>Open now, next opening and "open on Saturday morning" from a service's schedules, in Europe/Brussels: across
/// midnight, closures and public holidays, special hours, and the nights the clocks change (29 March and 25 October
/// 2026).</summary>
public sealed class OpeningHoursTests
{
    private const string Everyday = "MO,TU,WE,TH,FR,SA,SU";

    private static Schedule Weekly(string days, int opens, int closes, DateOnly? from = null, DateOnly? to = null) => new()
    {
        Freq = ScheduleFrequency.Weekly,
        ByDay = days,
        OpensAt = new TimeOnly(opens, 0),
        ClosesAt = new TimeOnly(closes, 0),
        ValidFrom = from,
        ValidTo = to,
    };

    private static Schedule Closure(DateOnly from, DateOnly to) => new() { ValidFrom = from, ValidTo = to };

    private static Schedule Special(DateOnly day, int opens, int closes) =>
        new() { ValidFrom = day, ValidTo = day, OpensAt = new TimeOnly(opens, 0), ClosesAt = new TimeOnly(closes, 0) };

    private static OpeningHours Hours(params Schedule[] schedules) => new(schedules, "Europe/Brussels");

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void A_listening_line_from_20_00_to_02_00_is_open_at_01_00_on_Sunday_and_says_until_02_00()
    {
        // Saturday evening's line: Sunday 22 November 2026, 01:00 in Brussels is 00:00 UTC.
        var line = Hours(Weekly("SA", 20, 2));

        Assert.True(line.IsOpenAt(Utc(2026, 11, 22, 0)));
        Assert.Equal(new NextOpening(true, new DateTime(2026, 11, 22, 2, 0, 0)), line.Next(Utc(2026, 11, 22, 0)));
        Assert.False(line.IsOpenAt(Utc(2026, 11, 22, 1, 30)));
        Assert.Equal(new NextOpening(false, new DateTime(2026, 11, 28, 20, 0, 0)), line.Next(Utc(2026, 11, 22, 1, 30)));
        Assert.False(line.IsOpenAt(Utc(2026, 11, 21, 18)));
    }

    [Fact]
    public void Closed_on_25_December_by_a_closure_or_as_a_public_holiday_the_next_opening_is_on_the_26th()
    {
        var closed = Hours(Weekly(Everyday, 9, 17), Closure(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 25)));
        var holidays = new OpeningHours([Weekly(Everyday, 9, 17)], "Europe/Brussels", closedOnHolidaysOf: "BE");
        var christmasEve = Utc(2026, 12, 24, 17);
        var christmasMorning = Utc(2026, 12, 25, 10);

        foreach (var hours in new[] { closed, holidays })
        {
            Assert.False(hours.IsOpenAt(christmasMorning));
            Assert.Equal(new NextOpening(false, new DateTime(2026, 12, 26, 9, 0, 0)), hours.Next(christmasEve));
            Assert.True(hours.IsOpenAt(Utc(2026, 12, 26, 9)));
        }

        Assert.True(Hours(Weekly(Everyday, 9, 17)).IsOpenAt(christmasMorning));
        Assert.Equal([(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 25))], closed.ClosuresAhead(christmasEve, 30));
    }

    [Fact]
    public void Nine_o_clock_on_Sunday_is_07_00_UTC_in_summer_and_08_00_UTC_in_winter()
    {
        var hours = Hours(Weekly("SU", 9, 12));

        // 29 March 2026: the clocks went forward at 02:00 that night.
        Assert.False(hours.IsOpenAt(Utc(2026, 3, 29, 6, 59)));
        Assert.True(hours.IsOpenAt(Utc(2026, 3, 29, 7)));
        // 25 October 2026: back to winter time at 03:00 that night.
        Assert.False(hours.IsOpenAt(Utc(2026, 10, 25, 7, 30)));
        Assert.True(hours.IsOpenAt(Utc(2026, 10, 25, 8)));
        Assert.Equal(new NextOpening(false, new DateTime(2026, 10, 25, 9, 0, 0)), hours.Next(Utc(2026, 10, 25, 7, 30)));
    }

    [Fact]
    public void A_line_from_01_00_to_03_00_on_the_spring_forward_night_is_open_one_real_hour()
    {
        // 01:00 local is 00:00 UTC; 02:00 does not exist; 03:00 local is 01:00 UTC.
        var line = Hours(Weekly("SU", 1, 3));

        Assert.False(line.IsOpenAt(Utc(2026, 3, 28, 23, 59)));
        Assert.True(line.IsOpenAt(Utc(2026, 3, 29, 0, 30)));
        Assert.Equal(new NextOpening(true, new DateTime(2026, 3, 29, 3, 0, 0)), line.Next(Utc(2026, 3, 29, 0, 30)));
        Assert.False(line.IsOpenAt(Utc(2026, 3, 29, 1)));
    }

    [Fact]
    public void A_time_the_clocks_skip_opens_when_they_have_jumped()
    {
        var line = Hours(Weekly("SU", 2, 4));

        Assert.False(line.IsOpenAt(Utc(2026, 3, 29, 0, 30)));
        Assert.True(line.IsOpenAt(Utc(2026, 3, 29, 1)));
    }

    [Fact]
    public void Special_hours_replace_the_weekly_hours_on_their_day()
    {
        var saturday = new DateOnly(2026, 11, 28);
        var hours = Hours(Weekly("SA", 9, 12), Special(saturday, 14, 16));

        Assert.False(hours.IsOpenAt(Utc(2026, 11, 28, 9)));
        Assert.Equal(new NextOpening(false, new DateTime(2026, 11, 28, 14, 0, 0)), hours.Next(Utc(2026, 11, 28, 9)));
        Assert.True(hours.IsOpenAt(Utc(2026, 11, 28, 13, 30)));
        Assert.True(hours.IsOpenAt(Utc(2026, 12, 5, 9)));
        Assert.False(hours.IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, Utc(2026, 11, 23, 12)));
        Assert.True(hours.IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Afternoon, Utc(2026, 11, 23, 12)));
    }

    [Fact]
    public void Valid_dates_bound_the_weekly_hours()
    {
        var hours = Hours(Weekly("MO", 9, 12, to: new DateOnly(2026, 11, 30)), Weekly("MO", 14, 17, from: new DateOnly(2026, 12, 1)));

        Assert.True(hours.IsOpenAt(Utc(2026, 11, 30, 9)));
        Assert.False(hours.IsOpenAt(Utc(2026, 12, 7, 9)));
        Assert.True(hours.IsOpenAt(Utc(2026, 12, 7, 14)));
        Assert.Equal(new NextOpening(false, new DateTime(2026, 12, 7, 14, 0, 0)), hours.Next(Utc(2026, 11, 30, 12)));
    }

    [Fact]
    public void Open_on_Saturday_morning_means_open_at_some_point_between_8_and_12()
    {
        var monday = Utc(2026, 11, 23, 12);

        Assert.True(Hours(Weekly("SA", 9, 12)).IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, monday));
        Assert.True(Hours(Weekly("SA", 11, 15)).IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, monday));
        Assert.False(Hours(Weekly("SA", 12, 15)).IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, monday));
        Assert.False(Hours(Weekly("SA", 7, 8)).IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, monday));
        Assert.False(Hours(Weekly("FR", 9, 12)).IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, monday));
        // Friday night's line still runs on Saturday at 08:30.
        Assert.True(Hours(Weekly("FR", 22, 9)).IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, monday));
        Assert.False(Hours().IsOpenDuring(DayOfWeek.Saturday, PartOfDay.Morning, monday));
        Assert.Null(Hours().Next(monday));
    }

    [Fact]
    public void Public_holidays_follow_Easter_and_each_country()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), PublicHolidays.Easter(2026));
        Assert.Equal(new DateOnly(2025, 4, 20), PublicHolidays.Easter(2025));
        Assert.Equal(new DateOnly(2027, 3, 28), PublicHolidays.Easter(2027));
        Assert.True(PublicHolidays.IsHoliday(new DateOnly(2026, 4, 6), "BE"));
        Assert.True(PublicHolidays.IsHoliday(new DateOnly(2026, 5, 14), "FR"));
        Assert.True(PublicHolidays.IsHoliday(new DateOnly(2026, 5, 25), "BE"));
        Assert.True(PublicHolidays.IsHoliday(new DateOnly(2026, 7, 21), "BE"));
        Assert.False(PublicHolidays.IsHoliday(new DateOnly(2026, 7, 21), "FR"));
        Assert.True(PublicHolidays.IsHoliday(new DateOnly(2026, 7, 14), "FR"));
        Assert.True(PublicHolidays.IsHoliday(new DateOnly(2026, 5, 8), "FR"));
        Assert.False(PublicHolidays.IsHoliday(new DateOnly(2026, 5, 8), "BE"));
        Assert.False(PublicHolidays.IsHoliday(new DateOnly(2026, 12, 25), "DE"));
    }
}

namespace Village.Web.Features.Newsletter;

/// <summary>When issues fall due. Weekly: every chosen weekday. Every two weeks: the chosen weekday of every other
/// week (weeks counted from a fixed Monday, so the rhythm never drifts). Monthly: the first chosen weekday of the
/// month. An issue goes out from <see cref="NewsletterOptions.SendHourUtc"/> on its day; a day too close to the last
/// issue (sent late, or before the admins changed the weekday) waits for the next one. The gap is counted from the
/// day the last issue really went out.</summary>
public static class NewsletterSchedule
{
    public const DayOfWeek DefaultWeekday = DayOfWeek.Monday;

    public static bool FallsOn(NewsletterFrequency frequency, DayOfWeek weekday, DateOnly day) =>
        day.DayOfWeek == weekday && frequency switch
        {
            NewsletterFrequency.Weekly => true,
            NewsletterFrequency.EveryTwoWeeks => day.DayNumber / 7 % 2 == 0,
            NewsletterFrequency.Monthly => day.Day <= 7,
            _ => false,
        };

    /// <summary>How far back the first issue of a community looks, and the usual length of a period.</summary>
    public static int PeriodDays(NewsletterFrequency frequency) => frequency switch
    {
        NewsletterFrequency.EveryTwoWeeks => 14,
        NewsletterFrequency.Monthly => 31,
        _ => 7,
    };

    private static int MinimumGapDays(NewsletterFrequency frequency) => PeriodDays(frequency) switch
    {
        31 => 27,
        var days => days - 1,
    };

    /// <summary>The period due now and not sent yet, or null: the latest day of the rhythm whose send hour has
    /// passed, unless the last issue went out that day, after it, or too short a time before it.</summary>
    public static DateOnly? Due(NewsletterFrequency frequency, DayOfWeek weekday, DateTime nowUtc, int sendHourUtc, DateOnly? lastSent)
    {
        if (frequency == NewsletterFrequency.Off)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(nowUtc);
        var day = nowUtc.Hour >= sendHourUtc ? today : today.AddDays(-1);
        for (var i = 0; i < 40 && !FallsOn(frequency, weekday, day); i++)
        {
            day = day.AddDays(-1);
        }

        return FarEnough(frequency, day, lastSent) ? day : null;
    }

    /// <summary>The day the next issue goes out (today when one is due now), or null when the newsletter is off.</summary>
    public static DateOnly? Next(NewsletterFrequency frequency, DayOfWeek weekday, DateTime nowUtc, int sendHourUtc, DateOnly? lastSent)
    {
        if (frequency == NewsletterFrequency.Off)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(nowUtc);
        if (Due(frequency, weekday, nowUtc, sendHourUtc, lastSent) is not null)
        {
            return today;
        }

        var day = nowUtc.Hour >= sendHourUtc ? today.AddDays(1) : today;
        for (var i = 0; i < 80 && !(FallsOn(frequency, weekday, day) && FarEnough(frequency, day, lastSent)); i++)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static bool FarEnough(NewsletterFrequency frequency, DateOnly day, DateOnly? lastSent) =>
        lastSent is not { } last || day.DayNumber - last.DayNumber >= MinimumGapDays(frequency);
}

using Village.Web.Features.Outings;

namespace Village.Tests.Features.Outings;

/// <summary>The dates of an outing from what the organiser wrote: wall-clock times in the outing's zone, across the
/// clock changes of Europe/Brussels (last Sunday of March and of October).</summary>
public sealed class ScheduleTests
{
    private static Outing Weekly(DateTime local, OutingRecurrence recurrence = OutingRecurrence.Weekly, DateOnly? until = null) => new()
    {
        StartsAtLocal = local,
        TimeZone = "Europe/Brussels",
        DurationMinutes = 90,
        Recurrence = recurrence,
        RepeatUntil = until,
    };

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void A_Tuesday_10_00_coffee_stays_at_10_00_local_when_the_clocks_go_forward_in_March()
    {
        // Clocks go forward on Sunday 28 March 2027 in Brussels: 10:00 is 09:00 UTC before, 08:00 UTC after.
        var outing = Weekly(new DateTime(2027, 3, 16, 10, 0, 0));
        var dates = OutingSchedule.Dates(outing, Utc(2027, 3, 1, 0), Utc(2027, 4, 10, 0)).ToList();

        Assert.Equal([Utc(2027, 3, 16, 9), Utc(2027, 3, 23, 9), Utc(2027, 3, 30, 8), Utc(2027, 4, 6, 8)], dates.Select(d => d.StartsAt));
        Assert.All(dates, d => Assert.Equal(TimeSpan.FromMinutes(90), d.EndsAt - d.StartsAt));
        Assert.All(dates, d => Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(OutingSchedule.ToLocal(d.StartsAt, "Europe/Brussels"))));
    }

    [Fact]
    public void A_Tuesday_10_00_coffee_stays_at_10_00_local_when_the_clocks_go_back_in_October()
    {
        // Clocks go back on Sunday 25 October 2026: 10:00 is 08:00 UTC before, 09:00 UTC after.
        var outing = Weekly(new DateTime(2026, 10, 13, 10, 0, 0));
        var dates = OutingSchedule.Dates(outing, Utc(2026, 10, 1, 0), Utc(2026, 11, 4, 0)).Select(d => d.StartsAt).ToList();

        Assert.Equal([Utc(2026, 10, 13, 8), Utc(2026, 10, 20, 8), Utc(2026, 10, 27, 9), Utc(2026, 11, 3, 9)], dates);
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_and_an_autumn_time_that_happens_twice_is_the_first()
    {
        // 02:30 does not exist on 28 March 2027 in Brussels: it becomes 03:30 summer time (01:30 UTC).
        Assert.Equal(Utc(2027, 3, 28, 1, 30), OutingSchedule.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0), "Europe/Brussels"));
        // 02:30 happens twice on 25 October 2026: the first one, still in summer time (00:30 UTC).
        Assert.Equal(Utc(2026, 10, 25, 0, 30), OutingSchedule.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), "Europe/Brussels"));
        var sundays = OutingSchedule.Dates(Weekly(new DateTime(2027, 3, 21, 2, 30, 0)), Utc(2027, 3, 1, 0), Utc(2027, 4, 5, 0)).Select(d => d.StartsAt);
        Assert.Equal([Utc(2027, 3, 21, 1, 30), Utc(2027, 3, 28, 1, 30), Utc(2027, 4, 4, 0, 30)], sundays);
    }

    [Fact]
    public void Repeats_stop_at_the_last_day_every_two_weeks_skips_a_week_and_a_one_off_has_one_date()
    {
        var until = Weekly(new DateTime(2026, 12, 1, 10, 0, 0), until: new DateOnly(2026, 12, 15));
        Assert.Equal(3, OutingSchedule.Dates(until, Utc(2026, 11, 1, 0), Utc(2027, 6, 1, 0)).Count());

        var fortnight = Weekly(new DateTime(2026, 12, 1, 10, 0, 0), OutingRecurrence.EveryTwoWeeks);
        Assert.Equal([Utc(2026, 12, 1, 9), Utc(2026, 12, 15, 9), Utc(2026, 12, 29, 9)], OutingSchedule.Dates(fortnight, Utc(2026, 11, 1, 0), Utc(2027, 1, 1, 0)).Select(d => d.StartsAt));

        var once = Weekly(new DateTime(2026, 12, 1, 10, 0, 0), OutingRecurrence.None);
        Assert.Single(OutingSchedule.Dates(once, Utc(2026, 11, 1, 0), Utc(2027, 6, 1, 0)));
        // Only dates in the window: the past ones of a recurring outing are not listed again.
        Assert.Equal(Utc(2026, 12, 15, 9), OutingSchedule.Dates(fortnight, Utc(2026, 12, 2, 0), Utc(2027, 1, 1, 0)).First().StartsAt);
    }

    [Fact]
    public void Time_zones_follow_the_country_and_reminders_fall_at_18_00_the_eve_and_07_30_the_day()
    {
        Assert.Equal("Europe/Brussels", OutingSchedule.TimeZoneFor("BE"));
        Assert.Equal("Europe/Paris", OutingSchedule.TimeZoneFor("FR"));
        Assert.Equal("Europe/Luxembourg", OutingSchedule.TimeZoneFor("LU"));
        Assert.Equal("Europe/Zurich", OutingSchedule.TimeZoneFor("CH"));
        Assert.Equal("Europe/Paris", OutingSchedule.TimeZoneFor(null));

        // Tuesday 30 March 2027, 10:00 in Brussels (08:00 UTC): the eve is Monday 29 at 18:00 summer time.
        Assert.Equal(Utc(2027, 3, 29, 16), OutingSchedule.DayBeforeReminderAt(Utc(2027, 3, 30, 8), "Europe/Brussels"));
        Assert.Equal(Utc(2027, 3, 30, 5, 30), OutingSchedule.MorningReminderAt(Utc(2027, 3, 30, 8), "Europe/Brussels"));
        // Monday 29 March, 10:00: its eve is Sunday 28, the day the clocks changed, 18:00 summer time.
        Assert.Equal(Utc(2027, 3, 28, 16), OutingSchedule.DayBeforeReminderAt(Utc(2027, 3, 29, 8), "Europe/Brussels"));
    }
}

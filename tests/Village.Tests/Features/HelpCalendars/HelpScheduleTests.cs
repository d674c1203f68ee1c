using Village.Web.Features.HelpCalendars;

namespace Village.Tests.Features.HelpCalendars;

/// <summary>How a need is cut into turns: the dates of each repeat, the last-date bound, wall-clock times kept across
/// both clock changes, and a night that ends the next morning.</summary>
public sealed class HelpScheduleTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Once_gives_the_first_date_only_whatever_the_last_date()
    {
        Assert.Equal([Monday], HelpSchedule.Dates(Monday, HelpRepeat.Once, Monday.AddDays(30)));
    }

    [Fact]
    public void Every_day_weekdays_and_every_week_give_their_dates()
    {
        Assert.Equal(14, HelpSchedule.Dates(Monday, HelpRepeat.Daily, Monday.AddDays(13)).Count());
        var weekdays = HelpSchedule.Dates(Monday, HelpRepeat.Weekdays, Monday.AddDays(13)).ToList();
        Assert.Equal(10, weekdays.Count);
        Assert.DoesNotContain(weekdays, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal([Monday, Monday.AddDays(7), Monday.AddDays(14)], HelpSchedule.Dates(Monday, HelpRepeat.Weekly, Monday.AddDays(20)));
    }

    [Fact]
    public void A_repeat_never_runs_past_the_bound()
    {
        var dates = HelpSchedule.Dates(Monday, HelpRepeat.Daily, Monday.AddDays(400)).ToList();
        Assert.Equal(HelpConfiguration.RepeatDaysMax + 1, dates.Count);
        Assert.Equal(Monday.AddDays(HelpConfiguration.RepeatDaysMax), dates[^1]);
    }

    [Fact]
    public void Six_pm_stays_six_pm_across_both_clock_changes_in_Brussels()
    {
        var start = new TimeOnly(18, 0);
        var end = new TimeOnly(19, 0);
        // Winter (UTC+1) and summer (UTC+2), either side of the last Sunday of March and of October 2027.
        Assert.Equal(new DateTime(2027, 3, 27, 17, 0, 0, DateTimeKind.Utc), HelpSchedule.Window(new(2027, 3, 27), start, end, "Europe/Brussels").StartsAt);
        Assert.Equal(new DateTime(2027, 3, 28, 16, 0, 0, DateTimeKind.Utc), HelpSchedule.Window(new(2027, 3, 28), start, end, "Europe/Brussels").StartsAt);
        Assert.Equal(new DateTime(2027, 10, 30, 16, 0, 0, DateTimeKind.Utc), HelpSchedule.Window(new(2027, 10, 30), start, end, "Europe/Paris").StartsAt);
        Assert.Equal(new DateTime(2027, 10, 31, 17, 0, 0, DateTimeKind.Utc), HelpSchedule.Window(new(2027, 10, 31), start, end, "Europe/Paris").StartsAt);
    }

    [Fact]
    public void A_night_ends_the_next_morning_even_when_the_clocks_change_that_night()
    {
        var (startsAt, endsAt) = HelpSchedule.Window(new(2026, 11, 23), new(21, 0), new(7, 0), "Europe/Paris");
        Assert.Equal(new DateTime(2026, 11, 23, 20, 0, 0, DateTimeKind.Utc), startsAt);
        Assert.Equal(new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), endsAt);

        // The night of 27 to 28 March 2027 loses an hour: 21:00 (UTC+1) to 07:00 (UTC+2) is nine hours.
        var spring = HelpSchedule.Window(new(2027, 3, 27), new(21, 0), new(7, 0), "Europe/Paris");
        Assert.Equal(TimeSpan.FromHours(9), spring.EndsAt - spring.StartsAt);
        var autumn = HelpSchedule.Window(new(2027, 10, 30), new(21, 0), new(7, 0), "Europe/Paris");
        Assert.Equal(TimeSpan.FromHours(11), autumn.EndsAt - autumn.StartsAt);
    }

    [Fact]
    public void A_day_need_ending_before_it_starts_is_refused_but_a_night_is_fine()
    {
        var today = new DateOnly(2026, 11, 22);
        var meal = new HelpNeedInput { Kind = HelpKind.Meal, StartTime = "19:00", EndTime = "18:00", FirstDate = "2026-11-23" };
        Assert.Contains(("Input.EndTime", "Help.EndBeforeStart"), meal.Problems(today));
        var night = new HelpNeedInput { Kind = HelpKind.NightSupport, StartTime = "21:00", EndTime = "07:00", FirstDate = "2026-11-23" };
        Assert.Empty(night.Problems(today));
    }

    [Fact]
    public void The_input_refuses_a_last_date_too_far_or_missing_and_a_past_first_date()
    {
        var today = new DateOnly(2026, 11, 22);
        var far = new HelpNeedInput { Repeat = HelpRepeat.Daily, FirstDate = "2026-11-23", LastDate = "2027-03-01" };
        Assert.Contains(("Input.LastDate", "Help.LastDateTooFar"), far.Problems(today));
        var missing = new HelpNeedInput { Repeat = HelpRepeat.Weekly, FirstDate = "2026-11-23" };
        Assert.Contains(("Input.LastDate", "Help.LastDateNeeded"), missing.Problems(today));
        var past = new HelpNeedInput { FirstDate = "2026-11-21" };
        Assert.Contains(("Input.FirstDate", "Help.DatePast"), past.Problems(today));
        var ok = new HelpNeedInput { Repeat = HelpRepeat.Daily, FirstDate = "2026-11-23", LastDate = "2027-02-15" };
        Assert.Empty(ok.Problems(today));
    }
}

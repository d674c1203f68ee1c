using Village.Web.Features.Newsletter;

namespace Village.Tests.Features.Newsletter;

/// <summary>When issues fall due, by the calendar alone.</summary>
public sealed class NewsletterScheduleTests
{
    // Monday 23 November 2026.
    private static readonly DateTime MondayMorning = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_weekly_issue_is_due_from_the_send_hour_of_its_day_and_only_once()
    {
        var monday = DateOnly.FromDateTime(MondayMorning);

        Assert.Equal(monday, NewsletterSchedule.Due(NewsletterFrequency.Weekly, DayOfWeek.Monday, MondayMorning, 6, null));
        Assert.Equal(monday.AddDays(-7), NewsletterSchedule.Due(NewsletterFrequency.Weekly, DayOfWeek.Monday, MondayMorning.AddHours(-4), 6, monday.AddDays(-14)));
        Assert.Null(NewsletterSchedule.Due(NewsletterFrequency.Weekly, DayOfWeek.Monday, MondayMorning, 6, monday));
        Assert.Equal(monday.AddDays(7), NewsletterSchedule.Next(NewsletterFrequency.Weekly, DayOfWeek.Monday, MondayMorning, 6, monday));
        Assert.Null(NewsletterSchedule.Due(NewsletterFrequency.Off, DayOfWeek.Monday, MondayMorning, 6, null));
        Assert.Null(NewsletterSchedule.Next(NewsletterFrequency.Off, DayOfWeek.Monday, MondayMorning, 6, null));
    }

    [Fact]
    public void A_day_too_close_to_the_last_issue_sent_waits_for_the_next_one()
    {
        var monday = DateOnly.FromDateTime(MondayMorning);
        var wednesday = MondayMorning.AddDays(2);

        Assert.Null(NewsletterSchedule.Due(NewsletterFrequency.Weekly, DayOfWeek.Wednesday, wednesday, 6, monday));
        // Last week's issue went out late, on Sunday: Monday's waits for the Monday after.
        Assert.Null(NewsletterSchedule.Due(NewsletterFrequency.Weekly, DayOfWeek.Monday, MondayMorning, 6, monday.AddDays(-1)));
        Assert.Equal(monday.AddDays(7), NewsletterSchedule.Next(NewsletterFrequency.Weekly, DayOfWeek.Monday, MondayMorning, 6, monday.AddDays(-1)));
        Assert.Equal(monday.AddDays(9), NewsletterSchedule.Next(NewsletterFrequency.Weekly, DayOfWeek.Wednesday, wednesday, 6, monday));
    }

    [Fact]
    public void Every_two_weeks_skips_a_week_and_monthly_takes_the_first_chosen_weekday_of_the_month()
    {
        var days = Enumerable.Range(0, 70).Select(i => DateOnly.FromDateTime(MondayMorning).AddDays(i)).ToList();

        var fortnightly = days.Where(d => NewsletterSchedule.FallsOn(NewsletterFrequency.EveryTwoWeeks, DayOfWeek.Friday, d)).ToList();
        var monthly = days.Where(d => NewsletterSchedule.FallsOn(NewsletterFrequency.Monthly, DayOfWeek.Thursday, d)).ToList();

        Assert.True(fortnightly.Count >= 4);
        Assert.All(fortnightly.Zip(fortnightly.Skip(1)), pair => Assert.Equal(14, pair.Second.DayNumber - pair.First.DayNumber));
        Assert.Equal([new DateOnly(2026, 12, 3), new DateOnly(2027, 1, 7)], monthly);
    }
}

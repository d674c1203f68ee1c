using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Village.Web.Data;

namespace Village.Web.Features.HelpCalendars;

/// <summary>The need form's steps shared by the parent's page and a co-organiser's: the defaults, the checks, the
/// publishing.</summary>
public static class NeedPublishing
{
    /// <summary>Tomorrow, for two weeks, 18:00-19:00: the usual meal train.</summary>
    public static void Prefill(HelpNeedInput input, HelpCalendar calendar, DateTime now)
    {
        var tomorrow = HelpCalendarView.Today(calendar, now).AddDays(1);
        input.FirstDate = tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        input.LastDate = tomorrow.AddDays(13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Checks the input and publishes; returns the number of turns created, or null with the errors in the
    /// model state (the caller re-shows the form as a 400).</summary>
    public static async Task<int?> PublishAsync(VillageDb db, HelpViewer viewer, HelpNeedInput input, ModelStateDictionary modelState, DateTime now, IStringLocalizer t)
    {
        foreach (var (field, key) in input.Problems(HelpCalendarView.Today(viewer.Calendar, now)))
        {
            modelState.AddModelError(field, t[key, HelpConfiguration.RepeatDaysMax / 7]);
        }

        if (!modelState.IsValid)
        {
            return null;
        }

        var (need, refusal) = await HelpNeeds.PublishAsync(db, viewer, input, now);
        if (need is null)
        {
            modelState.AddModelError("", t[refusal!, HelpNeeds.NeedsMax]);
            return null;
        }

        return HelpSchedule.Dates(need.FirstDate, need.Repeat, need.LastDate).Count();
    }
}

using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.HelpCalendars;

/// <summary>Publishing a need and taking it back: one place for the parent's page and a co-organiser's.</summary>
public static class HelpNeeds
{
    /// <summary>At most this many needs in one calendar: beyond, the calendar is too long to read.</summary>
    public const int NeedsMax = 50;

    /// <summary>Creates the need and all its turns at once. Returns null with a text key when refused (closed calendar,
    /// not an organiser, too many needs). The input must have passed <see cref="HelpNeedInput.Problems"/>.</summary>
    public static async Task<(HelpNeed? Need, string? Refusal)> PublishAsync(VillageDb db, HelpViewer viewer, HelpNeedInput input, DateTime now, CancellationToken cancellationToken = default)
    {
        var calendar = viewer.Calendar;
        if (!viewer.CanOrganise || calendar.Status != HelpCalendarStatus.Open)
        {
            return (null, "Help.Refused");
        }

        if (await db.HelpNeeds.CountAsync(n => n.CalendarId == calendar.Id, cancellationToken) >= NeedsMax)
        {
            return (null, "Help.TooManyNeeds");
        }

        var first = HelpNeedInput.ParseDate(input.FirstDate) ?? throw new InvalidOperationException("Unchecked input.");
        var need = new HelpNeed
        {
            Id = Guid.CreateVersion7(),
            CalendarId = calendar.Id,
            Kind = input.Kind,
            Details = input.Details?.Trim() ?? "",
            Allergies = input.Allergies?.Trim() ?? "",
            StartTime = HelpNeedInput.ParseTime(input.StartTime) ?? throw new InvalidOperationException("Unchecked input."),
            EndTime = HelpNeedInput.ParseTime(input.EndTime) ?? throw new InvalidOperationException("Unchecked input."),
            FirstDate = first,
            Repeat = input.Repeat,
            LastDate = input.Repeat == HelpRepeat.Once ? first : HelpNeedInput.ParseDate(input.LastDate) ?? first,
            CreatedByHelperId = viewer.Helper?.Id,
            CreatedAt = now,
        };
        db.HelpNeeds.Add(need);
        foreach (var (date, startsAt, endsAt) in HelpSchedule.Turns(need, calendar.TimeZone))
        {
            db.HelpTurns.Add(new HelpTurn
            {
                Id = Guid.CreateVersion7(),
                NeedId = need.Id,
                CalendarId = calendar.Id,
                Date = date,
                StartsAt = startsAt,
                EndsAt = endsAt,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (need, null);
    }
}

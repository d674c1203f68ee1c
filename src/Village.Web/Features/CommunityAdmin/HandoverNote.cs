namespace Village.Web.Features.CommunityAdmin;

/// <summary>A dated word from one admin to the others ("Sarah s'occupe du troc de samedi"), so whoever takes over
/// knows what is going on.</summary>
public sealed class HandoverNote
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    /// <summary>Null once the author deleted their account: the note stays, unsigned.</summary>
    public Guid? AuthorId { get; set; }

    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>A text the admins of a community reuse when they answer or act ("Post retiré : publicité").</summary>
public sealed class ReplyTemplate
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }
}

/// <summary>The weekdays an admin looks after the community.</summary>
[Flags]
public enum DutyDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class DutyDaysExtensions
{
    public static DutyDays ToDutyDay(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => DutyDays.Monday,
        DayOfWeek.Tuesday => DutyDays.Tuesday,
        DayOfWeek.Wednesday => DutyDays.Wednesday,
        DayOfWeek.Thursday => DutyDays.Thursday,
        DayOfWeek.Friday => DutyDays.Friday,
        DayOfWeek.Saturday => DutyDays.Saturday,
        _ => DutyDays.Sunday,
    };

    /// <summary>Monday to Sunday, one flag each.</summary>
    public static IReadOnlyList<DutyDays> Week { get; } =
        [DutyDays.Monday, DutyDays.Tuesday, DutyDays.Wednesday, DutyDays.Thursday, DutyDays.Friday, DutyDays.Saturday, DutyDays.Sunday];
}

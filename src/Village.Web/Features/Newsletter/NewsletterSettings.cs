namespace Village.Web.Features.Newsletter;

/// <summary>How often a community's newsletter goes out, on which weekday, and the admins' note for the next
/// issue. A community without a row gets the defaults: weekly, on Mondays, no note.</summary>
public sealed class NewsletterSettings
{
    public Guid CommunityId { get; set; }

    public NewsletterFrequency Frequency { get; set; } = NewsletterFrequency.Weekly;

    public DayOfWeek Weekday { get; set; } = NewsletterSchedule.DefaultWeekday;

    /// <summary>Markdown without HTML (as posts), sent once with the next issue and then cleared.</summary>
    public string Note { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

public enum NewsletterFrequency
{
    Weekly = 0,
    EveryTwoWeeks = 1,
    Monthly = 2,
    Off = 3,
}

/// <summary>One period's newsletter of a community: sent, or skipped because nothing was new. Unique per
/// community and period, which is what keeps several app instances from sending it twice.</summary>
public sealed class NewsletterIssue
{
    public Guid Id { get; set; }

    public Guid CommunityId { get; set; }

    /// <summary>The day the issue fell due (midnight UTC): the period it stands for.</summary>
    public DateTime Period { get; set; }

    /// <summary>Posts created after this moment and up to <see cref="CoveredUntil"/> are in the issue.</summary>
    public DateTime CoveredFrom { get; set; }

    public DateTime CoveredUntil { get; set; }

    /// <summary>Nothing new and no note: no email went out.</summary>
    public bool Skipped { get; set; }

    /// <summary>The admins' note as it was sent.</summary>
    public string? Note { get; set; }

    public int PostCount { get; set; }

    public int RecipientCount { get; set; }
}

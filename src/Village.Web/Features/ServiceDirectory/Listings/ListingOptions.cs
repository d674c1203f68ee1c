namespace Village.Web.Features.ServiceDirectory.Listings;

public sealed class ListingOptions
{
    /// <summary>How many listing requests a member may send in any 24 hours.</summary>
    public int RequestsPerDay { get; set; } = 3;

    /// <summary>How often the reminders job looks for listings to review.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);
}

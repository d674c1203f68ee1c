namespace Village.Web.Features.Newsletter;

public sealed class NewsletterOptions
{
    /// <summary>How often the sender looks for newsletters that fell due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The hour (UTC) from which an issue goes out on its day: 6 is 7 or 8 in the morning in Belgium and France.</summary>
    public int SendHourUtc { get; set; } = 6;
}

namespace Village.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public string FromAddress { get; set; } = "bonjour@village.local";

    public string FromName { get; set; } = "Village";

    /// <summary>"Pickup" writes .eml files to <see cref="PickupDirectory"/> (no mail server needed); "Smtp" sends.</summary>
    public string Delivery { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 25;

    public bool SmtpSsl { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The site's public address, for links in emails written without a request (the newsletter).</summary>
    public string SiteUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the sender looks for due emails.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 6;
}

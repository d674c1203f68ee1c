namespace Village.Web.Infrastructure.Email;

/// <summary>An email waiting to be sent, written in the same transaction as the change that causes it.</summary>
public sealed class OutboxEmail
{
    public const int ListUnsubscribeMax = 2000;

    public Guid Id { get; set; }

    public Guid? MemberId { get; set; }

    public string ToAddress { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    /// <summary>The one-click unsubscribe address (RFC 8058) of a newsletter; the sender writes it as the
    /// List-Unsubscribe and List-Unsubscribe-Post headers.</summary>
    public string? ListUnsubscribe { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>An instance that claims an email holds it until then, so several instances never send it twice.</summary>
    public DateTime? LeasedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when the sender gave up after the last retry.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }
}

namespace Village.Web.Features.Parents;

/// <summary>A short greeting from one parent to another found nearby. Only an accepted hello opens a conversation; a
/// declined one stays "sent" for its author, who is never told. One hello per pair of parents, ever.</summary>
public sealed class Hello
{
    public Guid Id { get; set; }

    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    public string Text { get; set; } = "";

    public HelloStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The conversation the acceptance opened.</summary>
    public Guid? ConversationId { get; set; }
}

public enum HelloStatus
{
    Waiting = 0,
    Accepted = 1,

    /// <summary>Declined silently: its author still sees it as sent.</summary>
    Declined = 2,
}

namespace Village.Web.Features.CheckIn;

/// <summary>A check-in the parent chose to keep. The answers are health data: stored only with the parent's explicit
/// consent, protected with Data Protection (<see cref="CheckInProtector"/>), never in an email or a notification, and
/// deleted when the parent asks.</summary>
public sealed class CheckInEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MemberId { get; set; }

    public DateTime TakenAt { get; set; }

    /// <summary>The answers as JSON, protected: unreadable in the database.</summary>
    public string ProtectedAnswers { get; set; } = "";
}

/// <summary>"Check in again in two weeks", when the parent asked for it. The email says only that a reminder is waiting
/// on Village, without a word about what for.</summary>
public sealed class CheckInReminder
{
    public Guid MemberId { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? SentAt { get; set; }
}

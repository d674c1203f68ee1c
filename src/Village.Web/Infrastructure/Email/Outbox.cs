using Village.Web.Data;

namespace Village.Web.Infrastructure.Email;

/// <summary>Queues emails in the caller's unit of work: nothing leaves unless the caller's SaveChanges commits.</summary>
public sealed class Outbox(VillageDb db, TimeProvider clock)
{
    public void Add(string toAddress, EmailMessage message, Guid? memberId = null, string? listUnsubscribe = null, DateTime? notBefore = null) =>
        Add(toAddress, message.Subject, message.Text(), message.Html(), memberId, listUnsubscribe, notBefore);

    /// <summary>An email rendered by its feature (e.g. a newsletter), with its one-click unsubscribe address; held
    /// until <paramref name="notBefore"/> when given (the end of the recipient's quiet hours).</summary>
    public void Add(string toAddress, string subject, string textBody, string htmlBody, Guid? memberId, string? listUnsubscribe = null, DateTime? notBefore = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxEmails.Add(new OutboxEmail
        {
            Id = Guid.CreateVersion7(),
            MemberId = memberId,
            ToAddress = toAddress,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            ListUnsubscribe = listUnsubscribe,
            CreatedAt = now,
            NextAttemptAt = notBefore is { } later && later > now ? later : now,
        });
    }
}

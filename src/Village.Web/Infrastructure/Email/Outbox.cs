using Village.Web.Data;

namespace Village.Web.Infrastructure.Email;

/// <summary>Queues emails in the caller's unit of work: nothing leaves unless the caller's SaveChanges commits.</summary>
public sealed class Outbox(VillageDb db, TimeProvider clock)
{
    public void Add(string toAddress, EmailMessage message, Guid? memberId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxEmails.Add(new OutboxEmail
        {
            Id = Guid.CreateVersion7(),
            MemberId = memberId,
            ToAddress = toAddress,
            Subject = message.Subject,
            TextBody = message.Text(),
            HtmlBody = message.Html(),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Village.Web.Infrastructure.Email;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> email)
    {
        email.ToTable("OutboxEmails");
        email.Property(e => e.ToAddress).HasMaxLength(256);
        email.Property(e => e.Subject).HasMaxLength(300);
        email.Property(e => e.LastError).HasMaxLength(1000);
        email.Property(e => e.ListUnsubscribe).HasMaxLength(OutboxEmail.ListUnsubscribeMax);
        // The sender looks for unsent emails that are due.
        email.HasIndex(e => new { e.SentAt, e.FailedAt, e.NextAttemptAt });
        email.HasIndex(e => e.MemberId);
    }
}

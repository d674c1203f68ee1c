using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.CheckIn;

internal sealed class CheckInConfiguration :
    IEntityTypeConfiguration<CheckInEntry>,
    IEntityTypeConfiguration<CheckInReminder>,
    IEntityTypeConfiguration<CrisisLine>
{
    /// <summary>The protected answers: a few hundred bytes of JSON, base64url with Data Protection's header.</summary>
    public const int ProtectedAnswersMax = 4_000;
    public const int LanguagesMax = 40;
    public const int NameMax = 120;
    public const int NumberMax = 30;
    public const int HoursMax = 200;
    public const int NoteMax = 500;

    public void Configure(EntityTypeBuilder<CheckInEntry> entry)
    {
        entry.ToTable("CheckInEntries");
        entry.Property(e => e.ProtectedAnswers).HasMaxLength(ProtectedAnswersMax);
        entry.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.MemberId, e.TakenAt });
    }

    public void Configure(EntityTypeBuilder<CheckInReminder> reminder)
    {
        reminder.ToTable("CheckInReminders");
        reminder.HasKey(r => r.MemberId);
        reminder.HasOne<Member>().WithOne().HasForeignKey<CheckInReminder>(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        reminder.HasIndex(r => new { r.SentAt, r.DueAt });
    }

    public void Configure(EntityTypeBuilder<CrisisLine> line)
    {
        line.ToTable("CrisisLines");
        line.Property(l => l.Country).HasMaxLength(2);
        line.Property(l => l.Languages).HasMaxLength(LanguagesMax);
        line.Property(l => l.Name).HasMaxLength(NameMax);
        line.Property(l => l.Number).HasMaxLength(NumberMax);
        line.Property(l => l.Hours).HasMaxLength(HoursMax);
        line.Property(l => l.Note).HasMaxLength(NoteMax);
        line.Ignore(l => l.Dial);
        line.HasIndex(l => new { l.Country, l.Rank });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Circle;

namespace Village.Web.Features.HelpCalendars;

internal sealed class HelpConfiguration :
    IEntityTypeConfiguration<HelpCalendar>,
    IEntityTypeConfiguration<HelpNeed>,
    IEntityTypeConfiguration<HelpTurn>,
    IEntityTypeConfiguration<HelpHelper>
{
    public const int TitleMax = 120;
    public const int NotesMax = 2_000;
    public const int DetailsMax = 1_000;
    public const int AllergiesMax = 300;
    public const int HelperNoteMax = 300;
    public const int NameMax = 80;
    public const int EmailMax = 256;
    public const int HashMax = 64;
    public const int CultureMax = 10;

    /// <summary>A repeating need runs at most 12 weeks: turns are cut once, when it is published.</summary>
    public const int RepeatDaysMax = 84;

    public void Configure(EntityTypeBuilder<HelpCalendar> calendar)
    {
        calendar.ToTable("HelpCalendars");
        calendar.Property(c => c.Title).HasMaxLength(TitleMax);
        calendar.Property(c => c.Notes).HasMaxLength(NotesMax);
        calendar.Property(c => c.TimeZone).HasMaxLength(64);
        calendar.Property(c => c.InviteLinkHash).HasMaxLength(HashMax);
        calendar.HasOne<Member>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        calendar.HasIndex(c => new { c.OwnerId, c.Status });
        calendar.HasIndex(c => c.InviteLinkHash).IsUnique();
    }

    public void Configure(EntityTypeBuilder<HelpNeed> need)
    {
        need.ToTable("HelpNeeds");
        need.Property(n => n.Details).HasMaxLength(DetailsMax);
        need.Property(n => n.Allergies).HasMaxLength(AllergiesMax);
        need.HasOne<HelpCalendar>().WithMany().HasForeignKey(n => n.CalendarId).OnDelete(DeleteBehavior.Cascade);
        need.HasOne<HelpHelper>().WithMany().HasForeignKey(n => n.CreatedByHelperId).OnDelete(DeleteBehavior.SetNull);
        need.HasIndex(n => n.CalendarId);
        need.HasIndex(n => n.CreatedByHelperId);
    }

    public void Configure(EntityTypeBuilder<HelpTurn> turn)
    {
        turn.ToTable("HelpTurns");
        turn.Property(t => t.HelperNote).HasMaxLength(HelperNoteMax);
        turn.HasOne<HelpNeed>().WithMany().HasForeignKey(t => t.NeedId).OnDelete(DeleteBehavior.Cascade);
        turn.HasOne<HelpCalendar>().WithMany().HasForeignKey(t => t.CalendarId).OnDelete(DeleteBehavior.Cascade);
        turn.HasOne<HelpHelper>().WithMany().HasForeignKey(t => t.HelperId).OnDelete(DeleteBehavior.SetNull);
        // One turn per need and date; the weeks ahead of a calendar; a helper's turns; reminders due.
        turn.HasIndex(t => new { t.NeedId, t.Date }).IsUnique();
        turn.HasIndex(t => new { t.CalendarId, t.StartsAt });
        turn.HasIndex(t => new { t.HelperId, t.StartsAt });
        turn.HasIndex(t => new { t.StartsAt, t.ReminderSentAt });
    }

    public void Configure(EntityTypeBuilder<HelpHelper> helper)
    {
        helper.ToTable("HelpHelpers");
        helper.Property(h => h.Name).HasMaxLength(NameMax);
        helper.Property(h => h.Email).HasMaxLength(EmailMax);
        helper.Property(h => h.TokenHash).HasMaxLength(HashMax);
        helper.Property(h => h.Culture).HasMaxLength(CultureMax);
        helper.HasOne<HelpCalendar>().WithMany().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
        helper.HasOne<CirclePerson>().WithMany().HasForeignKey(h => h.CirclePersonId).OnDelete(DeleteBehavior.SetNull);
        helper.HasIndex(h => h.TokenHash).IsUnique();
        // One invitation per address and calendar.
        helper.HasIndex(h => new { h.CalendarId, h.Email }).IsUnique();
        helper.HasIndex(h => h.CirclePersonId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public const int ActorMax = 100;
    public const int TopicMax = 200;
    public const int PathMax = 500;

    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.Property(n => n.Actor).HasMaxLength(ActorMax);
        notification.Property(n => n.Topic).HasMaxLength(TopicMax);
        notification.Property(n => n.Path).HasMaxLength(PathMax);
        notification.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        // The centre lists a parent's newest first; the count and the digests look for the unread or unsent ones.
        notification.HasIndex(n => new { n.MemberId, n.CreatedAt });
        notification.HasIndex(n => new { n.MemberId, n.ReadAt });
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> settings)
    {
        settings.ToTable("NotificationSettings");
        settings.HasKey(s => s.MemberId);
        settings.Property(s => s.TimeZone).HasMaxLength(NotificationSettings.TimeZoneMax);
        settings.HasOne<Member>().WithOne().HasForeignKey<NotificationSettings>(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.ToTable("NotificationPreferences");
        preference.HasKey(p => new { p.MemberId, p.Kind });
        preference.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

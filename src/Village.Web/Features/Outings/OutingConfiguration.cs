using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Features.Places;

namespace Village.Web.Features.Outings;

internal sealed class OutingConfiguration :
    IEntityTypeConfiguration<Outing>, IEntityTypeConfiguration<OutingOccurrence>,
    IEntityTypeConfiguration<OutingParticipation>,
    IEntityTypeConfiguration<CalendarFeed>
{
    public const int TitleMax = 120;
    public const int DescriptionMax = 4_000;
    public const int AddressMax = 200;
    public const int TownMax = 100;
    public const int MeetingPointMax = 300;
    public const int TimeZoneMax = 64;
    public const int PriceNoteMax = 200;
    public const int WelcomeNoteMax = 300;
    /// <summary>A message in the outing's conversation: the conversations' own limit.</summary>
    public const int MessageMax = Messages.MessagesConfiguration.TextMax;
    public const int TokenMax = 64;
    public const int MaxAgeMonthsLimit = 72;

    public void Configure(EntityTypeBuilder<Outing> outing)
    {
        outing.ToTable("Outings");
        outing.Property(o => o.Title).HasMaxLength(TitleMax);
        outing.Property(o => o.Description).HasMaxLength(DescriptionMax);
        outing.Property(o => o.Address).HasMaxLength(AddressMax);
        outing.Property(o => o.TownId).HasMaxLength(TownMax);
        outing.Property(o => o.TownName).HasMaxLength(TownMax);
        outing.Property(o => o.Country).HasMaxLength(2);
        outing.Property(o => o.MeetingPoint).HasMaxLength(MeetingPointMax);
        outing.Property(o => o.TimeZone).HasMaxLength(TimeZoneMax);
        outing.Property(o => o.PriceNote).HasMaxLength(PriceNoteMax);
        outing.Property(o => o.WelcomeNote).HasMaxLength(WelcomeNoteMax);
        outing.HasOne<Member>().WithMany().HasForeignKey(o => o.OrganizerId).OnDelete(DeleteBehavior.SetNull);
        outing.HasOne<Community>().WithMany().HasForeignKey(o => o.CommunityId).OnDelete(DeleteBehavior.Cascade);
        outing.HasOne<Place>().WithMany().HasForeignKey(o => o.PlaceId).OnDelete(DeleteBehavior.SetNull);
        outing.HasIndex(o => o.OrganizerId);
        outing.HasIndex(o => o.CommunityId);
        outing.HasIndex(o => o.PlaceId);
        // Outings near a point (discovery): migration 20261122103000_OutingDiscovery.
        outing.HasIndex(o => new { o.Latitude, o.Longitude });
    }

    public void Configure(EntityTypeBuilder<OutingOccurrence> occurrence)
    {
        occurrence.ToTable("OutingOccurrences");
        occurrence.HasOne<Outing>().WithMany().HasForeignKey(o => o.OutingId).OnDelete(DeleteBehavior.Cascade);
        // An outing's dates in order; and what starts in a window, for discovery and reminders.
        occurrence.HasIndex(o => new { o.OutingId, o.StartsAt }).IsUnique();
        occurrence.HasIndex(o => o.StartsAt);
    }

    public void Configure(EntityTypeBuilder<OutingParticipation> participation)
    {
        participation.ToTable("OutingParticipations");
        participation.HasOne<OutingOccurrence>().WithMany().HasForeignKey(p => p.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        participation.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        // One place per family and occurrence; the waiting list in the order families joined.
        participation.HasIndex(p => new { p.OccurrenceId, p.MemberId }).IsUnique();
        participation.HasIndex(p => new { p.OccurrenceId, p.Status, p.JoinedAt });
        participation.HasIndex(p => p.MemberId);
    }

    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.ToTable("CalendarFeeds");
        feed.HasKey(f => f.MemberId);
        feed.Property(f => f.Token).HasMaxLength(TokenMax);
        feed.HasOne<Member>().WithOne().HasForeignKey<CalendarFeed>(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        feed.HasIndex(f => f.Token).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Village.Web.Features.Profiles;

internal sealed class ProfileConfiguration :
    IEntityTypeConfiguration<ParentProfile>,
    IEntityTypeConfiguration<Child>,
    IEntityTypeConfiguration<ParentLanguage>
{
    public const int DisplayNameMax = 40;
    public const int AboutMax = 500;
    public const int FirstNameMax = 40;

    public void Configure(EntityTypeBuilder<ParentProfile> profile)
    {
        profile.ToTable("Profiles");
        profile.HasKey(p => p.MemberId);
        profile.HasOne(p => p.Member).WithOne().HasForeignKey<ParentProfile>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.DisplayName).HasMaxLength(DisplayNameMax);
        profile.Property(p => p.About).HasMaxLength(AboutMax);
        profile.Property(p => p.TownId).HasMaxLength(32);
        profile.Property(p => p.TownName).HasMaxLength(120);
        profile.Property(p => p.Country).HasMaxLength(2);
        profile.HasMany(p => p.Children).WithOne().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        profile.HasMany(p => p.Languages).WithOne().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Cascade);
        // Finding visible parents nearby scans a latitude band first.
        profile.HasIndex(p => new { p.VisibleNearby, p.Latitude, p.Longitude });
    }

    public void Configure(EntityTypeBuilder<Child> child)
    {
        child.ToTable("Children");
        child.Property(c => c.FirstName).HasMaxLength(FirstNameMax);
        child.HasIndex(c => c.ParentId);
    }

    public void Configure(EntityTypeBuilder<ParentLanguage> language)
    {
        language.ToTable("ParentLanguages");
        language.HasKey(l => new { l.ParentId, l.Code });
        language.Property(l => l.Code).HasMaxLength(8);
        language.HasIndex(l => l.Code);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.Communities;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>, IEntityTypeConfiguration<CommunityMember>
{
    public const int NameMax = 80;
    public const int DescriptionMax = 1000;
    public const int SlugMax = 90;
    public const int DefaultRadiusKm = 10;

    public void Configure(EntityTypeBuilder<Community> community)
    {
        community.ToTable("Communities");
        community.Property(c => c.Slug).HasMaxLength(SlugMax);
        community.HasIndex(c => c.Slug).IsUnique();
        community.Property(c => c.Name).HasMaxLength(NameMax);
        community.Property(c => c.Description).HasMaxLength(DescriptionMax);
        community.Property(c => c.Rules).HasMaxLength(CommunityAdmin.CommunityAdminConfiguration.RulesMax);
        community.Property(c => c.TownId).HasMaxLength(32);
        community.Property(c => c.TownName).HasMaxLength(120);
        community.Property(c => c.DecisionNote).HasMaxLength(500);
        community.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Cascade);
        // Suggestions look for approved communities in a latitude band.
        community.HasIndex(c => new { c.Status, c.Latitude, c.Longitude });
    }

    public void Configure(EntityTypeBuilder<CommunityMember> member)
    {
        member.ToTable("CommunityMembers");
        member.HasKey(m => new { m.CommunityId, m.MemberId });
        member.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.MemberId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;

namespace Village.Web.Features.AddressBook;

internal sealed class AddressBookConfiguration :
    IEntityTypeConfiguration<AddressEntry>, IEntityTypeConfiguration<AddressRecommendation>
{
    public const int NameMax = 120;
    public const int TownMax = 100;
    public const int AddressMax = 200;
    public const int PhoneMax = 30;
    public const int EmailMax = 254;
    public const int WebsiteMax = 300;
    public const int CommentMax = 1_000;

    public void Configure(EntityTypeBuilder<AddressEntry> entry)
    {
        entry.ToTable("AddressEntries");
        entry.Property(e => e.Name).HasMaxLength(NameMax);
        entry.Property(e => e.NormalizedName).HasMaxLength(NameMax);
        entry.Property(e => e.TownId).HasMaxLength(TownMax);
        entry.Property(e => e.TownName).HasMaxLength(TownMax);
        entry.Property(e => e.Address).HasMaxLength(AddressMax);
        entry.Property(e => e.Phone).HasMaxLength(PhoneMax);
        entry.Property(e => e.Email).HasMaxLength(EmailMax);
        entry.Property(e => e.Website).HasMaxLength(WebsiteMax);
        entry.HasOne<Community>().WithMany().HasForeignKey(e => e.CommunityId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne<Member>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.SetNull);
        // The list (by category, by name) and the duplicate check (same name, same town).
        entry.HasIndex(e => new { e.CommunityId, e.NormalizedName });
        entry.HasIndex(e => e.AuthorId);
    }

    public void Configure(EntityTypeBuilder<AddressRecommendation> recommendation)
    {
        recommendation.ToTable("AddressRecommendations");
        recommendation.Property(r => r.Comment).HasMaxLength(CommentMax);
        recommendation.HasOne<AddressEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        recommendation.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.SetNull);
        // One recommendation per member and entry (anonymised ones, with no member, may be many).
        recommendation.HasIndex(r => new { r.EntryId, r.MemberId }).IsUnique();
        recommendation.HasIndex(r => r.MemberId);
    }
}

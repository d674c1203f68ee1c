using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.Places;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>, IEntityTypeConfiguration<PlaceReview>
{
    public const int NameMax = 120;
    public const int DescriptionMax = 2_000;
    public const int AddressMax = 200;
    public const int TownMax = 100;
    public const int OpeningHoursMax = 300;
    public const int PriceNoteMax = 200;
    public const int WebsiteMax = 300;
    public const int DecisionNoteMax = 500;
    public const int ReviewMax = 500;

    public void Configure(EntityTypeBuilder<Place> place)
    {
        place.ToTable("Places");
        place.Property(p => p.Name).HasMaxLength(NameMax);
        place.Property(p => p.NormalizedName).HasMaxLength(NameMax);
        place.Property(p => p.Description).HasMaxLength(DescriptionMax);
        place.Property(p => p.Address).HasMaxLength(AddressMax);
        place.Property(p => p.TownId).HasMaxLength(TownMax);
        place.Property(p => p.TownName).HasMaxLength(TownMax);
        place.Property(p => p.Country).HasMaxLength(2);
        place.Property(p => p.OpeningHours).HasMaxLength(OpeningHoursMax);
        place.Property(p => p.PriceNote).HasMaxLength(PriceNoteMax);
        place.Property(p => p.Website).HasMaxLength(WebsiteMax);
        place.Property(p => p.DecisionNote).HasMaxLength(DecisionNoteMax);
        place.HasOne<Member>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.SetNull);
        // Places near a parent: approved ones in a latitude band; the duplicate check by name.
        place.HasIndex(p => new { p.Status, p.Latitude, p.Longitude });
        place.HasIndex(p => p.NormalizedName);
        place.HasIndex(p => p.ProposedById);
    }

    public void Configure(EntityTypeBuilder<PlaceReview> review)
    {
        review.ToTable("PlaceReviews");
        review.Property(r => r.Text).HasMaxLength(ReviewMax);
        review.HasOne<Place>().WithMany().HasForeignKey(r => r.PlaceId).OnDelete(DeleteBehavior.Cascade);
        review.HasOne<Member>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
        // One review per member and place (anonymised ones, with no author, may be many).
        review.HasIndex(r => new { r.PlaceId, r.AuthorId }).IsUnique();
        review.HasIndex(r => r.AuthorId);
    }
}

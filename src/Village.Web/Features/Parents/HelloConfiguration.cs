using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.Parents;

internal sealed class HelloConfiguration : IEntityTypeConfiguration<Hello>
{
    public const int TextMax = 300;

    public void Configure(EntityTypeBuilder<Hello> hello)
    {
        hello.ToTable("Hellos");
        hello.Property(h => h.Text).HasMaxLength(TextMax);
        hello.HasOne<Member>().WithMany().HasForeignKey(h => h.FromId).OnDelete(DeleteBehavior.Cascade);
        hello.HasOne<Member>().WithMany().HasForeignKey(h => h.ToId).OnDelete(DeleteBehavior.Cascade);
        // One hello per pair, ever; the hellos waiting for a parent; how many a parent sent lately (limits).
        hello.HasIndex(h => new { h.FromId, h.ToId }).IsUnique();
        hello.HasIndex(h => new { h.ToId, h.Status });
        hello.HasIndex(h => new { h.FromId, h.CreatedAt });
    }
}

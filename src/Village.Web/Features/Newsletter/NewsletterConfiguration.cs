using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Communities;

namespace Village.Web.Features.Newsletter;

internal sealed class NewsletterConfiguration : IEntityTypeConfiguration<NewsletterSettings>, IEntityTypeConfiguration<NewsletterIssue>
{
    public const int NoteMax = 4_000;

    public void Configure(EntityTypeBuilder<NewsletterSettings> settings)
    {
        settings.ToTable("NewsletterSettings");
        settings.HasKey(s => s.CommunityId);
        settings.Property(s => s.Note).HasMaxLength(NoteMax);
        settings.HasOne<Community>().WithOne().HasForeignKey<NewsletterSettings>(s => s.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NewsletterIssue> issue)
    {
        issue.ToTable("NewsletterIssues");
        issue.Property(i => i.Note).HasMaxLength(NoteMax);
        issue.HasOne<Community>().WithMany().HasForeignKey(i => i.CommunityId).OnDelete(DeleteBehavior.Cascade);
        // One issue per community and period: a second sender's insert fails, and it sends nothing.
        issue.HasIndex(i => new { i.CommunityId, i.Period }).IsUnique();
    }
}

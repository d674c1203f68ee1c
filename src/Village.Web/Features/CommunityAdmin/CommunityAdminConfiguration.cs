using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;

namespace Village.Web.Features.CommunityAdmin;

internal sealed class CommunityAdminConfiguration : IEntityTypeConfiguration<HandoverNote>, IEntityTypeConfiguration<ReplyTemplate>
{
    public const int RulesMax = 2000;
    public const int NoteMax = 1000;
    public const int TemplateTitleMax = 80;
    public const int TemplateBodyMax = 2000;

    /// <summary>A community keeps at most this many reply templates: a short list admins can choose from.</summary>
    public const int TemplatesMax = 50;

    public void Configure(EntityTypeBuilder<HandoverNote> note)
    {
        note.ToTable("HandoverNotes");
        note.Property(n => n.Body).HasMaxLength(NoteMax);
        note.HasOne<Community>().WithMany().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Cascade);
        note.HasOne<Member>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.SetNull);
        note.HasIndex(n => new { n.CommunityId, n.CreatedAt });
        note.HasIndex(n => n.AuthorId);
    }

    public void Configure(EntityTypeBuilder<ReplyTemplate> template)
    {
        template.ToTable("ReplyTemplates");
        template.Property(r => r.Title).HasMaxLength(TemplateTitleMax);
        template.Property(r => r.Body).HasMaxLength(TemplateBodyMax);
        template.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Cascade);
        template.HasIndex(r => new { r.CommunityId, r.Title });
    }
}

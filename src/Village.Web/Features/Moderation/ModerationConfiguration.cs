using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;

namespace Village.Web.Features.Moderation;

internal sealed class ModerationConfiguration :
    IEntityTypeConfiguration<Report>, IEntityTypeConfiguration<CommunitySanction>, IEntityTypeConfiguration<ModerationLogEntry>,
    IEntityTypeConfiguration<Block>
{
    public const int DetailsMax = 1_000;
    public const int ReasonMax = 500;

    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.Property(r => r.Details).HasMaxLength(DetailsMax);
        report.HasOne<Member>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.SetNull);
        report.HasOne<Member>().WithMany().HasForeignKey(r => r.TargetMemberId).OnDelete(DeleteBehavior.SetNull);
        report.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Cascade);
        // The queues: a community's open reports, everyone's open reports, oldest first.
        report.HasIndex(r => new { r.CommunityId, r.Status, r.CreatedAt });
        report.HasIndex(r => new { r.Status, r.CreatedAt });
        // One open report per reporter and target; and the daily limit.
        report.HasIndex(r => new { r.ReporterId, r.CreatedAt });
        report.HasIndex(r => r.TargetId);
        report.HasIndex(r => r.TargetMemberId);
    }

    public void Configure(EntityTypeBuilder<CommunitySanction> sanction)
    {
        sanction.ToTable("CommunitySanctions");
        sanction.Property(s => s.Reason).HasMaxLength(ReasonMax);
        sanction.HasOne<Community>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Cascade);
        sanction.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        sanction.HasOne<Member>().WithMany().HasForeignKey(s => s.ById).OnDelete(DeleteBehavior.SetNull);
        sanction.HasIndex(s => new { s.CommunityId, s.MemberId });
        sanction.HasIndex(s => s.MemberId);
        sanction.HasIndex(s => s.ById);
    }

    public void Configure(EntityTypeBuilder<ModerationLogEntry> entry)
    {
        entry.ToTable("ModerationLog");
        entry.Property(e => e.Reason).HasMaxLength(ReasonMax);
        entry.HasOne<Community>().WithMany().HasForeignKey(e => e.CommunityId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne<Member>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        entry.HasOne<Member>().WithMany().HasForeignKey(e => e.TargetMemberId).OnDelete(DeleteBehavior.SetNull);
        entry.HasIndex(e => new { e.CommunityId, e.CreatedAt });
        entry.HasIndex(e => e.CreatedAt);
        entry.HasIndex(e => e.ActorId);
        entry.HasIndex(e => e.TargetMemberId);
    }

    public void Configure(EntityTypeBuilder<Block> block)
    {
        block.ToTable("Blocks");
        block.HasKey(b => new { b.BlockerId, b.BlockedId });
        block.HasOne<Member>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        block.HasOne<Member>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
        block.HasIndex(b => b.BlockedId);
    }
}

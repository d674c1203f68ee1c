using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.ServiceDirectory;

namespace Village.Web.Features.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>, IEntityTypeConfiguration<ReferralEvent>
{
    public const int NoteMax = 1_000;

    /// <summary>The protected note: base64url of the UTF-8 text (up to 4 bytes a character) and Data Protection's header.</summary>
    public const int ProtectedNoteMax = 6_000;
    public const int EmailMax = 256;
    public const int PhoneMax = 40;
    public const int FirstContactHowMax = 200;
    public const int ClosingMessageMax = 1_000;

    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("Referrals");
        referral.Property(r => r.ProtectedNote).HasMaxLength(ProtectedNoteMax);
        referral.Property(r => r.ContactEmail).HasMaxLength(EmailMax);
        referral.Property(r => r.ContactPhone).HasMaxLength(PhoneMax);
        referral.Property(r => r.FirstContactHow).HasMaxLength(FirstContactHowMax);
        referral.Property(r => r.ClosingMessage).HasMaxLength(ClosingMessageMax);
        // A parent's referrals go with their account; a professional's stay for the family and the service, unsigned.
        referral.HasOne<Member>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Cascade);
        referral.HasOne<Member>().WithMany().HasForeignKey(r => r.ReferrerId).OnDelete(DeleteBehavior.SetNull);
        referral.HasOne<Organization>().WithMany().HasForeignKey(r => r.ReferrerOrganizationId).OnDelete(DeleteBehavior.SetNull);
        referral.HasOne<Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
        // Each party's list, newest first.
        referral.HasIndex(r => new { r.ParentId, r.CreatedAt });
        referral.HasIndex(r => new { r.ReferrerId, r.CreatedAt });
        referral.HasIndex(r => new { r.ServiceId, r.Status, r.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<ReferralEvent> e)
    {
        e.ToTable("ReferralEvents");
        e.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Member>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.ReferralId, x.At });
        e.HasIndex(x => x.ActorId);
    }
}

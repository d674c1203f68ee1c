using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Village.Web.Features.Accounts;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> member)
    {
        member.Property(m => m.PreferredCulture).HasMaxLength(8);
        member.Property(m => m.ProfessionalDetails).HasMaxLength(500);
        member.HasIndex(m => m.ProfessionalStatus);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;
using Village.Web.Features.ServiceDirectory;

namespace Village.Web.Features.Circle;

internal sealed class CircleConfiguration : IEntityTypeConfiguration<CirclePerson>
{
    public const int NameMax = 80;
    public const int EmailMax = 256;
    public const int NoteMax = 500;

    /// <summary>Enough for the biggest family; stops a script from filling the table.</summary>
    public const int PeopleMax = 100;

    public void Configure(EntityTypeBuilder<CirclePerson> person)
    {
        person.ToTable("CirclePeople");
        person.Property(p => p.Name).HasMaxLength(NameMax);
        person.Property(p => p.Email).HasMaxLength(EmailMax);
        person.Property(p => p.Note).HasMaxLength(NoteMax);
        person.HasOne<Member>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
        person.HasOne<Service>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.SetNull);
        person.HasIndex(p => new { p.OwnerId, p.Name });
        person.HasIndex(p => p.ServiceId);
    }
}

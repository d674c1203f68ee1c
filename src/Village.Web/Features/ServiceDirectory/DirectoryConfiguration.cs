using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Village.Web.Features.Accounts;

namespace Village.Web.Features.ServiceDirectory;

/// <summary>The services directory's tables. Children of a service, a location or an organisation go with it;
/// a service's organisation cannot be deleted while it has services.</summary>
internal sealed class DirectoryConfiguration :
    IEntityTypeConfiguration<Organization>, IEntityTypeConfiguration<OrganizationMember>, IEntityTypeConfiguration<Service>,
    IEntityTypeConfiguration<Location>, IEntityTypeConfiguration<Address>, IEntityTypeConfiguration<Accessibility>,
    IEntityTypeConfiguration<ServiceAtLocation>, IEntityTypeConfiguration<Phone>, IEntityTypeConfiguration<Contact>,
    IEntityTypeConfiguration<Schedule>, IEntityTypeConfiguration<ServiceLanguage>, IEntityTypeConfiguration<CostOption>,
    IEntityTypeConfiguration<ServiceArea>, IEntityTypeConfiguration<Taxonomy>, IEntityTypeConfiguration<TaxonomyTerm>,
    IEntityTypeConfiguration<ServiceTerm>
{
    public const int NameMax = 200;
    public const int ShortMax = 200;
    public const int TextMax = 4_000;
    public const int UrlMax = 500;
    public const int EmailMax = 256;
    public const int PhoneMax = 50;
    public const int CodeMax = 100;
    public const int TimeZoneMax = 64;

    public void Configure(EntityTypeBuilder<Organization> organization)
    {
        organization.ToTable("Organizations");
        organization.Property(o => o.Name).HasMaxLength(NameMax);
        organization.Property(o => o.AlternateName).HasMaxLength(NameMax);
        organization.Property(o => o.Description).HasMaxLength(TextMax);
        organization.Property(o => o.Email).HasMaxLength(EmailMax);
        organization.Property(o => o.Website).HasMaxLength(UrlMax);
        organization.Property(o => o.Uri).HasMaxLength(UrlMax);
        organization.Property(o => o.LegalStatus).HasMaxLength(ShortMax);
        organization.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentOrganizationId).OnDelete(DeleteBehavior.SetNull);
        organization.HasIndex(o => o.ParentOrganizationId);
    }

    public void Configure(EntityTypeBuilder<OrganizationMember> member)
    {
        member.ToTable("OrganizationMembers");
        member.HasKey(m => new { m.OrganizationId, m.MemberId });
        member.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.MemberId);
    }

    public void Configure(EntityTypeBuilder<Service> service)
    {
        service.ToTable("Services");
        service.Property(s => s.Name).HasMaxLength(NameMax);
        service.Property(s => s.AlternateName).HasMaxLength(NameMax);
        service.Property(s => s.Description).HasMaxLength(TextMax);
        service.Property(s => s.Url).HasMaxLength(UrlMax);
        service.Property(s => s.Email).HasMaxLength(EmailMax);
        service.Property(s => s.InterpretationServices).HasMaxLength(TextMax);
        service.Property(s => s.ApplicationProcess).HasMaxLength(TextMax);
        service.Property(s => s.FeesDescription).HasMaxLength(TextMax);
        service.Property(s => s.Accreditations).HasMaxLength(TextMax);
        service.Property(s => s.EligibilityDescription).HasMaxLength(TextMax);
        service.Property(s => s.MinimumAge).HasPrecision(5, 2);
        service.Property(s => s.MaximumAge).HasPrecision(5, 2);
        service.Property(s => s.AssurerEmail).HasMaxLength(EmailMax);
        service.Property(s => s.Alert).HasMaxLength(TextMax);
        service.Property(s => s.TimeZone).HasMaxLength(TimeZoneMax);
        service.Property(s => s.ModeratorNote).HasMaxLength(TextMax);
        service.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        service.HasOne<Member>().WithMany().HasForeignKey(s => s.SubmittedById).OnDelete(DeleteBehavior.SetNull);
        // The published directory (search, API pages by last change), an organisation's services, reminders due.
        service.HasIndex(s => new { s.ListingStatus, s.LastModified, s.Id });
        service.HasIndex(s => s.OrganizationId);
        service.HasIndex(s => s.SubmittedById);
    }

    public void Configure(EntityTypeBuilder<Location> location)
    {
        location.ToTable("Locations");
        location.Property(l => l.Url).HasMaxLength(UrlMax);
        location.Property(l => l.Name).HasMaxLength(NameMax);
        location.Property(l => l.AlternateName).HasMaxLength(NameMax);
        location.Property(l => l.Description).HasMaxLength(TextMax);
        location.Property(l => l.Transportation).HasMaxLength(TextMax);
        location.Property(l => l.ExternalIdentifier).HasMaxLength(ShortMax);
        location.Property(l => l.ExternalIdentifierType).HasMaxLength(ShortMax);
        location.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        location.HasIndex(l => l.OrganizationId);
        // Services near a point: a latitude band first, as for places and outings.
        location.HasIndex(l => new { l.Latitude, l.Longitude });
    }

    public void Configure(EntityTypeBuilder<Address> address)
    {
        address.ToTable("Addresses");
        address.Property(a => a.Attention).HasMaxLength(ShortMax);
        address.Property(a => a.Address1).HasMaxLength(ShortMax);
        address.Property(a => a.Address2).HasMaxLength(ShortMax);
        address.Property(a => a.City).HasMaxLength(ShortMax);
        address.Property(a => a.Region).HasMaxLength(ShortMax);
        address.Property(a => a.StateProvince).HasMaxLength(ShortMax);
        address.Property(a => a.PostalCode).HasMaxLength(CodeMax);
        address.Property(a => a.Country).HasMaxLength(2);
        address.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        address.HasIndex(a => a.LocationId);
        address.HasIndex(a => a.PostalCode);
    }

    public void Configure(EntityTypeBuilder<Accessibility> accessibility)
    {
        accessibility.ToTable("Accessibility");
        accessibility.Property(a => a.Description).HasMaxLength(TextMax);
        accessibility.Property(a => a.Details).HasMaxLength(TextMax);
        accessibility.Property(a => a.Url).HasMaxLength(UrlMax);
        accessibility.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Cascade);
        accessibility.HasIndex(a => a.LocationId);
    }

    public void Configure(EntityTypeBuilder<ServiceAtLocation> serviceAtLocation)
    {
        serviceAtLocation.ToTable("ServiceAtLocations");
        serviceAtLocation.Property(s => s.Description).HasMaxLength(TextMax);
        serviceAtLocation.HasOne<Service>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        serviceAtLocation.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
        serviceAtLocation.HasIndex(s => new { s.ServiceId, s.LocationId }).IsUnique();
        serviceAtLocation.HasIndex(s => s.LocationId);
    }

    public void Configure(EntityTypeBuilder<Phone> phone)
    {
        phone.ToTable("Phones");
        phone.Property(p => p.Number).HasMaxLength(PhoneMax);
        phone.Property(p => p.Type).HasMaxLength(CodeMax);
        phone.Property(p => p.Description).HasMaxLength(ShortMax);
        phone.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        phone.HasOne<Service>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        phone.HasOne<Location>().WithMany().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Cascade);
        phone.HasOne<Contact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        phone.HasOne<ServiceAtLocation>().WithMany().HasForeignKey(p => p.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
        phone.HasIndex(p => p.OrganizationId);
        phone.HasIndex(p => p.ServiceId);
        phone.HasIndex(p => p.LocationId);
        phone.HasIndex(p => p.ContactId);
        phone.HasIndex(p => p.ServiceAtLocationId);
    }

    public void Configure(EntityTypeBuilder<Contact> contact)
    {
        contact.ToTable("Contacts");
        contact.Property(c => c.Name).HasMaxLength(ShortMax);
        contact.Property(c => c.Title).HasMaxLength(ShortMax);
        contact.Property(c => c.Department).HasMaxLength(ShortMax);
        contact.Property(c => c.Email).HasMaxLength(EmailMax);
        contact.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        contact.HasOne<Service>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        contact.HasOne<Location>().WithMany().HasForeignKey(c => c.LocationId).OnDelete(DeleteBehavior.Cascade);
        contact.HasOne<ServiceAtLocation>().WithMany().HasForeignKey(c => c.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
        contact.HasIndex(c => c.OrganizationId);
        contact.HasIndex(c => c.ServiceId);
        contact.HasIndex(c => c.LocationId);
        contact.HasIndex(c => c.ServiceAtLocationId);
    }

    public void Configure(EntityTypeBuilder<Schedule> schedule)
    {
        schedule.ToTable("Schedules");
        schedule.Property(s => s.ByDay).HasMaxLength(CodeMax);
        schedule.Property(s => s.Description).HasMaxLength(TextMax);
        schedule.Property(s => s.AttendingType).HasMaxLength(CodeMax);
        schedule.Property(s => s.Notes).HasMaxLength(TextMax);
        schedule.HasOne<Service>().WithMany().HasForeignKey(s => s.ServiceId).OnDelete(DeleteBehavior.Cascade);
        schedule.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
        schedule.HasOne<ServiceAtLocation>().WithMany().HasForeignKey(s => s.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
        schedule.HasIndex(s => s.ServiceId);
        schedule.HasIndex(s => s.LocationId);
        schedule.HasIndex(s => s.ServiceAtLocationId);
    }

    public void Configure(EntityTypeBuilder<ServiceLanguage> language)
    {
        language.ToTable("ServiceLanguages");
        language.Property(l => l.Name).HasMaxLength(CodeMax);
        language.Property(l => l.Code).HasMaxLength(CodeMax);
        language.Property(l => l.Note).HasMaxLength(ShortMax);
        language.HasOne<Service>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        language.HasOne<Location>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Cascade);
        // "Arabic spoken": the services speaking a language.
        language.HasIndex(l => new { l.Code, l.ServiceId });
        language.HasIndex(l => l.ServiceId);
        language.HasIndex(l => l.LocationId);
    }

    public void Configure(EntityTypeBuilder<CostOption> cost)
    {
        cost.ToTable("CostOptions");
        cost.Property(c => c.Option).HasMaxLength(ShortMax);
        cost.Property(c => c.Currency).HasMaxLength(3);
        cost.Property(c => c.Amount).HasPrecision(10, 2);
        cost.Property(c => c.AmountDescription).HasMaxLength(ShortMax);
        cost.HasOne<Service>().WithMany().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        cost.HasIndex(c => c.ServiceId);
    }

    public void Configure(EntityTypeBuilder<ServiceArea> area)
    {
        area.ToTable("ServiceAreas");
        area.Property(a => a.Name).HasMaxLength(ShortMax);
        area.Property(a => a.Description).HasMaxLength(TextMax);
        area.Property(a => a.Extent).HasMaxLength(TextMax);
        area.Property(a => a.ExtentType).HasMaxLength(CodeMax);
        area.Property(a => a.Uri).HasMaxLength(UrlMax);
        area.HasOne<Service>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        area.HasIndex(a => a.ServiceId);
    }

    public void Configure(EntityTypeBuilder<Taxonomy> taxonomy)
    {
        taxonomy.ToTable("Taxonomies");
        taxonomy.Property(t => t.Name).HasMaxLength(NameMax);
        taxonomy.Property(t => t.Description).HasMaxLength(TextMax);
        taxonomy.Property(t => t.Uri).HasMaxLength(UrlMax);
        taxonomy.Property(t => t.Version).HasMaxLength(CodeMax);
    }

    public void Configure(EntityTypeBuilder<TaxonomyTerm> term)
    {
        term.ToTable("TaxonomyTerms");
        term.Property(t => t.Code).HasMaxLength(CodeMax);
        term.Property(t => t.Name).HasMaxLength(NameMax);
        term.Property(t => t.Description).HasMaxLength(TextMax);
        term.Property(t => t.TaxonomyName).HasMaxLength(NameMax);
        term.Property(t => t.Language).HasMaxLength(CodeMax);
        term.Property(t => t.TermUri).HasMaxLength(UrlMax);
        term.HasOne<Taxonomy>().WithMany().HasForeignKey(t => t.TaxonomyId).OnDelete(DeleteBehavior.Cascade);
        term.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        term.HasIndex(t => t.TaxonomyId);
        term.HasIndex(t => t.ParentId);
        term.HasIndex(t => t.Code);
    }

    public void Configure(EntityTypeBuilder<ServiceTerm> serviceTerm)
    {
        serviceTerm.ToTable("ServiceTerms");
        serviceTerm.Property(t => t.Value).HasMaxLength(ShortMax);
        serviceTerm.HasOne<Service>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
        serviceTerm.HasOne<TaxonomyTerm>().WithMany().HasForeignKey(t => t.TaxonomyTermId).OnDelete(DeleteBehavior.Cascade);
        serviceTerm.HasIndex(t => new { t.ServiceId, t.TaxonomyTermId }).IsUnique();
        // "Drop-in places": the services under a term.
        serviceTerm.HasIndex(t => t.TaxonomyTermId);
    }
}

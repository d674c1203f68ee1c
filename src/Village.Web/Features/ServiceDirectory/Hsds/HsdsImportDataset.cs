using System.Globalization;
using System.Text.RegularExpressions;
using static Village.Web.Features.ServiceDirectory.DirectoryConfiguration;

namespace Village.Web.Features.ServiceDirectory.Hsds;

/// <summary>A record read from the file, as the entity it becomes, with where it was.</summary>
internal sealed class HsdsDraft<T>(T entity, HsdsNode node, string path)
    where T : class
{
    public T Entity { get; } = entity;

    public HsdsNode Node { get; } = node;

    public string Path { get; } = path;
}

internal enum HsdsKind
{
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    Contact,
    Taxonomy,
    TaxonomyTerm,
}

/// <summary>Everything an HSDS file holds, flattened into entities (nested records get their parent's id), checked
/// field by field as it is read: required fields, formats, enums, lengths within the directory's columns. The
/// references between records are checked once all is read (<see cref="HsdsImport"/>), against the file and the
/// directory.</summary>
internal sealed partial class HsdsDataset
{
    public const int MaxErrorsListed = 200;

    private static readonly Dictionary<string, ServiceStatus> ServiceStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["active"] = ServiceStatus.Active,
        ["inactive"] = ServiceStatus.Inactive,
        ["defunct"] = ServiceStatus.Defunct,
        ["temporarily closed"] = ServiceStatus.TemporarilyClosed,
    };

    private static readonly Dictionary<string, LocationType> LocationTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["physical"] = LocationType.Physical,
        ["postal"] = LocationType.Postal,
        ["virtual"] = LocationType.Virtual,
    };

    private static readonly Dictionary<string, ScheduleFrequency> Frequencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WEEKLY"] = ScheduleFrequency.Weekly,
        ["MONTHLY"] = ScheduleFrequency.Monthly,
    };

    private static readonly HashSet<Guid> VillageTermIds = VillageTaxonomy.All.Select(t => t.Id).ToHashSet();

    private readonly List<string> errors = [];

    public IReadOnlyList<string> Errors => errors;

    public int ErrorCount { get; private set; }

    public Dictionary<Guid, HsdsDraft<Organization>> Organizations { get; } = [];

    public Dictionary<Guid, HsdsDraft<Service>> Services { get; } = [];

    public Dictionary<Guid, HsdsDraft<Location>> Locations { get; } = [];

    public Dictionary<Guid, HsdsDraft<ServiceAtLocation>> ServiceAtLocations { get; } = [];

    public Dictionary<Guid, HsdsDraft<Address>> Addresses { get; } = [];

    public Dictionary<Guid, HsdsDraft<Accessibility>> Accessibility { get; } = [];

    public Dictionary<Guid, HsdsDraft<Phone>> Phones { get; } = [];

    public Dictionary<Guid, HsdsDraft<Contact>> Contacts { get; } = [];

    public Dictionary<Guid, HsdsDraft<Schedule>> Schedules { get; } = [];

    public Dictionary<Guid, HsdsDraft<ServiceLanguage>> Languages { get; } = [];

    public Dictionary<Guid, HsdsDraft<CostOption>> CostOptions { get; } = [];

    public Dictionary<Guid, HsdsDraft<ServiceArea>> ServiceAreas { get; } = [];

    public Dictionary<Guid, HsdsDraft<Taxonomy>> Taxonomies { get; } = [];

    public Dictionary<Guid, HsdsDraft<TaxonomyTerm>> TaxonomyTerms { get; } = [];

    public Dictionary<Guid, HsdsDraft<ServiceTerm>> ServiceTerms { get; } = [];

    /// <summary>Organisations whose phones (or contacts) the file lists in full: the others are kept as they are
    /// (a service's nested organisation is often a summary).</summary>
    public HashSet<Guid> OrganizationsWithPhones { get; } = [];

    public HashSet<Guid> OrganizationsWithContacts { get; } = [];

    /// <summary>Services whose last_modified the file gives (kept as given; the others take the import's time when
    /// something changed).</summary>
    public HashSet<Guid> LastModifiedGiven { get; } = [];

    public List<(HsdsKind Kind, Guid Id, HsdsNode Node, string Path)> References { get; } = [];

    /// <summary>A CSV package: the children of the imported services and locations are what its files say.</summary>
    public bool Tabular { get; set; }

    public void Error(string message)
    {
        ErrorCount++;
        if (errors.Count < MaxErrorsListed)
        {
            errors.Add(message);
        }
    }

    /// <summary>A top-level JSON record: a service or an organisation with its services.</summary>
    public void AddRecord(HsdsNode node, string path)
    {
        if (node.Kind != HsdsNodeKind.Object)
        {
            Error($"{node.Where}: {path}: should be an object");
            return;
        }

        var record = new Rec(this, node, path);
        if (HsdsJsonSource.IsOrganization(node))
        {
            ReadOrganization(record, withServices: true);
        }
        else
        {
            ReadService(record, null);
        }
    }

    /// <summary>The rows of one CSV table.</summary>
    public void AddTable(string table, List<HsdsNode> rows)
    {
        foreach (var row in rows)
        {
            var record = new Rec(this, row, "");
            switch (table)
            {
                case "organizations": ReadOrganization(record, withServices: false); break;
                case "services": ReadService(record, null); break;
                case "locations": ReadLocation(record, null); break;
                case "service_at_locations": ReadServiceAtLocation(record, null); break;
                case "addresses": ReadAddress(record, null); break;
                case "accessibility": ReadAccessibility(record, null); break;
                case "phones": ReadPhone(record, default); break;
                case "schedules": ReadSchedule(record, default); break;
                case "languages": ReadLanguage(record, default); break;
                case "cost_options": ReadCostOption(record, null); break;
                case "service_areas": ReadServiceArea(record, null); break;
                case "contacts": ReadContact(record, default); break;
                case "taxonomies": ReadTaxonomy(record); break;
                case "taxonomy_terms": ReadTaxonomyTerm(record); break;
                case "attributes": ReadAttribute(record, null); break;
                default: break;
            }
        }
    }

    /// <summary>The parent a nested record belongs to (its own field, when given, must agree).</summary>
    private readonly record struct Parents(Guid? Service = null, Guid? Location = null, Guid? Organization = null, Guid? Contact = null, Guid? ServiceAtLocation = null);

    private Guid? ReadOrganization(Rec r, bool withServices)
    {
        var id = r.Id("id", required: true);
        var organization = new Organization
        {
            Id = id ?? Guid.Empty,
            Name = r.Str("name", NameMax, Need.NonBlank) ?? "",
            AlternateName = r.Str("alternate_name", NameMax),
            Description = r.Str("description", TextMax, Need.Present) ?? "",
            Email = r.Email("email"),
            Website = r.Url("website", web: true),
            Uri = r.Url("uri", web: false),
            LegalStatus = r.Str("legal_status", ShortMax),
            ParentOrganizationId = Reference(r, "parent_organization_id", HsdsKind.Organization),
        };
        var self = id ?? Guid.Empty;
        foreach (var child in r.Items("phones"))
        {
            ReadPhone(child, new Parents(Organization: self));
        }

        foreach (var child in r.Items("contacts"))
        {
            ReadContact(child, new Parents(Organization: self));
        }

        foreach (var child in r.Items("locations"))
        {
            ReadLocation(child, self);
        }

        if (withServices)
        {
            foreach (var child in r.Items("services"))
            {
                ReadService(child, self);
            }
        }

        if (id is Guid key)
        {
            Add(Organizations, key, new(organization, r.Node, r.Path), "organization");
            if (r.Has("phones") || Tabular)
            {
                OrganizationsWithPhones.Add(key);
            }

            if (r.Has("contacts") || Tabular)
            {
                OrganizationsWithContacts.Add(key);
            }
        }

        return id;
    }

    private void ReadService(Rec r, Guid? fromOrganization)
    {
        var id = r.Id("id", required: true);
        Guid? nestedOrganization = null;
        if (r.Object("organization") is Rec organization)
        {
            nestedOrganization = ReadOrganization(organization, withServices: false);
        }

        var organizationId = r.Id("organization_id");
        foreach (var implied in new[] { fromOrganization, nestedOrganization })
        {
            if (implied is not null && organizationId is not null && implied != organizationId)
            {
                r.Error("organization_id", "does not match the organization the service is given with");
            }

            organizationId ??= implied;
        }

        if (organizationId is null)
        {
            r.Missing("organization_id", "is required (or a nested organization): every service belongs to an organization");
        }
        else if (fromOrganization is null && nestedOrganization is null)
        {
            References.Add((HsdsKind.Organization, organizationId.Value, r.At("organization_id"), r.FieldPath("organization_id")));
        }

        var lastModified = r.DateTime("last_modified");
        var service = new Service
        {
            Id = id ?? Guid.Empty,
            OrganizationId = organizationId ?? Guid.Empty,
            Name = r.Str("name", NameMax, Need.NonBlank) ?? "",
            AlternateName = r.Str("alternate_name", NameMax),
            Description = r.Str("description", TextMax) ?? "",
            Url = r.Url("url", web: true),
            Email = r.Email("email"),
            Status = r.Enum("status", ServiceStatuses, required: true),
            InterpretationServices = r.Str("interpretation_services", TextMax),
            ApplicationProcess = r.Str("application_process", TextMax),
            FeesDescription = r.Str("fees_description", TextMax),
            Accreditations = r.Str("accreditations", TextMax),
            EligibilityDescription = r.Str("eligibility_description", TextMax),
            MinimumAge = r.Decimal("minimum_age", 0, 999.99m),
            MaximumAge = r.Decimal("maximum_age", 0, 999.99m),
            AssuredDate = r.Date("assured_date"),
            AssurerEmail = r.Email("assurer_email"),
            Alert = r.Str("alert", TextMax),
            LastModified = lastModified ?? default,
        };
        if (service.MinimumAge > service.MaximumAge)
        {
            r.Error("maximum_age", "is below minimum_age");
        }

        var self = new Parents(Service: id ?? Guid.Empty);
        foreach (var child in r.Items("phones"))
        {
            ReadPhone(child, self);
        }

        foreach (var child in r.Items("schedules"))
        {
            ReadSchedule(child, self);
        }

        foreach (var child in r.Items("service_areas"))
        {
            ReadServiceArea(child, self.Service);
        }

        foreach (var child in r.Items("service_at_locations"))
        {
            ReadServiceAtLocation(child, self.Service);
        }

        foreach (var child in r.Items("languages"))
        {
            ReadLanguage(child, self);
        }

        foreach (var child in r.Items("cost_options"))
        {
            ReadCostOption(child, self.Service);
        }

        foreach (var child in r.Items("contacts"))
        {
            ReadContact(child, self);
        }

        foreach (var child in r.Items("attributes"))
        {
            ReadAttribute(child, self.Service);
        }

        if (id is Guid key)
        {
            if (Services.TryGetValue(key, out var first))
            {
                r.Error("id", $"the same id as the service at {first.Node.Where}");
                return;
            }

            Services.Add(key, new(service, r.Node, r.Path));
            if (lastModified is not null)
            {
                LastModifiedGiven.Add(key);
            }
        }
    }

    private Guid? ReadLocation(Rec r, Guid? fromOrganization)
    {
        var id = r.Id("id", required: true);
        var location = new Location
        {
            Id = id ?? Guid.Empty,
            LocationType = r.Enum("location_type", LocationTypes, required: true),
            Url = r.Url("url", web: true),
            OrganizationId = Parent(r, "organization_id", HsdsKind.Organization, fromOrganization),
            Name = r.Str("name", NameMax),
            AlternateName = r.Str("alternate_name", NameMax),
            Description = r.Str("description", TextMax),
            Transportation = r.Str("transportation", TextMax),
            Latitude = (double?)r.Decimal("latitude", -90, 90, decimals: 10),
            Longitude = (double?)r.Decimal("longitude", -180, 180, decimals: 10),
            ExternalIdentifier = r.Str("external_identifier", ShortMax),
            ExternalIdentifierType = r.Str("external_identifier_type", ShortMax),
        };
        var self = new Parents(Location: id ?? Guid.Empty);
        foreach (var child in r.Items("languages"))
        {
            ReadLanguage(child, self);
        }

        foreach (var child in r.Items("addresses"))
        {
            ReadAddress(child, self.Location);
        }

        foreach (var child in r.Items("contacts"))
        {
            ReadContact(child, self);
        }

        foreach (var child in r.Items("accessibility"))
        {
            ReadAccessibility(child, self.Location);
        }

        foreach (var child in r.Items("phones"))
        {
            ReadPhone(child, self);
        }

        foreach (var child in r.Items("schedules"))
        {
            ReadSchedule(child, self);
        }

        if (id is Guid key)
        {
            Add(Locations, key, new(location, r.Node, r.Path), "location");
        }

        return id;
    }

    private void ReadServiceAtLocation(Rec r, Guid? fromService)
    {
        var id = r.Id("id", required: true);
        Guid? nestedLocation = null;
        if (r.Object("location") is Rec location)
        {
            nestedLocation = ReadLocation(location, null);
        }

        var serviceAtLocation = new ServiceAtLocation
        {
            Id = id ?? Guid.Empty,
            ServiceId = Required(r, "service_id", Parent(r, "service_id", HsdsKind.Service, fromService)),
            LocationId = Required(r, "location_id", Parent(r, "location_id", HsdsKind.Location, nestedLocation)),
            Description = r.Str("description", TextMax),
        };
        var self = new Parents(ServiceAtLocation: id ?? Guid.Empty);
        foreach (var child in r.Items("contacts"))
        {
            ReadContact(child, self);
        }

        foreach (var child in r.Items("phones"))
        {
            ReadPhone(child, self);
        }

        foreach (var child in r.Items("schedules"))
        {
            ReadSchedule(child, self);
        }

        if (id is Guid key)
        {
            Add(ServiceAtLocations, key, new(serviceAtLocation, r.Node, r.Path), "service at location");
        }
    }

    private void ReadAddress(Rec r, Guid? fromLocation)
    {
        var id = r.Id("id", required: true);
        var address = new Address
        {
            Id = id ?? Guid.Empty,
            LocationId = Required(r, "location_id", Parent(r, "location_id", HsdsKind.Location, fromLocation)),
            Attention = r.Str("attention", ShortMax),
            Address1 = r.Str("address_1", ShortMax, Need.Present) ?? "",
            Address2 = r.Str("address_2", ShortMax),
            City = r.Str("city", ShortMax, Need.NonBlank) ?? "",
            Region = r.Str("region", ShortMax),
            StateProvince = r.Str("state_province", ShortMax, Need.Present) ?? "",
            PostalCode = r.Str("postal_code", CodeMax, Need.Present) ?? "",
            Country = r.Code("country", 2, required: true) ?? "",
            AddressType = r.Enum("address_type", LocationTypes, required: true),
        };
        if (id is Guid key)
        {
            Add(Addresses, key, new(address, r.Node, r.Path), "address");
        }
    }

    private void ReadAccessibility(Rec r, Guid? fromLocation)
    {
        var id = r.Id("id", required: true);
        var accessibility = new Accessibility
        {
            Id = id ?? Guid.Empty,
            LocationId = Required(r, "location_id", Parent(r, "location_id", HsdsKind.Location, fromLocation)),
            Description = r.Str("description", TextMax),
            Details = r.Str("details", TextMax),
            Url = r.Url("url", web: true),
        };
        if (id is Guid key)
        {
            Add(Accessibility, key, new(accessibility, r.Node, r.Path), "accessibility");
        }
    }

    private void ReadPhone(Rec r, Parents parents)
    {
        var id = r.Id("id", required: true);
        var phone = new Phone
        {
            Id = id ?? Guid.Empty,
            ServiceId = Parent(r, "service_id", HsdsKind.Service, parents.Service),
            LocationId = Parent(r, "location_id", HsdsKind.Location, parents.Location),
            OrganizationId = Parent(r, "organization_id", HsdsKind.Organization, parents.Organization),
            ContactId = Parent(r, "contact_id", HsdsKind.Contact, parents.Contact),
            ServiceAtLocationId = Parent(r, "service_at_location_id", HsdsKind.ServiceAtLocation, parents.ServiceAtLocation),
            Number = r.Str("number", PhoneMax, Need.NonBlank) ?? "",
            Extension = (int?)r.Decimal("extension", 0, int.MaxValue, decimals: 0),
            Type = r.Str("type", CodeMax),
            Description = r.Str("description", ShortMax),
        };
        if (phone is { ServiceId: null, LocationId: null, OrganizationId: null, ContactId: null, ServiceAtLocationId: null })
        {
            r.Missing("service_id", "belongs to nothing: give a service_id, location_id, organization_id, contact_id or service_at_location_id");
        }

        if (id is Guid key)
        {
            Add(Phones, key, new(phone, r.Node, r.Path), "phone");
        }
    }

    private void ReadContact(Rec r, Parents parents)
    {
        var id = r.Id("id", required: true);
        var contact = new Contact
        {
            Id = id ?? Guid.Empty,
            ServiceId = Parent(r, "service_id", HsdsKind.Service, parents.Service),
            LocationId = Parent(r, "location_id", HsdsKind.Location, parents.Location),
            OrganizationId = Parent(r, "organization_id", HsdsKind.Organization, parents.Organization),
            ServiceAtLocationId = Parent(r, "service_at_location_id", HsdsKind.ServiceAtLocation, parents.ServiceAtLocation),
            Name = r.Str("name", ShortMax),
            Title = r.Str("title", ShortMax),
            Department = r.Str("department", ShortMax),
            Email = r.Email("email"),
        };
        if (contact is { ServiceId: null, LocationId: null, OrganizationId: null, ServiceAtLocationId: null })
        {
            r.Missing("service_id", "belongs to nothing: give a service_id, location_id, organization_id or service_at_location_id");
        }

        foreach (var child in r.Items("phones"))
        {
            ReadPhone(child, new Parents(Contact: id ?? Guid.Empty));
        }

        if (id is Guid key)
        {
            Add(Contacts, key, new(contact, r.Node, r.Path), "contact");
        }
    }

    private void ReadSchedule(Rec r, Parents parents)
    {
        var id = r.Id("id", required: true);
        var schedule = new Schedule
        {
            Id = id ?? Guid.Empty,
            ServiceId = Parent(r, "service_id", HsdsKind.Service, parents.Service),
            LocationId = Parent(r, "location_id", HsdsKind.Location, parents.Location),
            ServiceAtLocationId = Parent(r, "service_at_location_id", HsdsKind.ServiceAtLocation, parents.ServiceAtLocation),
            ValidFrom = r.Date("valid_from"),
            ValidTo = r.Date("valid_to"),
            Freq = r.Has("freq") ? r.Enum("freq", Frequencies, required: false) : null,
            Interval = (int?)r.Decimal("interval", 1, 1000, decimals: 0),
            ByDay = r.ByDay("byday"),
            OpensAt = r.Time("opens_at"),
            ClosesAt = r.Time("closes_at"),
            Description = r.Str("description", TextMax),
            AttendingType = r.Str("attending_type", CodeMax),
            Notes = r.Str("notes", TextMax),
        };
        if (schedule.ValidFrom > schedule.ValidTo)
        {
            r.Error("valid_to", "is before valid_from");
        }

        if (schedule is { ServiceId: null, LocationId: null, ServiceAtLocationId: null })
        {
            r.Missing("service_id", "belongs to nothing: give a service_id, location_id or service_at_location_id");
        }

        if (id is Guid key)
        {
            Add(Schedules, key, new(schedule, r.Node, r.Path), "schedule");
        }
    }

    private void ReadLanguage(Rec r, Parents parents)
    {
        var id = r.Id("id", required: true);
        var language = new ServiceLanguage
        {
            Id = id ?? Guid.Empty,
            ServiceId = Parent(r, "service_id", HsdsKind.Service, parents.Service),
            LocationId = Parent(r, "location_id", HsdsKind.Location, parents.Location),
            Name = r.Str("name", CodeMax),
            Code = r.Str("code", CodeMax),
            Note = r.Str("note", ShortMax),
        };
        if (language is { ServiceId: null, LocationId: null })
        {
            // A phone's language (phone_id) has no place in Village's directory: left out.
            if (!r.Has("phone_id"))
            {
                r.Missing("service_id", "belongs to nothing: give a service_id or location_id");
            }

            return;
        }

        if (id is Guid key)
        {
            Add(Languages, key, new(language, r.Node, r.Path), "language");
        }
    }

    private void ReadCostOption(Rec r, Guid? fromService)
    {
        var id = r.Id("id", required: true);
        var cost = new CostOption
        {
            Id = id ?? Guid.Empty,
            ServiceId = Required(r, "service_id", Parent(r, "service_id", HsdsKind.Service, fromService)),
            ValidFrom = r.Date("valid_from"),
            ValidTo = r.Date("valid_to"),
            Option = r.Str("option", ShortMax),
            Currency = r.Code("currency", 3, required: false),
            Amount = r.Decimal("amount", 0, 99_999_999.99m),
            AmountDescription = r.Str("amount_description", ShortMax),
        };
        if (id is Guid key)
        {
            Add(CostOptions, key, new(cost, r.Node, r.Path), "cost option");
        }
    }

    private void ReadServiceArea(Rec r, Guid? fromService)
    {
        var id = r.Id("id", required: true);
        var area = new ServiceArea
        {
            Id = id ?? Guid.Empty,
            ServiceId = Required(r, "service_id", Parent(r, "service_id", HsdsKind.Service, fromService)),
            Name = r.Str("name", ShortMax),
            Description = r.Str("description", TextMax),
            Extent = r.Str("extent", TextMax),
            ExtentType = r.Str("extent_type", CodeMax),
            Uri = r.Str("uri", UrlMax),
        };
        if (id is Guid key)
        {
            Add(ServiceAreas, key, new(area, r.Node, r.Path), "service area");
        }
    }

    /// <summary>An attribute linking a service to a taxonomy term becomes a <see cref="ServiceTerm"/>; attributes of
    /// other entities are left out.</summary>
    private void ReadAttribute(Rec r, Guid? fromService)
    {
        var entity = r.Str("link_entity", CodeMax);
        if (entity is not null && !entity.Equals("service", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var id = r.Id("id", required: true);
        Guid? nestedTerm = null;
        if (r.Object("taxonomy_term") is Rec term)
        {
            nestedTerm = ReadTaxonomyTerm(term);
        }

        var serviceTerm = new ServiceTerm
        {
            Id = id ?? Guid.Empty,
            ServiceId = Required(r, "link_id", Parent(r, "link_id", HsdsKind.Service, fromService)),
            TaxonomyTermId = Required(r, "taxonomy_term_id", Parent(r, "taxonomy_term_id", HsdsKind.TaxonomyTerm, nestedTerm)),
            Value = r.Str("value", ShortMax),
        };
        if (id is Guid key)
        {
            Add(ServiceTerms, key, new(serviceTerm, r.Node, r.Path), "attribute");
        }
    }

    private Guid? ReadTaxonomyTerm(Rec r)
    {
        var id = r.Id("id", required: true);
        if (id is Guid village && VillageTermIds.Contains(village))
        {
            return id; // Village's own categories and publics are fixed.
        }

        Guid? nestedTaxonomy = null;
        if (r.Object("taxonomy_detail") is Rec taxonomy)
        {
            nestedTaxonomy = ReadTaxonomy(taxonomy);
        }

        var term = new TaxonomyTerm
        {
            Id = id ?? Guid.Empty,
            Code = r.Str("code", CodeMax),
            Name = r.Str("name", NameMax, Need.NonBlank) ?? "",
            Description = r.Str("description", TextMax, Need.Present) ?? "",
            ParentId = Reference(r, "parent_id", HsdsKind.TaxonomyTerm),
            TaxonomyName = r.Str("taxonomy", NameMax),
            TaxonomyId = Parent(r, "taxonomy_id", HsdsKind.Taxonomy, nestedTaxonomy),
            Language = r.Str("language", CodeMax),
            TermUri = r.Url("term_uri", web: false),
        };
        if (id is Guid key)
        {
            Add(TaxonomyTerms, key, new(term, r.Node, r.Path), "taxonomy term");
        }

        return id;
    }

    private Guid? ReadTaxonomy(Rec r)
    {
        var id = r.Id("id", required: true);
        if (id == VillageTaxonomy.CategoriesId || id == VillageTaxonomy.PublicsId)
        {
            return id;
        }

        var taxonomy = new Taxonomy
        {
            Id = id ?? Guid.Empty,
            Name = r.Str("name", NameMax, Need.NonBlank) ?? "",
            Description = r.Str("description", TextMax, Need.Present) ?? "",
            Uri = r.Url("uri", web: false),
            Version = r.Str("version", CodeMax),
        };
        if (id is Guid key)
        {
            Add(Taxonomies, key, new(taxonomy, r.Node, r.Path), "taxonomy");
        }

        return id;
    }

    /// <summary>Keeps the first of records with the same id: an HSDS writer repeats a shared organisation, location or
    /// term in each service. Within a CSV table the same id twice is an error.</summary>
    private void Add<T>(Dictionary<Guid, HsdsDraft<T>> drafts, Guid id, HsdsDraft<T> draft, string kind)
        where T : class
    {
        if (!drafts.TryGetValue(id, out var first))
        {
            drafts.Add(id, draft);
        }
        else if (draft.Node.File is not null && first.Node.File == draft.Node.File)
        {
            Error($"{draft.Node.Property("id")?.Where ?? draft.Node.Where}: id: the same id as the {kind} at {first.Node.Where}");
        }
    }

    /// <summary>A parent given by nesting (its own field, when present, must agree) or by its id field.</summary>
    private Guid? Parent(Rec r, string field, HsdsKind kind, Guid? implied)
    {
        var own = r.Id(field);
        if (implied is not null)
        {
            if (own is not null && own != implied)
            {
                r.Error(field, "does not match the record it is nested in");
            }

            return implied;
        }

        if (own is not null)
        {
            References.Add((kind, own.Value, r.At(field), r.FieldPath(field)));
        }

        return own;
    }

    private Guid? Reference(Rec r, string field, HsdsKind kind) => Parent(r, field, kind, null);

    private static Guid Required(Rec r, string field, Guid? id)
    {
        if (id is null)
        {
            r.Missing(field, "is required");
        }

        return id ?? Guid.Empty;
    }

    internal enum Need
    {
        Optional,
        Present,
        NonBlank,
    }

    /// <summary>One record's fields, read with their checks; errors name the line, column and path.</summary>
    internal readonly struct Rec(HsdsDataset set, HsdsNode node, string path)
    {
        public HsdsNode Node => node;

        public string Path => path;

        public string FieldPath(string name) => path.Length == 0 ? name : $"{path}.{name}";

        public bool Has(string name) => Value(name) is not null;

        public HsdsNode At(string name) => node.Property(name) ?? node;

        public void Error(string name, string message) => set.Error($"{At(name).Where}: {FieldPath(name)}: {message}");

        public void Missing(string name, string message) => set.Error($"{node.Where}: {FieldPath(name)}: {message}");

        private void Invalid(HsdsNode value, string name, string what) =>
            set.Error($"{value.Where}: {FieldPath(name)}: '{Shorten(value.Text ?? value.Kind.ToString())}' {what}");

        /// <summary>The field's value; null, and an empty CSV cell, are absent.</summary>
        private HsdsNode? Value(string name) =>
            node.Property(name) is { Kind: not HsdsNodeKind.Null } value && !(value.File is not null && value.Text!.Length == 0) ? value : null;

        public Rec? Object(string name)
        {
            if (Value(name) is not { } value)
            {
                return null;
            }

            if (value.Kind != HsdsNodeKind.Object)
            {
                Error(name, "should be an object");
                return null;
            }

            return new Rec(set, value, FieldPath(name));
        }

        public IEnumerable<Rec> Items(string name)
        {
            if (Value(name) is not { } value)
            {
                return [];
            }

            if (value.Kind != HsdsNodeKind.Array)
            {
                Error(name, "should be a list");
                return [];
            }

            var items = new List<Rec>(value.Items!.Count);
            for (var i = 0; i < value.Items.Count; i++)
            {
                var item = value.Items[i];
                if (item.Kind != HsdsNodeKind.Object)
                {
                    set.Error($"{item.Where}: {FieldPath(name)}[{i}]: should be an object");
                    continue;
                }

                items.Add(new Rec(set, item, $"{FieldPath(name)}[{i}]"));
            }

            return items;
        }

        public string? Str(string name, int max, Need need = Need.Optional)
        {
            if (Value(name) is not { } value)
            {
                if (need == Need.Present && node.Property(name) is { Kind: HsdsNodeKind.String })
                {
                    return ""; // an empty CSV cell of a column the table has
                }

                if (need != Need.Optional)
                {
                    Missing(name, "is required");
                }

                return null;
            }

            if (value.Kind is HsdsNodeKind.Object or HsdsNodeKind.Array)
            {
                Error(name, "should be text");
                return null;
            }

            var text = value.Text!;
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                Error(name, "contains a NUL character");
                return null;
            }

            if (text.Length > max)
            {
                Error(name, $"is {text.Length} characters long, more than {max}");
                return null;
            }

            if (need == Need.NonBlank && string.IsNullOrWhiteSpace(text))
            {
                Error(name, "is required and empty");
                return null;
            }

            return need == Need.Optional && text.Length == 0 ? null : text;
        }

        public Guid? Id(string name, bool required = false)
        {
            var text = Str(name, 100, required ? Need.NonBlank : Need.Optional);
            if (text is null)
            {
                return null;
            }

            if (!Guid.TryParseExact(text, "D", out var id))
            {
                Invalid(At(name), name, "is not a UUID");
                return null;
            }

            return id;
        }

        public TEnum Enum<TEnum>(string name, Dictionary<string, TEnum> values, bool required)
            where TEnum : struct
        {
            var text = Str(name, 100, required ? Need.NonBlank : Need.Optional);
            if (text is null)
            {
                return default;
            }

            if (!values.TryGetValue(text, out var value))
            {
                Invalid(At(name), name, $"is not one of {string.Join(", ", values.Keys.Select(k => $"'{k}'"))}");
            }

            return value;
        }

        public string? Email(string name)
        {
            var text = Str(name, EmailMax);
            if (text is not null && !EmailPattern().IsMatch(text))
            {
                Invalid(At(name), name, "is not an email address");
                return null;
            }

            return text;
        }

        /// <summary>An absolute URI; a web address (<paramref name="web"/>) must be http or https, since pages link it.</summary>
        public string? Url(string name, bool web)
        {
            var text = Str(name, UrlMax);
            if (text is null)
            {
                return null;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (web && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.Scheme is "javascript" or "data" or "vbscript")
            {
                Invalid(At(name), name, web ? "is not a web address (http or https)" : "is not an absolute URI");
                return null;
            }

            return text;
        }

        /// <summary>A code of letters only (country, currency), in capitals.</summary>
        public string? Code(string name, int length, bool required)
        {
            var text = Str(name, 100, required ? Need.NonBlank : Need.Optional);
            if (text is null)
            {
                return null;
            }

            if (text.Length != length || !text.All(char.IsAsciiLetter))
            {
                Invalid(At(name), name, $"is not a code of {length} letters");
                return null;
            }

            return text.ToUpperInvariant();
        }

        public decimal? Decimal(string name, decimal min, decimal max, int decimals = 2)
        {
            if (Value(name) is not { } value)
            {
                return null;
            }

            if (value.Kind is not (HsdsNodeKind.Number or HsdsNodeKind.String)
                || !decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                Invalid(value, name, "is not a number");
                return null;
            }

            if (number < min || number > max)
            {
                Invalid(value, name, $"is not between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            if (decimal.Round(number, decimals) != number)
            {
                Invalid(value, name, decimals == 0 ? "is not a whole number" : $"has more than {decimals} decimals");
                return null;
            }

            return number;
        }

        public DateOnly? Date(string name)
        {
            var text = Str(name, 100);
            if (text is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Invalid(At(name), name, "is not a date (yyyy-MM-dd)");
                return null;
            }

            return date;
        }

        public DateTime? DateTime(string name)
        {
            var text = Str(name, 100);
            if (text is null)
            {
                return null;
            }

            if (!DateTimePattern().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            {
                Invalid(At(name), name, "is not a date and time (ISO 8601)");
                return null;
            }

            return moment.UtcDateTime;
        }

        /// <summary>A local time, "HH:mm" or "HH:mm:ss" (an offset, if any, is left out: the service's time zone rules).</summary>
        public TimeOnly? Time(string name)
        {
            var text = Str(name, 100);
            if (text is null)
            {
                return null;
            }

            var match = TimePattern().Match(text);
            var hour = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
            var minute = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : -1;
            var second = match.Success && match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            if (hour is < 0 or > 23 || minute is < 0 or > 59 || second > 59)
            {
                Invalid(At(name), name, "is not a time (HH:mm)");
                return null;
            }

            return new TimeOnly(hour, minute, second);
        }

        /// <summary>RFC 5545 BYDAY: "MO,TU", "1MO", "-1FR".</summary>
        public string? ByDay(string name)
        {
            var text = Str(name, CodeMax);
            if (text is null)
            {
                return null;
            }

            var days = text.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
            if (!ByDayPattern().IsMatch(days))
            {
                Invalid(At(name), name, "is not a list of days (MO,TU,WE,TH,FR,SA,SU)");
                return null;
            }

            return days;
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
    }

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)(,[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU))*$")]
    private static partial Regex ByDayPattern();
}

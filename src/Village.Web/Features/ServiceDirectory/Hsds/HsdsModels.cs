using System.Text.Json;
using System.Text.Json.Serialization;

namespace Village.Web.Features.ServiceDirectory.Hsds;

// The HSDS 3.0 wire format (docs/hsds-3.0), one record per schema, for the API, the export and the import. Property
// names become snake_case; null values are left out, never written as null (null fails the schemas). Only the
// fields Village keeps are here: an import ignores the others, so HSDS 3.1 data loads too.

/// <summary>The JSON settings every HSDS reader and writer uses.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

public sealed record HsdsOrganization
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? AlternateName { get; init; }

    public string? Description { get; init; }

    public string? Email { get; init; }

    public string? Website { get; init; }

    public string? LegalStatus { get; init; }

    public string? Uri { get; init; }

    public string? ParentOrganizationId { get; init; }

    public IReadOnlyList<HsdsContact>? Contacts { get; init; }

    public IReadOnlyList<HsdsPhone>? Phones { get; init; }

    public IReadOnlyList<HsdsLocation>? Locations { get; init; }

    public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }

    /// <summary>Only in <c>/organizations</c> (HSDS compiled organization): the services, in full or just ids.</summary>
    public IReadOnlyList<HsdsService>? Services { get; init; }
}

public sealed record HsdsService
{
    public string Id { get; init; } = "";

    public string? OrganizationId { get; init; }

    public string? Name { get; init; }

    public string? AlternateName { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public string? Email { get; init; }

    /// <summary>active, inactive, defunct or "temporarily closed".</summary>
    public string? Status { get; init; }

    public string? InterpretationServices { get; init; }

    public string? ApplicationProcess { get; init; }

    public string? FeesDescription { get; init; }

    public string? Accreditations { get; init; }

    public string? EligibilityDescription { get; init; }

    public decimal? MinimumAge { get; init; }

    public decimal? MaximumAge { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? AssuredDate { get; init; }

    public string? AssurerEmail { get; init; }

    public string? Alert { get; init; }

    /// <summary>ISO 8601 with milliseconds and Z.</summary>
    public string? LastModified { get; init; }

    public IReadOnlyList<HsdsPhone>? Phones { get; init; }

    public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }

    public IReadOnlyList<HsdsServiceArea>? ServiceAreas { get; init; }

    public IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations { get; init; }

    public IReadOnlyList<HsdsLanguage>? Languages { get; init; }

    public HsdsOrganization? Organization { get; init; }

    public IReadOnlyList<HsdsCostOption>? CostOptions { get; init; }

    public IReadOnlyList<HsdsContact>? Contacts { get; init; }

    /// <summary>The terms the service is classified under (link_entity "service").</summary>
    public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
}

public sealed record HsdsServiceAtLocation
{
    public string Id { get; init; } = "";

    public string? ServiceId { get; init; }

    public string? LocationId { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<HsdsContact>? Contacts { get; init; }

    public IReadOnlyList<HsdsPhone>? Phones { get; init; }

    public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }

    public HsdsLocation? Location { get; init; }

    public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
}

public sealed record HsdsLocation
{
    public string Id { get; init; } = "";

    /// <summary>physical, postal or virtual.</summary>
    public string? LocationType { get; init; }

    public string? Url { get; init; }

    public string? OrganizationId { get; init; }

    public string? Name { get; init; }

    public string? AlternateName { get; init; }

    public string? Description { get; init; }

    public string? Transportation { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? ExternalIdentifier { get; init; }

    public string? ExternalIdentifierType { get; init; }

    public IReadOnlyList<HsdsLanguage>? Languages { get; init; }

    public IReadOnlyList<HsdsAddress>? Addresses { get; init; }

    public IReadOnlyList<HsdsContact>? Contacts { get; init; }

    public IReadOnlyList<HsdsAccessibility>? Accessibility { get; init; }

    public IReadOnlyList<HsdsPhone>? Phones { get; init; }

    public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }
}

public sealed record HsdsAddress
{
    public string Id { get; init; } = "";

    public string? LocationId { get; init; }

    public string? Attention { get; init; }

    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }

    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? StateProvince { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public string? AddressType { get; init; }
}

public sealed record HsdsAccessibility
{
    public string Id { get; init; } = "";

    public string? LocationId { get; init; }

    public string? Description { get; init; }

    public string? Details { get; init; }

    public string? Url { get; init; }
}

public sealed record HsdsPhone
{
    public string Id { get; init; } = "";

    public string? LocationId { get; init; }

    public string? ServiceId { get; init; }

    public string? OrganizationId { get; init; }

    public string? ContactId { get; init; }

    public string? ServiceAtLocationId { get; init; }

    public string? Number { get; init; }

    public decimal? Extension { get; init; }

    public string? Type { get; init; }

    public string? Description { get; init; }
}

public sealed record HsdsContact
{
    public string Id { get; init; } = "";

    public string? OrganizationId { get; init; }

    public string? ServiceId { get; init; }

    public string? ServiceAtLocationId { get; init; }

    public string? LocationId { get; init; }

    public string? Name { get; init; }

    public string? Title { get; init; }

    public string? Department { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<HsdsPhone>? Phones { get; init; }
}

public sealed record HsdsSchedule
{
    public string Id { get; init; } = "";

    public string? ServiceId { get; init; }

    public string? LocationId { get; init; }

    public string? ServiceAtLocationId { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? ValidFrom { get; init; }

    public string? ValidTo { get; init; }

    public string? Dtstart { get; init; }

    public decimal? Timezone { get; init; }

    public string? Until { get; init; }

    public decimal? Count { get; init; }

    public string? Wkst { get; init; }

    /// <summary>WEEKLY or MONTHLY.</summary>
    public string? Freq { get; init; }

    public decimal? Interval { get; init; }

    public string? Byday { get; init; }

    public string? Bymonthday { get; init; }

    public string? Description { get; init; }

    /// <summary>HH:mm (local time).</summary>
    public string? OpensAt { get; init; }

    public string? ClosesAt { get; init; }

    public string? AttendingType { get; init; }

    public string? Notes { get; init; }
}

public sealed record HsdsLanguage
{
    public string Id { get; init; } = "";

    public string? ServiceId { get; init; }

    public string? LocationId { get; init; }

    public string? PhoneId { get; init; }

    public string? Name { get; init; }

    public string? Code { get; init; }

    public string? Note { get; init; }
}

public sealed record HsdsCostOption
{
    public string Id { get; init; } = "";

    public string? ServiceId { get; init; }

    public string? ValidFrom { get; init; }

    public string? ValidTo { get; init; }

    public string? Option { get; init; }

    public string? Currency { get; init; }

    public decimal? Amount { get; init; }

    public string? AmountDescription { get; init; }
}

public sealed record HsdsServiceArea
{
    public string Id { get; init; } = "";

    public string? ServiceId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Extent { get; init; }

    public string? ExtentType { get; init; }

    public string? Uri { get; init; }
}

/// <summary>HSDS 3.0 attribute: here, a service classified under a taxonomy term.</summary>
public sealed record HsdsAttribute
{
    public string Id { get; init; } = "";

    public string? LinkId { get; init; }

    public string? TaxonomyTermId { get; init; }

    public string? LinkType { get; init; }

    public string? LinkEntity { get; init; }

    public string? Value { get; init; }

    public HsdsTaxonomyTerm? TaxonomyTerm { get; init; }
}

public sealed record HsdsTaxonomy
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Uri { get; init; }

    public string? Version { get; init; }
}

public sealed record HsdsTaxonomyTerm
{
    public string Id { get; init; } = "";

    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ParentId { get; init; }

    public string? Taxonomy { get; init; }

    public HsdsTaxonomy? TaxonomyDetail { get; init; }

    public string? Language { get; init; }

    public string? TaxonomyId { get; init; }

    public string? TermUri { get; init; }
}

/// <summary>The page envelope of every HSDS list (pages start at 1).</summary>
public sealed record HsdsPage<T>
{
    public int TotalItems { get; init; }

    public int TotalPages { get; init; }

    public int PageNumber { get; init; }

    public int Size { get; init; }

    public bool FirstPage { get; init; }

    public bool LastPage { get; init; }

    public bool Empty { get; init; }

    public IReadOnlyList<T> Contents { get; init; } = [];
}

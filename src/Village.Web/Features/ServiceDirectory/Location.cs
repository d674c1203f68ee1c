namespace Village.Web.Features.ServiceDirectory;

/// <summary>Where services are delivered (HSDS 3.0 <c>location</c>). A service's place is public, unlike a parent's.</summary>
public sealed class Location
{
    public Guid Id { get; set; }

    public Guid? OrganizationId { get; set; }

    public LocationType LocationType { get; set; }

    public string? Url { get; set; }

    public string? Name { get; set; }

    public string? AlternateName { get; set; }

    public string? Description { get; set; }

    /// <summary>How to get there ("Bus 4, stop Place Saint-Aubain; pram-friendly entrance at the back").</summary>
    public string? Transportation { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? ExternalIdentifier { get; set; }

    public string? ExternalIdentifierType { get; set; }
}

public enum LocationType
{
    Physical = 0,
    Postal = 1,
    Virtual = 2,
}

/// <summary>HSDS 3.0 <c>address</c> of a location.</summary>
public sealed class Address
{
    public Guid Id { get; set; }

    public Guid LocationId { get; set; }

    public string? Attention { get; set; }

    public string Address1 { get; set; } = "";

    public string? Address2 { get; set; }

    public string City { get; set; } = "";

    public string? Region { get; set; }

    public string StateProvince { get; set; } = "";

    public string PostalCode { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";

    public LocationType AddressType { get; set; }
}

/// <summary>HSDS 3.0 <c>accessibility</c> of a location: step-free access, pram parking, a quiet room.</summary>
public sealed class Accessibility
{
    public Guid Id { get; set; }

    public Guid LocationId { get; set; }

    public string? Description { get; set; }

    public string? Details { get; set; }

    public string? Url { get; set; }
}

/// <summary>A service delivered at a location (HSDS 3.0 <c>service_at_location</c>).</summary>
public sealed class ServiceAtLocation
{
    public Guid Id { get; set; }

    public Guid ServiceId { get; set; }

    public Guid LocationId { get; set; }

    public string? Description { get; set; }
}

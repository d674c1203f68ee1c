namespace Village.Web.Features.ServiceDirectory;

/// <summary>HSDS 3.0 <c>phone</c>, owned by one of an organisation, a service, a location, a contact or a service
/// at a location.</summary>
public sealed class Phone
{
    public Guid Id { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? ServiceId { get; set; }

    public Guid? LocationId { get; set; }

    public Guid? ContactId { get; set; }

    public Guid? ServiceAtLocationId { get; set; }

    public string Number { get; set; } = "";

    public int? Extension { get; set; }

    /// <summary>HSDS phone type: text, voice, fax, cell, video, pager, textphone.</summary>
    public string? Type { get; set; }

    public string? Description { get; set; }
}

/// <summary>HSDS 3.0 <c>contact</c>: a named person or desk.</summary>
public sealed class Contact
{
    public Guid Id { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? ServiceId { get; set; }

    public Guid? LocationId { get; set; }

    public Guid? ServiceAtLocationId { get; set; }

    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? Department { get; set; }

    public string? Email { get; set; }
}

/// <summary>HSDS 3.0 <c>schedule</c> in local time of the service's <see cref="Service.TimeZone"/>. Three shapes:
/// weekly hours (<see cref="Freq"/> Weekly, <see cref="ByDay"/>, opens and closes, optionally within valid dates);
/// a closure (valid dates, no hours: holidays, summer break); special hours (valid dates with hours, replacing the
/// weekly hours on those days). A closing time before the opening time runs past midnight.</summary>
public sealed class Schedule
{
    public Guid Id { get; set; }

    public Guid? ServiceId { get; set; }

    public Guid? LocationId { get; set; }

    public Guid? ServiceAtLocationId { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public ScheduleFrequency? Freq { get; set; }

    public int? Interval { get; set; }

    /// <summary>RFC 5545 days, comma-separated: "MO,TU,TH".</summary>
    public string? ByDay { get; set; }

    public TimeOnly? OpensAt { get; set; }

    public TimeOnly? ClosesAt { get; set; }

    public string? Description { get; set; }

    /// <summary>How people attend: in person, phone, online.</summary>
    public string? AttendingType { get; set; }

    public string? Notes { get; set; }
}

public enum ScheduleFrequency
{
    Weekly = 0,
    Monthly = 1,
}

/// <summary>HSDS 3.0 <c>language</c> spoken at a service or a location.</summary>
public sealed class ServiceLanguage
{
    public Guid Id { get; set; }

    public Guid? ServiceId { get; set; }

    public Guid? LocationId { get; set; }

    public string? Name { get; set; }

    /// <summary>ISO 639-1 where there is one ("fr", "ar", "nl").</summary>
    public string? Code { get; set; }

    public string? Note { get; set; }
}

/// <summary>HSDS 3.0 <c>cost_option</c>; an amount of 0 means free.</summary>
public sealed class CostOption
{
    public Guid Id { get; set; }

    public Guid ServiceId { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string? Option { get; set; }

    public string? Currency { get; set; }

    public decimal? Amount { get; set; }

    public string? AmountDescription { get; set; }
}

/// <summary>HSDS 3.0 <c>service_area</c>: the towns or region a service covers.</summary>
public sealed class ServiceArea
{
    public Guid Id { get; set; }

    public Guid ServiceId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Extent { get; set; }

    public string? ExtentType { get; set; }

    public string? Uri { get; set; }
}

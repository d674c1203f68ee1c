namespace Village.Web.Features.Profiles;

/// <summary>A child described by age, not identity: a birth month (or a due month), and an optional first name
/// that is shown only on the family's own pages.</summary>
public sealed class Child
{
    public Guid Id { get; set; }

    public Guid ParentId { get; set; }

    public string? FirstName { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    /// <summary>True for a pregnancy: Year and Month are then the due month.</summary>
    public bool IsExpected { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Age in whole months at the given date, or null while expected or not yet born.</summary>
    public int? AgeInMonths(DateOnly today)
    {
        var months = ((today.Year - Year) * 12) + today.Month - Month;
        return IsExpected || months < 0 ? null : months;
    }
}

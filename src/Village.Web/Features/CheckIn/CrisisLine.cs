namespace Village.Web.Features.CheckIn;

/// <summary>A crisis or listening line of one country, shown on every check-in result and on the "need help now" page.
/// Seeded from crisis-lines.json (facts gathered in 2026) and corrected by administrators without a release.</summary>
public sealed class CrisisLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>ISO 3166-1 alpha-2: FR, BE, LU, CH.</summary>
    public string Country { get; set; } = "";

    /// <summary>ISO 639-1 codes of the languages answered, comma-separated ("fr", "nl", "fr,en,ar").</summary>
    public string Languages { get; set; } = "";

    /// <summary>The line's own name ("Allô Enfance en Danger"), not translated.</summary>
    public string Name { get; set; } = "";

    /// <summary>The number as people write it ("0 800 32 123").</summary>
    public string Number { get; set; } = "";

    public CrisisPurpose Purpose { get; set; }

    /// <summary>Free to call.</summary>
    public bool IsFree { get; set; }

    /// <summary>Open day and night, every day.</summary>
    public bool AlwaysOpen { get; set; }

    /// <summary>Opening hours when not always open, in the country's language; empty when unverified.</summary>
    public string Hours { get; set; } = "";

    /// <summary>Reached by text message rather than a call (114 in France).</summary>
    public bool BySms { get; set; }

    /// <summary>Shown alone on "I am not safe right now": emergency services.</summary>
    public bool IsEmergency { get; set; }

    /// <summary>What else to know, in the country's language ("pas une ligne d'urgence").</summary>
    public string Note { get; set; } = "";

    public DateOnly VerifiedOn { get; set; }

    /// <summary>Order within the country: emergencies first.</summary>
    public int Rank { get; set; }

    /// <summary>The digits to dial, for tel: and sms: links.</summary>
    public string Dial => new([.. Number.Where(char.IsAsciiDigit)]);
}

public enum CrisisPurpose
{
    Emergency = 0,
    Medical = 1,
    Police = 2,
    DeafEmergency = 3,
    SuicidePrevention = 4,
    Listening = 5,
    DomesticViolence = 6,
    ChildAtRisk = 7,
    Children = 8,
    Parents = 9,
}

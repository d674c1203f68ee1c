using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Village.Web.Features.CheckIn;

namespace Village.Web.Features.Admin;

/// <summary>A crisis line as the administrator's form edits it; <see cref="Check"/> adds what attributes cannot say.</summary>
public sealed partial class CrisisLineInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CrisisLine.Field.Country")]
    public string Country { get; set; } = "FR";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(CheckInConfiguration.NameMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CrisisLine.Field.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(CheckInConfiguration.NumberMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CrisisLine.Field.Number")]
    public string Number { get; set; } = "";

    public CrisisPurpose Purpose { get; set; } = CrisisPurpose.Listening;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(CheckInConfiguration.LanguagesMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CrisisLine.Field.Languages")]
    public string Languages { get; set; } = "fr";

    public bool IsFree { get; set; } = true;

    public bool AlwaysOpen { get; set; }

    [StringLength(CheckInConfiguration.HoursMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CrisisLine.Field.Hours")]
    public string? Hours { get; set; }

    public bool BySms { get; set; }

    public bool IsEmergency { get; set; }

    [StringLength(CheckInConfiguration.NoteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CrisisLine.Field.Note")]
    public string? Note { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "CrisisLine.Field.VerifiedOn")]
    public DateOnly? VerifiedOn { get; set; }

    [Range(0, 999, ErrorMessage = "Validation.InvalidValue")]
    [Display(Name = "CrisisLine.Field.Rank")]
    public int Rank { get; set; }

    public static CrisisLineInput From(CrisisLine line) => new()
    {
        Country = line.Country,
        Name = line.Name,
        Number = line.Number,
        Purpose = line.Purpose,
        Languages = line.Languages,
        IsFree = line.IsFree,
        AlwaysOpen = line.AlwaysOpen,
        Hours = line.Hours,
        BySms = line.BySms,
        IsEmergency = line.IsEmergency,
        Note = line.Note,
        VerifiedOn = line.VerifiedOn,
        Rank = line.Rank,
    };

    /// <summary>The errors the attributes cannot find, as (field, text key).</summary>
    public IEnumerable<(string Field, string Key)> Check(DateOnly today)
    {
        if (!CrisisLines.Countries.Contains(Country))
        {
            yield return (nameof(Country), "CrisisLine.Error.Country");
        }

        if (!NumberPattern().IsMatch(Number) || Number.Count(char.IsAsciiDigit) < 2)
        {
            yield return (nameof(Number), "CrisisLine.Error.Number");
        }

        if (!Enum.IsDefined(Purpose))
        {
            yield return (nameof(Purpose), "CrisisLine.Error.Purpose");
        }

        if (!LanguagesPattern().IsMatch(Languages.Replace(" ", "", StringComparison.Ordinal)))
        {
            yield return (nameof(Languages), "CrisisLine.Error.Languages");
        }

        if (VerifiedOn is { } verified && verified > today)
        {
            yield return (nameof(VerifiedOn), "CrisisLine.Error.VerifiedOn");
        }
    }

    public void ApplyTo(CrisisLine line)
    {
        line.Country = Country;
        line.Name = Name.Trim();
        line.Number = Number.Trim();
        line.Purpose = Purpose;
        line.Languages = Languages.Replace(" ", "", StringComparison.Ordinal);
        line.IsFree = IsFree;
        line.AlwaysOpen = AlwaysOpen;
        line.Hours = AlwaysOpen ? "" : Hours?.Trim() ?? "";
        line.BySms = BySms;
        line.IsEmergency = IsEmergency;
        line.Note = Note?.Trim() ?? "";
        line.VerifiedOn = VerifiedOn!.Value;
        line.Rank = Rank;
    }

    /// <summary>Digits, spaces and the usual separators ("0 800 32 123", "+33 1 45 39 40 00").</summary>
    [GeneratedRegex(@"^\+?[0-9][0-9 .\-()]*$")]
    private static partial Regex NumberPattern();

    /// <summary>ISO 639 codes, comma-separated ("fr", "fr,nl,en").</summary>
    [GeneratedRegex("^[a-z]{2,3}(,[a-z]{2,3})*$")]
    private static partial Regex LanguagesPattern();
}

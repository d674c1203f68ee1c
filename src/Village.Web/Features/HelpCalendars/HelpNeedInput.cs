using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Village.Web.Features.HelpCalendars;

/// <summary>What a parent (or a co-organiser) writes when publishing a need. Dates and times are typed as text
/// (yyyy-MM-dd, HH:mm, as date and time inputs send them) and read here, so a wrong value is a clear message.</summary>
public sealed class HelpNeedInput
{
    [Display(Name = "Help.Field.Kind")]
    public HelpKind Kind { get; set; } = HelpKind.Meal;

    [StringLength(HelpConfiguration.DetailsMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Help.Field.Details")]
    public string? Details { get; set; }

    [StringLength(HelpConfiguration.AllergiesMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Help.Field.Allergies")]
    public string? Allergies { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(8, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Help.Field.StartTime")]
    public string StartTime { get; set; } = "18:00";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(8, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Help.Field.EndTime")]
    public string EndTime { get; set; } = "19:00";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(10, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Help.Field.FirstDate")]
    public string FirstDate { get; set; } = "";

    [Display(Name = "Help.Field.Repeat")]
    public HelpRepeat Repeat { get; set; }

    [StringLength(10, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Help.Field.LastDate")]
    public string? LastDate { get; set; }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>What is wrong beyond the attributes, as (field, text key) pairs; <paramref name="today"/> is the local
    /// date of the calendar.</summary>
    public IEnumerable<(string Field, string Key)> Problems(DateOnly today)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return ("Input.Kind", "Validation.InvalidValue");
        }

        if (!Enum.IsDefined(Repeat))
        {
            yield return ("Input.Repeat", "Validation.InvalidValue");
        }

        if (Kind == HelpKind.Other && string.IsNullOrWhiteSpace(Details))
        {
            yield return ("Input.Details", "Help.DetailsNeeded");
        }

        var start = ParseTime(StartTime);
        var end = ParseTime(EndTime);
        if (start is null)
        {
            yield return ("Input.StartTime", "Help.TimeInvalid");
        }

        if (end is null)
        {
            yield return ("Input.EndTime", "Help.TimeInvalid");
        }

        if (start is { } s && end is { } e && Kind != HelpKind.NightSupport && e <= s)
        {
            yield return ("Input.EndTime", "Help.EndBeforeStart");
        }

        var first = ParseDate(FirstDate);
        if (first is null)
        {
            yield return ("Input.FirstDate", "Help.DateInvalid");
        }
        else if (first < today)
        {
            yield return ("Input.FirstDate", "Help.DatePast");
        }
        else if (first > today.AddDays(365))
        {
            yield return ("Input.FirstDate", "Help.DateTooFar");
        }

        if (Repeat != HelpRepeat.Once)
        {
            var last = ParseDate(LastDate);
            if (last is null)
            {
                yield return ("Input.LastDate", string.IsNullOrWhiteSpace(LastDate) ? "Help.LastDateNeeded" : "Help.DateInvalid");
            }
            else if (first is { } f && last <= f)
            {
                yield return ("Input.LastDate", "Help.LastDateBeforeFirst");
            }
            else if (first is { } g && last > g.AddDays(HelpConfiguration.RepeatDaysMax))
            {
                yield return ("Input.LastDate", "Help.LastDateTooFar");
            }
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace Village.Web.Features.HelpCalendars;

/// <summary>A calendar's title and the notes every helper reads.</summary>
public sealed class CalendarInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(HelpConfiguration.TitleMax, MinimumLength = 3, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Help.Field.Title")]
    public string Title { get; set; } = "";

    [StringLength(HelpConfiguration.NotesMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Help.Field.Notes")]
    public string? Notes { get; set; }
}

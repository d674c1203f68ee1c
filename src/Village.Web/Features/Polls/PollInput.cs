using System.ComponentModel.DataAnnotations;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Polls;

/// <summary>A new poll: the question, up to ten choices (empty ones are ignored), one or several answers, and the
/// last day of voting.</summary>
public sealed class PollInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PollConfiguration.QuestionMax, MinimumLength = 3, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Poll.Question")]
    public string Question { get; set; } = "";

    [Display(Name = "Poll.Choices")]
    public List<string?> Choices { get; set; } = [];

    [Display(Name = "Poll.MultipleChoice")]
    public bool MultipleChoice { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Poll.ClosesOn")]
    public DateOnly? ClosesOn { get; set; }

    public IReadOnlyList<string> FilledChoices => Choices.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).ToList();

    /// <summary>Checks what attributes cannot: 2 to 10 distinct choices of sensible length, a closing day between
    /// today and three months from now.</summary>
    public IEnumerable<(string Field, string MessageKey, object[] Arguments)> Problems(DateOnly today)
    {
        var choices = FilledChoices;
        if (Choices.Count > PollConfiguration.MaxChoices || choices.Count < PollConfiguration.MinChoices)
        {
            yield return ("Input.Choices", "Poll.ChoicesCount", [PollConfiguration.MinChoices, PollConfiguration.MaxChoices]);
        }
        else if (choices.Any(c => c.Length > PollConfiguration.ChoiceMax))
        {
            yield return ("Input.Choices", "Poll.ChoiceTooLong", [PollConfiguration.ChoiceMax]);
        }
        else if (choices.Select(Gazetteer.Normalize).Distinct().Count() != choices.Count)
        {
            yield return ("Input.Choices", "Poll.ChoicesTwice", []);
        }

        if (ClosesOn is { } day && (day < today || day > today.AddMonths(PollConfiguration.MaxMonthsOpen)))
        {
            yield return ("Input.ClosesOn", "Poll.ClosesOnRange", [PollConfiguration.MaxMonthsOpen]);
        }
    }

    /// <summary>A poll closes at the end of its last day (midnight UTC).</summary>
    public static DateTime ClosingTime(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

using System.ComponentModel.DataAnnotations;

namespace Village.Web.Features.Ideas;

public sealed class IdeaInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(IdeaConfiguration.TitleMax, MinimumLength = 3, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Idea.TitleField")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(IdeaConfiguration.BodyMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Idea.Body")]
    public string Body { get; set; } = "";
}

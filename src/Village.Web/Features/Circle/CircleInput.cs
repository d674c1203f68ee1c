using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;

namespace Village.Web.Features.Circle;

/// <summary>What a parent writes when adding or editing someone in their circle.</summary>
public sealed class CircleInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(CircleConfiguration.NameMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Circle.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Circle.Relation")]
    public CircleRelation Relation { get; set; } = CircleRelation.Family;

    [Display(Name = "Circle.Closeness")]
    public Closeness Closeness { get; set; } = Closeness.Close;

    [Display(Name = "Circle.LivesWithin")]
    public LivesWithin LivesWithin { get; set; } = LivesWithin.SameTown;

    [Display(Name = "Circle.CanHelp")]
    public List<CircleHelp> CanHelp { get; set; } = [];

    [Display(Name = "Circle.CallableAtNight")]
    public bool CallableAtNight { get; set; }

    [StringLength(CircleConfiguration.EmailMax, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Circle.Email")]
    public string? Email { get; set; }

    [StringLength(CircleConfiguration.NoteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Circle.Note")]
    public string? Note { get; set; }

    public Guid? ServiceId { get; set; }

    /// <summary>The help choices offered, in order.</summary>
    public static IEnumerable<CircleHelp> HelpChoices => Enum.GetValues<CircleHelp>().Where(h => h != CircleHelp.None);

    /// <summary>Checks what attributes cannot: known values in every list.</summary>
    public IEnumerable<(string Field, string MessageKey)> Problems()
    {
        if (!Enum.IsDefined(Relation))
        {
            yield return ("Input.Relation", "Validation.InvalidValue");
        }

        if (!Enum.IsDefined(Closeness))
        {
            yield return ("Input.Closeness", "Validation.InvalidValue");
        }

        if (!Enum.IsDefined(LivesWithin))
        {
            yield return ("Input.LivesWithin", "Validation.InvalidValue");
        }

        if (CanHelp.Any(h => h == CircleHelp.None || !HelpChoices.Contains(h)))
        {
            yield return ("Input.CanHelp", "Validation.InvalidValue");
        }
    }

    /// <summary>Adds the <see cref="Problems"/> to the page's model state, and forgets a service that no longer exists.</summary>
    public async Task CheckAsync(ModelStateDictionary modelState, VillageDb db, IStringLocalizer t)
    {
        foreach (var (field, key) in Problems())
        {
            modelState.AddModelError(field, t[key]);
        }

        if (ServiceId is { } serviceId && !await db.Services.AnyAsync(s => s.Id == serviceId))
        {
            ServiceId = null;
        }
    }

    public void CopyTo(CirclePerson person)
    {
        person.Name = Name.Trim();
        person.Relation = Relation;
        person.Closeness = Closeness;
        person.LivesWithin = LivesWithin;
        person.CanHelp = CanHelp.Aggregate(CircleHelp.None, (all, h) => all | h);
        person.CallableAtNight = CallableAtNight;
        person.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        person.Note = Note?.Trim() ?? "";
        person.ServiceId = ServiceId;
    }

    public static CircleInput From(CirclePerson person) => new()
    {
        Name = person.Name,
        Relation = person.Relation,
        Closeness = person.Closeness,
        LivesWithin = person.LivesWithin,
        CanHelp = [.. HelpChoices.Where(h => person.CanHelp.HasFlag(h))],
        CallableAtNight = person.CallableAtNight,
        Email = person.Email,
        Note = person.Note,
        ServiceId = person.ServiceId,
    };
}

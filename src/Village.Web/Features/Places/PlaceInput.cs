using System.ComponentModel.DataAnnotations;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.Places;

/// <summary>What a member writes when proposing a place, and a moderator or the proposer when editing it.</summary>
public sealed class PlaceInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PlaceConfiguration.NameMax, MinimumLength = 2, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Place.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Place.Category")]
    public PlaceCategory Category { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PlaceConfiguration.DescriptionMax, MinimumLength = 10, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Place.Description")]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PlaceConfiguration.AddressMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Place.Address")]
    public string Address { get; set; } = "";

    [StringLength(Gazetteer.MaxQueryLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Profile.Town")]
    public string? TownQuery { get; set; }

    [StringLength(32)]
    public string? TownId { get; set; }

    [StringLength(32)]
    public string? TownChoice { get; set; }

    [StringLength(PlaceConfiguration.OpeningHoursMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Place.OpeningHours")]
    public string? OpeningHours { get; set; }

    [Display(Name = "Place.IsFree")]
    public bool IsFree { get; set; }

    [StringLength(PlaceConfiguration.PriceNoteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Place.PriceNote")]
    public string? PriceNote { get; set; }

    [Display(Name = "Place.Amenities")]
    public List<PlaceAmenities> Amenities { get; set; } = [];

    [StringLength(PlaceConfiguration.WebsiteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Place.Website")]
    public string? Website { get; set; }

    /// <summary>Checks what attributes cannot: a known category and amenities, a web address.</summary>
    public IEnumerable<(string Field, string MessageKey)> Problems()
    {
        if (!Enum.IsDefined(Category))
        {
            yield return ("Input.Category", "Validation.InvalidValue");
        }

        if (!Amenities.All(a => a != PlaceAmenities.None && Enum.IsDefined(a)))
        {
            yield return ("Input.Amenities", "Validation.InvalidValue");
        }

        if (!string.IsNullOrWhiteSpace(Website) && WebsiteUrl() is null)
        {
            yield return ("Input.Website", "Place.WebsiteInvalid");
        }
    }

    /// <summary>The web address as a link (see <see cref="WebAddress"/>).</summary>
    public string? WebsiteUrl() => WebAddress.Link(Website, PlaceConfiguration.WebsiteMax);

    public PlaceAmenities AmenityFlags() => Amenities.Aggregate(PlaceAmenities.None, (all, a) => all | a);

    public void CopyTo(Place place, Town town)
    {
        place.Name = Name.Trim();
        place.NormalizedName = Normalized(Name);
        place.Category = Category;
        place.Description = Description.Trim();
        place.Address = Address.Trim();
        place.TownId = town.Id;
        place.TownName = town.Name;
        place.Country = town.Country;
        place.Latitude = Coordinates.Round(town.Latitude);
        place.Longitude = Coordinates.Round(town.Longitude);
        place.OpeningHours = OpeningHours?.Trim() ?? "";
        place.IsFree = IsFree;
        place.PriceNote = string.IsNullOrWhiteSpace(PriceNote) ? null : PriceNote.Trim();
        place.Amenities = AmenityFlags();
        place.Website = WebsiteUrl();
    }

    public static PlaceInput From(Place place) => new()
    {
        Name = place.Name,
        Category = place.Category,
        Description = place.Description,
        Address = place.Address,
        TownQuery = place.TownName,
        TownId = place.TownId,
        OpeningHours = place.OpeningHours,
        IsFree = place.IsFree,
        PriceNote = place.PriceNote,
        Amenities = [.. Enum.GetValues<PlaceAmenities>().Where(a => a != PlaceAmenities.None && place.Amenities.HasFlag(a))],
        Website = place.Website,
    };

    /// <summary>"Café Poussette", "cafe  poussette !" and "CAFÉ-POUSSETTE" are the same name.</summary>
    public static string Normalized(string name)
    {
        var normalized = Gazetteer.Normalize(name);
        return normalized.Length <= PlaceConfiguration.NameMax ? normalized : normalized[..PlaceConfiguration.NameMax];
    }
}

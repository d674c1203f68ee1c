using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.AddressBook;

/// <summary>What a member writes when adding or editing an entry; every contact detail is optional.</summary>
public sealed partial class AddressInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AddressBookConfiguration.NameMax, MinimumLength = 2, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "AddressBook.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "AddressBook.Category")]
    public AddressCategory Category { get; set; }

    [StringLength(Gazetteer.MaxQueryLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Profile.Town")]
    public string? TownQuery { get; set; }

    [StringLength(32)]
    public string? TownId { get; set; }

    [StringLength(32)]
    public string? TownChoice { get; set; }

    [StringLength(AddressBookConfiguration.AddressMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "AddressBook.Address")]
    public string? Address { get; set; }

    [StringLength(AddressBookConfiguration.PhoneMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "AddressBook.Phone")]
    public string? Phone { get; set; }

    [StringLength(AddressBookConfiguration.EmailMax, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "AddressBook.Email")]
    public string? Email { get; set; }

    [StringLength(AddressBookConfiguration.WebsiteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "AddressBook.Website")]
    public string? Website { get; set; }

    /// <summary>Checks what attributes cannot: a known category, a phone number made of digits, a web address.</summary>
    public IEnumerable<(string Field, string MessageKey)> Problems()
    {
        if (!Enum.IsDefined(Category))
        {
            yield return ("Input.Category", "Validation.InvalidValue");
        }

        if (!string.IsNullOrWhiteSpace(Phone) && (!PhoneChars().IsMatch(Phone.Trim()) || Phone.Count(char.IsAsciiDigit) < 6))
        {
            yield return ("Input.Phone", "AddressBook.PhoneInvalid");
        }

        if (!string.IsNullOrWhiteSpace(Website) && WebsiteUrl() is null)
        {
            yield return ("Input.Website", "AddressBook.WebsiteInvalid");
        }
    }

    /// <summary>The web address as a link (see <see cref="WebAddress"/>).</summary>
    public string? WebsiteUrl() => WebAddress.Link(Website, AddressBookConfiguration.WebsiteMax);

    public void CopyTo(AddressEntry entry, Town town)
    {
        entry.Name = Name.Trim();
        entry.NormalizedName = Normalized(Name);
        entry.Category = Category;
        entry.TownId = town.Id;
        entry.TownName = town.Name;
        entry.Address = Blank(Address);
        entry.Phone = Blank(Phone);
        entry.Email = Blank(Email);
        entry.Website = WebsiteUrl();
    }

    public static AddressInput From(AddressEntry entry) => new()
    {
        Name = entry.Name,
        Category = entry.Category,
        TownQuery = entry.TownName,
        TownId = entry.TownId,
        Address = entry.Address,
        Phone = entry.Phone,
        Email = entry.Email,
        Website = entry.Website,
    };

    /// <summary>"Dr Dupont", "dr. DUPONT" and "Dr  Dupont" are the same name.</summary>
    public static string Normalized(string name)
    {
        var normalized = Gazetteer.Normalize(name);
        return normalized.Length <= AddressBookConfiguration.NameMax ? normalized : normalized[..AddressBookConfiguration.NameMax];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\+?[0-9 ()./-]+$")]
    private static partial Regex PhoneChars();
}

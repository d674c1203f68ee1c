using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;

namespace Village.Web.Features.ServiceDirectory.Listings;

/// <summary>What a service writes when it applies to the directory (/services/apply), and what its verified
/// professionals change later (/pro/services/{id}/edit): one input for both, shown by _ListingForm.</summary>
public sealed class ListingInput
{
    public const int PhoneRows = 2;
    public const int MinHourRows = 5;
    public const int MaxHourRows = 14;
    public const int MinClosureRows = 2;
    public const int MaxClosureRows = 10;
    public const int MaxAge = 25;
    public const int AddressMax = 200;
    public const int PostalCodeMax = 20;

    public static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>An organisation the applicant is already a verified professional of; empty for a new one.</summary>
    [StringLength(40)]
    public string? OrganizationId { get; set; }

    [StringLength(DirectoryConfiguration.NameMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.OrganizationName")]
    public string? OrganizationName { get; set; }

    [StringLength(DirectoryConfiguration.TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.OrganizationDescription")]
    public string? OrganizationDescription { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(DirectoryConfiguration.NameMax, MinimumLength = 2, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Listing.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(DirectoryConfiguration.TextMax, MinimumLength = 10, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Listing.Description")]
    public string Description { get; set; } = "";

    [Display(Name = "Listing.Categories")]
    public List<string> Categories { get; set; } = [];

    [Display(Name = "Listing.Publics")]
    public List<string> Publics { get; set; } = [];

    [Range(0, MaxAge, ErrorMessage = "Listing.AgeRange")]
    [Display(Name = "Listing.MinimumAge")]
    public int? MinimumAge { get; set; }

    [Range(0, MaxAge, ErrorMessage = "Listing.AgeRange")]
    [Display(Name = "Listing.MaximumAge")]
    public int? MaximumAge { get; set; }

    [StringLength(AddressMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.Street")]
    public string? Street { get; set; }

    [StringLength(PostalCodeMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.PostalCode")]
    public string? PostalCode { get; set; }

    [StringLength(Gazetteer.MaxQueryLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Profile.Town")]
    public string? TownQuery { get; set; }

    [StringLength(32)]
    public string? TownId { get; set; }

    [StringLength(32)]
    public string? TownChoice { get; set; }

    public List<string?> Phones { get; set; } = [];

    [StringLength(DirectoryConfiguration.EmailMax, ErrorMessage = "Validation.MaxLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Listing.Email")]
    public string? Email { get; set; }

    [StringLength(DirectoryConfiguration.UrlMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.Website")]
    public string? Website { get; set; }

    public List<HoursRow> Hours { get; set; } = [];

    public List<ClosureRow> Closures { get; set; } = [];

    [Display(Name = "Listing.Languages")]
    public List<string> Languages { get; set; } = [];

    [Display(Name = "Listing.IsFree")]
    public bool IsFree { get; set; }

    [StringLength(DirectoryConfiguration.TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.Fees")]
    public string? Fees { get; set; }

    [StringLength(DirectoryConfiguration.TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.ApplicationProcess")]
    public string? ApplicationProcess { get; set; }

    [StringLength(DirectoryConfiguration.TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Listing.Accessibility")]
    public string? Accessibility { get; set; }

    public sealed class HoursRow
    {
        [StringLength(2)]
        public string? Day { get; set; }

        [StringLength(8)]
        public string? Opens { get; set; }

        [StringLength(8)]
        public string? Closes { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
    }

    public sealed class ClosureRow
    {
        [StringLength(10)]
        public string? From { get; set; }

        [StringLength(10)]
        public string? To { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);
    }

    /// <summary>Adds empty rows so the form always offers a few more lines of hours, closures and phones.</summary>
    public ListingInput WithBlankRows()
    {
        Hours = [.. Hours.Take(MaxHourRows)];
        while (Hours.Count < Math.Min(MaxHourRows, Math.Max(MinHourRows, Hours.Count(h => !h.IsEmpty) + 2)))
        {
            Hours.Add(new HoursRow());
        }

        Closures = [.. Closures.Take(MaxClosureRows)];
        while (Closures.Count < Math.Min(MaxClosureRows, Math.Max(MinClosureRows, Closures.Count(c => !c.IsEmpty) + 1)))
        {
            Closures.Add(new ClosureRow());
        }

        Phones = [.. Phones.Take(PhoneRows)];
        while (Phones.Count < PhoneRows)
        {
            Phones.Add(null);
        }

        return this;
    }

    /// <summary>Checks what attributes cannot: known categories, publics, days and languages, times and dates that
    /// read, a closing date after the opening one, ages in order, phones of a sensible length, a web address.</summary>
    public IEnumerable<(string Field, string MessageKey)> Problems()
    {
        if (Categories.Count == 0)
        {
            yield return ("Input.Categories", "Listing.CategoryRequired");
        }

        if (!Categories.All(c => VillageTaxonomy.Categories.Any(t => t.Code == c)))
        {
            yield return ("Input.Categories", "Validation.InvalidValue");
        }

        if (!Publics.All(c => VillageTaxonomy.Publics.Any(t => t.Code == c)))
        {
            yield return ("Input.Publics", "Validation.InvalidValue");
        }

        if (!Languages.All(Profiles.Languages.IsKnown))
        {
            yield return ("Input.Languages", "Validation.InvalidValue");
        }

        if (MinimumAge is { } min && MaximumAge is { } max && min > max)
        {
            yield return ("Input.MaximumAge", "Listing.AgesInOrder");
        }

        if (Hours.Count > MaxHourRows || Closures.Count > MaxClosureRows || Phones.Count > PhoneRows)
        {
            yield return ("Input.Hours", "Validation.InvalidValue");
        }

        for (var i = 0; i < Hours.Count && i < MaxHourRows; i++)
        {
            var row = Hours[i];
            if (row.IsEmpty)
            {
                continue;
            }

            if (row.Day is null || !Days.Contains(row.Day) || ParseTime(row.Opens) is null || ParseTime(row.Closes) is null || ParseTime(row.Opens) == ParseTime(row.Closes))
            {
                yield return ($"Input.Hours[{i}]", "Listing.HoursInvalid");
            }
        }

        for (var i = 0; i < Closures.Count && i < MaxClosureRows; i++)
        {
            var row = Closures[i];
            if (row.IsEmpty)
            {
                continue;
            }

            var from = ParseDate(row.From);
            var to = string.IsNullOrWhiteSpace(row.To) ? from : ParseDate(row.To);
            if (from is null || to is null || to < from)
            {
                yield return ($"Input.Closures[{i}]", "Listing.ClosureInvalid");
            }
        }

        for (var i = 0; i < Phones.Count && i < PhoneRows; i++)
        {
            if (Phones[i] is { } phone && !string.IsNullOrWhiteSpace(phone) && !IsPhone(phone))
            {
                yield return ($"Input.Phones[{i}]", "Listing.PhoneInvalid");
            }
        }

        if (!string.IsNullOrWhiteSpace(Website) && WebsiteUrl() is null)
        {
            yield return ("Input.Website", "Listing.WebsiteInvalid");
        }
    }

    /// <summary>Digits, spaces, dots, dashes, brackets and a leading +; 6 to 20 digits.</summary>
    public static bool IsPhone(string phone)
    {
        var trimmed = phone.Trim();
        if (trimmed.Length > DirectoryConfiguration.PhoneMax)
        {
            return false;
        }

        var digits = trimmed.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 20
            && trimmed.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '/' or '(' or ')' || (c == '+' && i == 0)).All(ok => ok);
    }

    public string? WebsiteUrl() => WebAddress.Link(Website, DirectoryConfiguration.UrlMax);

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm", "HH'h'mm", "H'h'mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The weekly hours as entered: one schedule a row (a day, opens, closes).</summary>
    public IEnumerable<(string Day, TimeOnly Opens, TimeOnly Closes)> WeeklyHours() =>
        Hours.Where(h => !h.IsEmpty).Select(h => (h.Day!, ParseTime(h.Opens)!.Value, ParseTime(h.Closes)!.Value));

    public IEnumerable<(DateOnly From, DateOnly To)> ClosureDates() =>
        Closures.Where(c => !c.IsEmpty).Select(c =>
        {
            var from = ParseDate(c.From)!.Value;
            return (from, string.IsNullOrWhiteSpace(c.To) ? from : ParseDate(c.To)!.Value);
        });

    public IEnumerable<string> PhoneNumbers() => Phones.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct();

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

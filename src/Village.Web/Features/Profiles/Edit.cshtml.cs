using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.Profiles;

/// <summary>The parent's own profile: name, home area, languages, interests, availability, and who sees what.</summary>
[Authorize]
public sealed class EditModel(VillageDb db, ParentHomes homes, Gazetteer gazetteer, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>Towns that match what was typed, when it matched more than one.</summary>
    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var profile = await LoadAsync();
        Input = new ProfileInput
        {
            DisplayName = profile.DisplayName,
            TownQuery = profile.TownId is { } townId ? gazetteer.Find(townId)?.Label ?? profile.TownName : profile.TownName,
            TownId = profile.TownId,
            About = profile.About,
            Languages = [.. profile.Languages.Select(l => l.Code)],
            Interests = [.. Enum.GetValues<Interest>().Where(i => i != Interest.None && profile.Interests.HasFlag(i))],
            Availability = [.. Enum.GetValues<Availability>().Where(a => a != Availability.None && profile.Availability.HasFlag(a))],
            VisibleNearby = profile.VisibleNearby,
            ChildrenAudience = profile.ChildrenAudience,
            LanguagesAudience = profile.LanguagesAudience,
            InterestsAudience = profile.InterestsAudience,
            AboutAudience = profile.AboutAudience,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var profile = await LoadAsync();
        foreach (var code in Input.Languages.Where(code => !Profiles.Languages.IsKnown(code)))
        {
            ModelState.AddModelError("Input.Languages", t["Validation.InvalidValue"]);
        }

        if (!Input.Interests.All(Enum.IsDefined) || !Input.Availability.All(Enum.IsDefined))
        {
            ModelState.AddModelError("Input.Interests", t["Validation.InvalidValue"]);
        }

        var area = ResolveArea();
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        profile.DisplayName = Input.DisplayName.Trim();
        profile.About = Input.About?.Trim() ?? "";
        (profile.TownId, profile.TownName, profile.Country, profile.Latitude, profile.Longitude) = area;
        profile.Interests = Input.Interests.Aggregate(Interest.None, (all, i) => all | i);
        profile.Availability = Input.Availability.Aggregate(Availability.None, (all, a) => all | a);
        profile.VisibleNearby = Input.VisibleNearby;
        profile.ChildrenAudience = Input.ChildrenAudience;
        profile.LanguagesAudience = Input.LanguagesAudience;
        profile.InterestsAudience = Input.InterestsAudience;
        profile.AboutAudience = Input.AboutAudience;
        profile.Languages.RemoveAll(l => !Input.Languages.Contains(l.Code));
        profile.Languages.AddRange(Input.Languages.Distinct()
            .Where(code => profile.Languages.All(l => l.Code != code))
            .Select(code => new ParentLanguage { ParentId = profile.MemberId, Code = code }));
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        homes.Changed(profile.MemberId);
        Saved = t["Profile.Saved"];
        return RedirectToPage();
    }

    /// <summary>The home area from the browser's position (rounded to about 1 km), the town picked in the
    /// autocomplete, or the town typed without JavaScript; adds a model error when it is not clear.</summary>
    private (string? TownId, string? TownName, string? Country, double? Latitude, double? Longitude) ResolveArea()
    {
        if (!string.IsNullOrEmpty(Input.Latitude) || !string.IsNullOrEmpty(Input.Longitude))
        {
            if (!Coordinates.TryParse(Input.Latitude, Input.Longitude, out var lat, out var lon))
            {
                ModelState.AddModelError("Input.TownQuery", t["Profile.PositionInvalid"]);
                return default;
            }

            var (roundedLat, roundedLon) = (Coordinates.Round(lat), Coordinates.Round(lon));
            var near = gazetteer.Nearest(roundedLat, roundedLon);
            return (near.Id, near.Name, near.Country, roundedLat, roundedLon);
        }

        var query = Input.TownQuery?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            return default;
        }

        var (picked, choices) = gazetteer.Resolve(query, Input.TownId, Input.TownChoice);
        if (picked is null)
        {
            TownChoices = choices;
            ModelState.AddModelError("Input.TownQuery", choices.Count == 0 ? t["Profile.TownNotFound"] : t["Profile.TownChoose"]);
            return default;
        }

        return (picked.Id, picked.Name, picked.Country, Coordinates.Round(picked.Latitude), Coordinates.Round(picked.Longitude));
    }

    private async Task<ParentProfile> LoadAsync()
    {
        var id = User.MemberId();
        return await db.Profiles.Include(p => p.Languages).SingleAsync(p => p.MemberId == id);
    }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(ProfileConfiguration.DisplayNameMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "SignUp.DisplayName")]
        public string DisplayName { get; set; } = "";

        [StringLength(Gazetteer.MaxQueryLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Profile.Town")]
        public string? TownQuery { get; set; }

        /// <summary>The town picked in the autocomplete (set by the script).</summary>
        [StringLength(32)]
        public string? TownId { get; set; }

        /// <summary>The town picked among same-named ones, when the typed name was ambiguous.</summary>
        [StringLength(32)]
        public string? TownChoice { get; set; }

        /// <summary>Filled by the "use my position" button with invariant decimals ("50.47"), whatever the page's
        /// language; rounded on the server before anything is stored.</summary>
        [StringLength(32)]
        public string? Latitude { get; set; }

        [StringLength(32)]
        public string? Longitude { get; set; }

        [StringLength(ProfileConfiguration.AboutMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Profile.About")]
        public string? About { get; set; }

        [Display(Name = "Profile.Languages")]
        public List<string> Languages { get; set; } = [];

        [Display(Name = "Profile.Interests")]
        public List<Interest> Interests { get; set; } = [];

        [Display(Name = "Profile.Availability")]
        public List<Availability> Availability { get; set; } = [];

        [Display(Name = "Profile.VisibleNearby")]
        public bool VisibleNearby { get; set; }

        [EnumDataType(typeof(Audience), ErrorMessage = "Validation.InvalidValue")]
        [Display(Name = "Profile.ChildrenAudience")]
        public Audience ChildrenAudience { get; set; } = Audience.ParentsNearby;

        [EnumDataType(typeof(Audience), ErrorMessage = "Validation.InvalidValue")]
        [Display(Name = "Profile.LanguagesAudience")]
        public Audience LanguagesAudience { get; set; } = Audience.ParentsNearby;

        [EnumDataType(typeof(Audience), ErrorMessage = "Validation.InvalidValue")]
        [Display(Name = "Profile.InterestsAudience")]
        public Audience InterestsAudience { get; set; } = Audience.ParentsNearby;

        [EnumDataType(typeof(Audience), ErrorMessage = "Validation.InvalidValue")]
        [Display(Name = "Profile.AboutAudience")]
        public Audience AboutAudience { get; set; } = Audience.ParentsNearby;
    }
}

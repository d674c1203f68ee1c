using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Geo;
using Village.Web.Resources;

namespace Village.Web.Features.Communities;

/// <summary>A parent asks for a new community; a moderator approves it before anyone sees it.</summary>
[Authorize(Roles = Roles.Parent)]
public sealed class RequestModel(VillageDb db, Gazetteer gazetteer, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>Requests waiting at once per parent: enough for honest use, not for spam.</summary>
    public const int MaxPending = 3;

    public static readonly int[] Radii = [3, 5, 10, 20];

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public IReadOnlyList<Town> TownChoices { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var memberId = User.MemberId();
        if (await db.Communities.CountAsync(c => c.RequestedById == memberId && c.Status == CommunityStatus.Pending) >= MaxPending)
        {
            ModelState.AddModelError("", t["CommunityRequest.TooMany", MaxPending]);
        }

        if (!Enum.IsDefined(Input.Kind) || (Input.Theme is { } theme && !Enum.IsDefined(theme)) || !Radii.Contains(Input.RadiusKm))
        {
            ModelState.AddModelError("Input.Kind", t["Validation.InvalidValue"]);
        }

        Town? town = null;
        if (Input.Kind == CommunityKind.Local)
        {
            if (string.IsNullOrWhiteSpace(Input.TownQuery))
            {
                ModelState.AddModelError("Input.TownQuery", t["CommunityRequest.TownRequired"]);
            }
            else
            {
                (town, TownChoices) = gazetteer.Resolve(Input.TownQuery.Trim(), Input.TownId, Input.TownChoice);
                if (town is null)
                {
                    ModelState.AddModelError("Input.TownQuery", TownChoices.Count == 0 ? t["Profile.TownNotFound"] : t["Profile.TownChoose"]);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var community = new Community
        {
            Id = Guid.CreateVersion7(),
            Slug = await FreeSlugAsync(Input.Name),
            Name = Input.Name.Trim(),
            Description = Input.Description.Trim(),
            Kind = Input.Kind,
            Theme = Input.Kind == CommunityKind.Themed ? Input.Theme ?? CommunityTheme.Other : null,
            TownId = town?.Id,
            TownName = town?.Name,
            Latitude = town is null ? null : Coordinates.Round(town.Latitude),
            Longitude = town is null ? null : Coordinates.Round(town.Longitude),
            RadiusKm = Input.RadiusKm,
            Status = CommunityStatus.Pending,
            RequestedById = memberId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return RedirectToPage("/Communities/Show", new { slug = community.Slug });
    }

    /// <summary>"Parents de Namur" becomes parents-de-namur, or parents-de-namur-3f2a when that is taken.</summary>
    private async Task<string> FreeSlugAsync(string name)
    {
        var words = Gazetteer.Normalize(name).Replace(' ', '-');
        var stem = words.Length == 0 ? "communaute" : words[..Math.Min(words.Length, CommunityConfiguration.SlugMax - 5)];
        var slug = stem;
        while (slug == "new" || await db.Communities.AnyAsync(c => c.Slug == slug))
        {
            slug = $"{stem}-{Guid.NewGuid().ToString("N")[..4]}";
        }

        return slug;
    }

    public sealed class RequestInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CommunityConfiguration.NameMax, MinimumLength = 3, ErrorMessage = "Validation.LengthBetween")]
        [Display(Name = "CommunityRequest.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CommunityConfiguration.DescriptionMax, MinimumLength = 20, ErrorMessage = "Validation.LengthBetween")]
        [Display(Name = "CommunityRequest.Description")]
        public string Description { get; set; } = "";

        [Display(Name = "CommunityRequest.Kind")]
        public CommunityKind Kind { get; set; }

        [Display(Name = "CommunityRequest.Theme")]
        public CommunityTheme? Theme { get; set; }

        [StringLength(Gazetteer.MaxQueryLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Profile.Town")]
        public string? TownQuery { get; set; }

        [StringLength(32)]
        public string? TownId { get; set; }

        [StringLength(32)]
        public string? TownChoice { get; set; }

        [Display(Name = "CommunityRequest.Radius")]
        public int RadiusKm { get; set; } = CommunityConfiguration.DefaultRadiusKm;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.CommunityAdmin;

/// <summary>What the admins change about their community: its description, its own rules (shown before joining),
/// and whether signed-in parents nearby may read it without joining.</summary>
public sealed class SettingsModel(VillageDb db, CommunityDirectory directory, IStringLocalizer<Texts> t) : AdminPageModel(db, directory)
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        Input = new SettingsInput
        {
            Description = Community.Description,
            Rules = Community.Rules,
            OpenToParentsNearby = Community.OpenToParentsNearby,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var description = Input.Description.Trim();
        var rules = Input.Rules?.Trim() ?? "";
        await Db.Communities.Where(c => c.Id == Community.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Description, description)
                .SetProperty(c => c.Rules, rules)
                .SetProperty(c => c.OpenToParentsNearby, Input.OpenToParentsNearby));
        return Done(t["CommunityAdmin.SettingsSaved"], "/settings");
    }

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CommunityConfiguration.DescriptionMax, MinimumLength = 20, ErrorMessage = "Validation.LengthBetween")]
        [Display(Name = "CommunityAdmin.Description")]
        public string Description { get; set; } = "";

        [StringLength(CommunityAdminConfiguration.RulesMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CommunityAdmin.Rules")]
        public string? Rules { get; set; }

        [Display(Name = "CommunityAdmin.OpenToParentsNearby")]
        public bool OpenToParentsNearby { get; set; }
    }
}

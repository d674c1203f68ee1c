using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.CommunityAdmin;

/// <summary>Reply templates the admins share: written once, chosen in admin forms (see _ReplyTemplateSelect).</summary>
public sealed class TemplatesModel(VillageDb db, CommunityDirectory directory, ReplyTemplates templates, TimeProvider clock, IStringLocalizer<Texts> t) : AdminPageModel(db, directory)
{
    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid? edit)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        if (edit is { } id)
        {
            if (await templates.FindAsync(Community.Id, id) is not { } template)
            {
                return NotFound();
            }

            Input = new TemplateInput { Id = template.Id, Title = template.Title, Body = template.Body };
        }

        Templates = await templates.ForCommunityAsync(Community.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        Templates = await templates.ForCommunityAsync(Community.Id);
        if (Input.Id is null && Templates.Count >= CommunityAdminConfiguration.TemplatesMax)
        {
            ModelState.AddModelError("", t["ReplyTemplate.TooMany", CommunityAdminConfiguration.TemplatesMax]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var title = Input.Title.Trim();
        var body = Input.Body.Trim();
        if (Input.Id is { } id)
        {
            // Another community's template is not found: the id alone is not enough.
            var changed = await Db.ReplyTemplates.Where(r => r.Id == id && r.CommunityId == Community.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, title).SetProperty(r => r.Body, body).SetProperty(r => r.UpdatedAt, now));
            if (changed == 0)
            {
                return NotFound();
            }
        }
        else
        {
            Db.ReplyTemplates.Add(new ReplyTemplate { Id = Guid.CreateVersion7(), CommunityId = Community.Id, Title = title, Body = body, CreatedAt = now });
            await Db.SaveChangesAsync();
        }

        return Done(t["ReplyTemplate.Saved"], "/templates");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        var deleted = await Db.ReplyTemplates.Where(r => r.Id == id && r.CommunityId == Community.Id).ExecuteDeleteAsync();
        return deleted == 0 ? NotFound() : Done(t["ReplyTemplate.Deleted"], "/templates");
    }

    public sealed class TemplateInput
    {
        public Guid? Id { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CommunityAdminConfiguration.TemplateTitleMax, MinimumLength = 3, ErrorMessage = "Validation.LengthBetween")]
        [Display(Name = "ReplyTemplate.Title")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CommunityAdminConfiguration.TemplateBodyMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "ReplyTemplate.Body")]
        public string Body { get; set; } = "";
    }
}

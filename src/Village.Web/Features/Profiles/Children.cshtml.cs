using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Profiles;

/// <summary>The family's children, by birth month or due month. First names are optional and stay on this page.</summary>
[Authorize]
public sealed class ChildrenModel(VillageDb db, ParentHomes homes, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>Village is for families with young children; older siblings still count.</summary>
    private const int OldestChildYears = 18;

    /// <summary>A pregnancy lasts about nine months: a due month further ahead is a typing mistake.</summary>
    private const int DueMonthsAhead = 10;

    public IReadOnlyList<Child> Family { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public ChildInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.Year = Today.Year;
        Input.Month = Today.Month;
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        await LoadAsync();
        if (ModelState.IsValid)
        {
            var months = ((Today.Year - Input.Year!.Value) * 12) + Today.Month - Input.Month!.Value;
            if (Input.IsExpected && (months > 0 || months < -DueMonthsAhead))
            {
                ModelState.AddModelError("Input.Year", t["Children.DueOutOfRange"]);
            }
            else if (!Input.IsExpected && (months < 0 || months > OldestChildYears * 12))
            {
                ModelState.AddModelError("Input.Year", t["Children.BirthOutOfRange"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        db.Children.Add(new Child
        {
            Id = Guid.CreateVersion7(),
            ParentId = User.MemberId(),
            FirstName = string.IsNullOrWhiteSpace(Input.FirstName) ? null : Input.FirstName.Trim(),
            Year = Input.Year!.Value,
            Month = Input.Month!.Value,
            IsExpected = Input.IsExpected,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        homes.Changed(User.MemberId());
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        var parentId = User.MemberId();
        // Only one's own children: another family's id removes nothing.
        var removed = await db.Children.Where(c => c.Id == id && c.ParentId == parentId).ExecuteDeleteAsync();
        homes.Changed(parentId);
        return removed == 1 ? RedirectToPage() : NotFound();
    }

    private async Task LoadAsync()
    {
        var parentId = User.MemberId();
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Family = await db.Children.AsNoTracking().Where(c => c.ParentId == parentId)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Month)
            .ToListAsync();
    }

    public sealed class ChildInput
    {
        [Display(Name = "Children.IsExpected")]
        public bool IsExpected { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Range(1, 12, ErrorMessage = "Validation.InvalidValue")]
        [Display(Name = "Children.Month")]
        public int? Month { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Range(1900, 2200, ErrorMessage = "Validation.InvalidValue")]
        [Display(Name = "Children.Year")]
        public int? Year { get; set; }

        [StringLength(ProfileConfiguration.FirstNameMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Children.FirstName")]
        public string? FirstName { get; set; }
    }
}

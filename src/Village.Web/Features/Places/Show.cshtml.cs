using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Places;

/// <summary>A place with its reviews, newest first. Signed-in members leave one short review each, which they may
/// change or remove. Pending and declined places are seen only by who proposed them and by moderators.</summary>
public sealed class ShowModel(VillageDb db, TimeProvider clock) : PageModel
{
    public Place Place { get; private set; } = null!;

    public string? ProposedByName { get; private set; }

    public bool CanEdit { get; private set; }

    public bool IsModerator { get; private set; }

    public bool SignedIn { get; private set; }

    /// <summary>The viewer's own review, if they wrote one.</summary>
    public PlaceReview? Mine { get; private set; }

    public IReadOnlyList<ReviewView> Reviews { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PlaceConfiguration.ReviewMax, MinimumLength = 2, ErrorMessage = "Validation.LengthBetween")]
    [Display(Name = "Place.Review")]
    public string? Review { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Review = Mine?.Text;
        return Page();
    }

    /// <summary>Adds the member's review, or changes it when they already wrote one.</summary>
    public async Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        if (User.ViewerId() is null)
        {
            return Challenge();
        }

        if (!await LoadAsync(id) || Place.Status != PlaceStatus.Approved)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var text = Review!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var memberId = User.MemberId();
        if (Mine is not null)
        {
            await db.PlaceReviews.Where(r => r.Id == Mine.Id && r.AuthorId == memberId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, text).SetProperty(r => r.EditedAt, now));
            return Redirect($"/places/{id}#reviews");
        }

        // The review and the place's count change together; the unique (place, author) index refuses a second one.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.PlaceReviews.Add(new PlaceReview { Id = Guid.CreateVersion7(), PlaceId = id, AuthorId = memberId, Text = text, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same member's review sent twice at once: the first one stands.
            return Redirect($"/places/{id}#reviews");
        }

        await db.Places.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewCount, p => p.ReviewCount + 1));
        await transaction.CommitAsync();
        return Redirect($"/places/{id}#reviews");
    }

    public async Task<IActionResult> OnPostDeleteReviewAsync(Guid id)
    {
        if (User.ViewerId() is not { } memberId)
        {
            return Challenge();
        }

        if (!await LoadAsync(id) || Mine is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.PlaceReviews.Where(r => r.PlaceId == id && r.AuthorId == memberId).ExecuteDeleteAsync() > 0)
        {
            await db.Places.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReviewCount, p => p.ReviewCount - 1));
        }

        await transaction.CommitAsync();
        return Redirect($"/places/{id}#reviews");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) is not { } place || !User.MaySee(place))
        {
            return false;
        }

        Place = place;
        var viewerId = User.ViewerId();
        SignedIn = viewerId is not null;
        IsModerator = User.IsModerator();
        CanEdit = User.MayEdit(place);
        ProposedByName = place.ProposedById is { } by
            ? await db.Profiles.Where(p => p.MemberId == by).Select(p => p.DisplayName).SingleOrDefaultAsync()
            : null;
        Mine = viewerId is { } me ? await db.PlaceReviews.AsNoTracking().SingleOrDefaultAsync(r => r.PlaceId == id && r.AuthorId == me) : null;
        Reviews = await db.PlaceReviews.AsNoTracking().Where(r => r.PlaceId == id)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .GroupJoin(db.Profiles, r => r.AuthorId, p => p.MemberId, (r, people) => new { r, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, p) => new ReviewView(x.r.Text, p == null ? null : p.DisplayName, x.r.CreatedAt, x.r.EditedAt != null))
            .Take(200)
            .ToListAsync();
        return true;
    }

    public sealed record ReviewView(string Text, string? AuthorName, DateTime CreatedAt, bool Edited);
}

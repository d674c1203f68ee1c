using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;

namespace Village.Web.Features.AddressBook;

/// <summary>An entry with who recommends it and why. Members recommend it (once each, and may change or withdraw
/// their word); its author and the admins edit it; admins hide or remove it.</summary>
[Authorize]
public sealed class ShowModel(VillageDb db, CommunityAccess access, TimeProvider clock) : PageModel
{
    public CommunityAccess.Access Community { get; private set; } = null!;

    public AddressEntry Entry { get; private set; } = null!;

    public string? AuthorName { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>The viewer's own recommendation, if they gave one.</summary>
    public AddressRecommendation? Mine { get; private set; }

    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];

    [BindProperty]
    [StringLength(AddressBookConfiguration.CommentMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "AddressBook.Comment")]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id))
        {
            return NotFound();
        }

        Comment = Mine?.Comment;
        return Page();
    }

    public async Task<IActionResult> OnPostRecommendAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !Community.IsMember)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var comment = Comment?.Trim() ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        if (Mine is not null)
        {
            await db.AddressRecommendations.Where(r => r.Id == Mine.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, comment).SetProperty(r => r.EditedAt, now));
        }
        else
        {
            // The recommendation and the entry's count change together.
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddressRecommendations.Add(new AddressRecommendation
            {
                Id = Guid.CreateVersion7(),
                EntryId = id,
                MemberId = User.MemberId(),
                Comment = comment,
                CreatedAt = now,
            });
            await db.SaveChangesAsync();
            await db.AddressEntries.Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.RecommendationCount, e => e.RecommendationCount + 1));
            await transaction.CommitAsync();
        }

        return Redirect($"/communities/{slug}/addresses/{id}#recommendations");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || Mine is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var memberId = User.MemberId();
        if (await db.AddressRecommendations.Where(r => r.EntryId == id && r.MemberId == memberId).ExecuteDeleteAsync() > 0)
        {
            await db.AddressEntries.Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.RecommendationCount, e => e.RecommendationCount - 1));
        }

        await transaction.CommitAsync();
        return Redirect($"/communities/{slug}/addresses/{id}#recommendations");
    }

    public async Task<IActionResult> OnPostHideAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !Community.IsAdmin)
        {
            return NotFound();
        }

        await db.AddressEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsHidden, e => !e.IsHidden));
        return Redirect($"/communities/{slug}/addresses/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id)
    {
        if (!await LoadAsync(slug, id) || !Community.IsAdmin)
        {
            return NotFound();
        }

        await db.AddressEntries.Where(e => e.Id == id).ExecuteDeleteAsync();
        return Redirect($"/communities/{slug}/addresses");
    }

    /// <summary>Loads the entry when the member may read its community; a hidden entry only for admins; another
    /// community's entry is not found.</summary>
    private async Task<bool> LoadAsync(string slug, Guid id)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community
            || await db.AddressEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.CommunityId == community.Community.Id) is not { } entry
            || (entry.IsHidden && !community.IsAdmin))
        {
            return false;
        }

        Community = community;
        Entry = entry;
        CanEdit = community.IsAdmin || (community.IsMember && entry.AuthorId == memberId);
        AuthorName = await db.Profiles.Where(p => p.MemberId == entry.AuthorId).Select(p => p.DisplayName).SingleOrDefaultAsync();
        Mine = await db.AddressRecommendations.AsNoTracking().SingleOrDefaultAsync(r => r.EntryId == id && r.MemberId == memberId);
        Recommendations = await db.AddressRecommendations.AsNoTracking().Where(r => r.EntryId == id).OrderBy(r => r.CreatedAt)
            .GroupJoin(db.Profiles, r => r.MemberId, p => p.MemberId, (r, people) => new { r, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, p) => new RecommendationView(x.r.Comment, p == null ? null : p.DisplayName, x.r.CreatedAt))
            .ToListAsync();
        return true;
    }

    public sealed record RecommendationView(string Comment, string? Name, DateTime CreatedAt);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Moderation;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Email;
using Village.Web.Resources;

namespace Village.Web.Features.Places;

/// <summary>Moderators approve the places members propose, or decline them with a word the member reads; the
/// member is emailed either way and the decision goes to the moderation log.</summary>
[Authorize(Policy = Roles.Moderator)]
public sealed class ModerationModel(VillageDb db, TemplatedEmails emails, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public const int MaxShown = 50;

    public IReadOnlyList<PendingPlace> Pending { get; private set; } = [];

    /// <summary>The place whose decision failed validation, to show its note again.</summary>
    public Guid? FailedId { get; private set; }

    [BindProperty]
    [StringLength(PlaceConfiguration.DecisionNoteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Place.DeclineNote")]
    public string? Note { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid id, bool approve)
    {
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == id && p.Status == PlaceStatus.Pending);
        if (place is null)
        {
            return NotFound();
        }

        if (!approve && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), t["Place.DeclineNeedsNote"]);
        }

        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync();
            return this.InvalidPage();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        place.Status = approve ? PlaceStatus.Approved : PlaceStatus.Declined;
        place.DecisionNote = approve ? null : Note!.Trim();
        place.DecidedAt = now;
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Id = Guid.CreateVersion7(),
            ActorId = User.MemberId(),
            Action = approve ? ModerationAction.Approve : ModerationAction.Decline,
            TargetKind = ReportTarget.Place,
            TargetId = place.Id,
            TargetMemberId = place.ProposedById,
            Reason = approve ? place.Name : $"{place.Name} : {place.DecisionNote}",
            CreatedAt = now,
        });
        if (place.ProposedById is { } proposerId && await db.Users.SingleOrDefaultAsync(m => m.Id == proposerId) is { } proposer)
        {
            var link = $"{Request.Scheme}://{Request.Host}/places/{place.Id}";
            if (approve)
            {
                emails.PlaceApproved(proposer, link);
            }
            else
            {
                emails.PlaceDeclined(proposer, link);
            }
        }

        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Pending = await db.Places.AsNoTracking()
            .Where(p => p.Status == PlaceStatus.Pending)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Take(MaxShown)
            .GroupJoin(db.Profiles, p => p.ProposedById, x => x.MemberId, (p, people) => new { p, people })
            .SelectMany(x => x.people.DefaultIfEmpty(), (x, who) => new PendingPlace(x.p, who == null ? null : who.DisplayName))
            .ToListAsync();

    public sealed record PendingPlace(Place Place, string? ProposedBy);
}

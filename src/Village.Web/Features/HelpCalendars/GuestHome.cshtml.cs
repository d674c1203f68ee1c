using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Outings;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.HelpCalendars;

/// <summary>A helper's personal page, reached through the secret link emailed to them (no account): the calendar's
/// title and notes, the parent's first name and town, and the weeks ahead where they take a free turn ("Je m'en
/// occupe"), release their own, and see who took the others. Taking is one conditional update, so two helpers never
/// hold the same turn: the slower one gets a 409 and the page again with their note. Unknown, removed or closed: 404.</summary>
[HelperLinkHeaders]
public sealed class GuestHomeModel(VillageDb db, HelpGuests guests, IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>How far ahead the page shows turns.</summary>
    public const int WeeksAhead = 8;

    public HelpViewer Viewer { get; private set; } = null!;

    public string ParentFirstName { get; private set; } = "";

    public string Town { get; private set; } = "";

    public IReadOnlyList<TurnRow> Turns { get; private set; } = [];

    [BindProperty]
    [StringLength(HelpConfiguration.HelperNoteMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "HelpGuest.Field.Note")]
    public string? Note { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public sealed record TurnRow(Guid Id, HelpKind Kind, string Details, string Allergies, DateTime StartsLocal, DateTime EndsLocal, Guid? HelperId, string? HelperName, string HelperNote)
    {
        public bool IsFree => HelperId is null;
    }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        if (Viewer.Helper!.JoinedAt is null)
        {
            await db.HelpHelpers.Where(h => h.Id == Viewer.Helper.Id && h.JoinedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.JoinedAt, guests.Now));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTakeAsync(string token, Guid turn)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var now = guests.Now;
        var me = Viewer.Helper!.Id;
        var calendarId = Viewer.Calendar.Id;
        var note = (Note ?? "").Trim();
        var taken = await db.HelpTurns
            .Where(x => x.Id == turn && x.CalendarId == calendarId && x.HelperId == null && !x.IsCancelled && x.StartsAt > now
                && db.HelpCalendars.Any(c => c.Id == calendarId && c.Status == HelpCalendarStatus.Open))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HelperId, me).SetProperty(x => x.TakenAt, now)
                .SetProperty(x => x.HelperNote, note).SetProperty(x => x.ReminderSentAt, (DateTime?)null));
        if (taken == 0)
        {
            if (!await db.HelpTurns.AnyAsync(x => x.Id == turn && x.CalendarId == calendarId))
            {
                return NotFound();
            }

            await LoadAsync(token);
            ModelState.AddModelError("", t["HelpGuest.AlreadyTaken"]);
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        var row = await db.HelpTurns.AsNoTracking().Where(x => x.Id == turn)
            .Join(db.HelpNeeds, x => x.NeedId, n => n.Id, (x, n) => new { Turn = x, Need = n }).SingleAsync();
        guests.TurnTaken(Viewer.Calendar, Viewer.Helper, row.Need, row.Turn, token);
        await db.SaveChangesAsync();
        Notice = t["HelpGuest.TakenThanks", HelpGuests.When(row.Turn, Viewer.Calendar.TimeZone)];
        return Redirect($"/h/{token}");
    }

    public async Task<IActionResult> OnPostReleaseAsync(string token, Guid turn)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var now = guests.Now;
        var me = Viewer.Helper!.Id;
        var released = await db.HelpTurns.Where(x => x.Id == turn && x.HelperId == me && x.StartsAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.HelperId, (Guid?)null).SetProperty(x => x.TakenAt, (DateTime?)null)
                .SetProperty(x => x.HelperNote, "").SetProperty(x => x.ReminderSentAt, (DateTime?)null));
        if (released == 0)
        {
            return NotFound();
        }

        Notice = t["HelpGuest.Released"];
        return Redirect($"/h/{token}");
    }

    /// <summary>The helper leaves: their link dies, their coming turns are freed, their name and address are erased.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        var helper = await db.HelpHelpers.SingleAsync(h => h.Id == Viewer.Helper!.Id);
        await guests.FreeComingTurnsAsync(helper.Id);
        helper.RemovedAt = guests.Now;
        helper.Name = "";
        helper.Email = $"left-{helper.Id:N}";
        helper.TokenHash = HelpAccess.Hash(HelpAccess.NewToken());
        helper.CanOrganise = false;
        helper.CirclePersonId = null;
        await db.SaveChangesAsync();
        return Redirect("/h/goodbye");
    }

    private async Task<bool> LoadAsync(string token)
    {
        if (await HelpAccess.ForTokenAsync(db, token) is not { Helper: not null } viewer)
        {
            return false;
        }

        Viewer = viewer;
        (ParentFirstName, Town) = await guests.HouseholdAsync(viewer.Calendar.OwnerId);
        var now = guests.Now;
        var until = now.AddDays(7 * WeeksAhead);
        var zone = viewer.Calendar.TimeZone;
        var rows = await db.HelpTurns.AsNoTracking()
            .Where(x => x.CalendarId == viewer.Calendar.Id && !x.IsCancelled && x.StartsAt > now && x.StartsAt < until)
            .Join(db.HelpNeeds, x => x.NeedId, n => n.Id, (x, n) => new { Turn = x, Need = n })
            .OrderBy(x => x.Turn.StartsAt)
            .Select(x => new
            {
                x.Turn.Id,
                x.Need.Kind,
                x.Need.Details,
                x.Need.Allergies,
                x.Turn.StartsAt,
                x.Turn.EndsAt,
                x.Turn.HelperId,
                HelperName = db.HelpHelpers.Where(h => h.Id == x.Turn.HelperId).Select(h => h.Name).FirstOrDefault(),
                x.Turn.HelperNote,
            })
            .ToListAsync();
        Turns = [.. rows.Select(r => new TurnRow(r.Id, r.Kind, r.Details, r.Allergies, OutingSchedule.ToLocal(r.StartsAt, zone),
            OutingSchedule.ToLocal(r.EndsAt, zone), r.HelperId, r.HelperId == viewer.Helper.Id ? r.HelperName : HelpGuests.FirstName(r.HelperName), r.HelperNote))];
        return true;
    }
}

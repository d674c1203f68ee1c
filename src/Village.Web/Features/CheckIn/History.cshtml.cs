using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Circle;
using Village.Web.Features.Shared;

namespace Village.Web.Features.CheckIn;

/// <summary>My private history: the check-ins I chose to keep (each one's result again, read from the protected
/// answers), deleting one or all, and the reminder I asked for. Only mine: another parent's check-in is a 404.</summary>
[Authorize]
public sealed class HistoryModel(VillageDb db, CheckInAnswersCodec codec, NearbyHelp nearbyHelp) : PageModel
{
    public const int Max = 200;

    public sealed record Item(Guid Id, DateTime TakenAt, CheckInTier? Tier);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public CheckInReminder? Reminder { get; private set; }

    /// <summary>One check-in opened; <see cref="Unreadable"/> when its answers can no longer be read.</summary>
    public CheckInResultView? Opened { get; private set; }

    public bool Unreadable { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        Response.NoStore();
        var memberId = User.MemberId();
        if (id is { } one)
        {
            var entry = await db.CheckInEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == one && e.MemberId == memberId);
            if (entry is null)
            {
                return NotFound();
            }

            if (codec.Read(entry.ProtectedAnswers) is { } answers)
            {
                Opened = await IndexModel.ResultAsync(db, nearbyHelp, memberId, CheckInRouting.Route(answers), HttpContext.RequestAborted)
                    with
                { TakenAt = entry.TakenAt };
            }
            else
            {
                Unreadable = true;
            }

            return Page();
        }

        var entries = await db.CheckInEntries.AsNoTracking().Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.TakenAt).Take(Max).ToListAsync();
        Items = [.. entries.Select(e => new Item(e.Id, e.TakenAt, codec.Read(e.ProtectedAnswers) is { } a ? CheckInRouting.Route(a).Tier : null))];
        Reminder = await db.CheckInReminders.AsNoTracking().SingleOrDefaultAsync(r => r.MemberId == memberId);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid? id)
    {
        var memberId = User.MemberId();
        var deleted = id is { } one ? await db.CheckInEntries.Where(e => e.Id == one && e.MemberId == memberId).ExecuteDeleteAsync() : 0;
        if (deleted == 0)
        {
            return NotFound();
        }

        TempData["CheckIn.Done"] = "CheckIn.History.Deleted";
        return Redirect("/checkin/history");
    }

    public async Task<IActionResult> OnPostDeleteAllAsync()
    {
        var memberId = User.MemberId();
        await db.CheckInEntries.Where(e => e.MemberId == memberId).ExecuteDeleteAsync();
        TempData["CheckIn.Done"] = "CheckIn.History.DeletedAll";
        return Redirect("/checkin/history");
    }

    public async Task<IActionResult> OnPostCancelReminderAsync()
    {
        var memberId = User.MemberId();
        await db.CheckInReminders.Where(r => r.MemberId == memberId).ExecuteDeleteAsync();
        TempData["CheckIn.Done"] = "CheckIn.History.ReminderCancelled";
        return Redirect("/checkin/history");
    }
}

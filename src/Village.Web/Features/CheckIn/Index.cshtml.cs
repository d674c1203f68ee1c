using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Circle;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.CheckIn;

/// <summary>The private check-in: the questions on one page; the answer is the result, rendered directly (no redirect,
/// nothing in TempData or a cookie). Nothing is stored unless the parent ticks "keep" (the answers, protected) or
/// "remind me" (only a date).</summary>
[Authorize]
public sealed class IndexModel(
    VillageDb db,
    CheckInAnswersCodec codec,
    NearbyHelp nearbyHelp,
    TimeProvider clock,
    IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>The chosen option of each question, by question name ("Answers[FamilySeen]").</summary>
    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public bool Keep { get; set; }

    [BindProperty]
    public bool Remind { get; set; }

    public CheckInResultView? Result { get; private set; }

    public void OnGet() => Response.NoStore();

    public async Task<IActionResult> OnPostAsync()
    {
        Response.NoStore();
        var answers = CheckInQuestions.Read(Answers, out var invalid);
        foreach (var question in invalid)
        {
            var number = CheckInQuestions.All.ToList().IndexOf(question) + 1;
            ModelState.AddModelError($"Answers[{question.Name}]", t["CheckIn.Missing", number]);
        }

        if (answers is null || !ModelState.IsValid)
        {
            if (ModelState.ErrorCount == 0)
            {
                ModelState.AddModelError("", t["CheckIn.Invalid"]);
            }

            return this.InvalidPage();
        }

        var memberId = User.MemberId();
        var now = clock.GetUtcNow().UtcDateTime;
        if (Keep)
        {
            db.CheckInEntries.Add(new CheckInEntry { MemberId = memberId, TakenAt = now, ProtectedAnswers = codec.Protect(answers) });
        }

        var reminder = await db.CheckInReminders.SingleOrDefaultAsync(r => r.MemberId == memberId);
        if (Remind)
        {
            if (reminder is null)
            {
                db.CheckInReminders.Add(new CheckInReminder { MemberId = memberId, DueAt = now + CheckInReminders.After });
            }
            else
            {
                (reminder.DueAt, reminder.SentAt) = (now + CheckInReminders.After, null);
            }
        }
        else if (reminder is { SentAt: not null })
        {
            // The reminder came and the parent is back: it has done its work.
            db.CheckInReminders.Remove(reminder);
        }

        await db.SaveChangesAsync();
        Result = await ResultAsync(db, nearbyHelp, memberId, CheckInRouting.Route(answers), HttpContext.RequestAborted) with { Saved = Keep, Reminded = Remind };
        return Page();
    }

    /// <summary>A result for the parent: their country's lines, and help near them when the result offers it.</summary>
    public static async Task<CheckInResultView> ResultAsync(VillageDb db, NearbyHelp nearbyHelp, Guid memberId, CheckInRoute route, CancellationToken cancellationToken)
    {
        var country = await db.Profiles.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => p.Country).FirstOrDefaultAsync(cancellationToken);
        var lines = await CrisisLines.ForCountryAsync(db, country, cancellationToken);
        var nearby = route.Offers(CheckInSteps.Groups) || route.Offers(CheckInSteps.Circle)
            ? await nearbyHelp.FindAsync(memberId, cancellationToken)
            : null;
        return new CheckInResultView(route, lines, nearby);
    }
}

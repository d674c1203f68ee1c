using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Outings;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Calendar;

/// <summary>The parent's private calendar address: created on the first visit, replaced on request (the old address
/// then answers 404). Whoever has the address sees the parent's outings, so it is a secret.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db, TimeProvider time) : PageModel
{
    public string FeedUrl { get; private set; } = "";

    public string WebcalUrl { get; private set; } = "";

    [TempData]
    public bool Replaced { get; set; }

    public async Task OnGetAsync()
    {
        var memberId = User.MemberId();
        var token = await db.CalendarFeeds.Where(f => f.MemberId == memberId).Select(f => f.Token).SingleOrDefaultAsync();
        if (token is null)
        {
            token = CalendarFiles.NewToken();
            db.CalendarFeeds.Add(new CalendarFeed { MemberId = memberId, Token = token, CreatedAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Two first visits at once: the other one made the address.
                db.ChangeTracker.Clear();
                token = await db.CalendarFeeds.Where(f => f.MemberId == memberId).Select(f => f.Token).SingleAsync();
            }
        }

        FeedUrl = $"{Request.Scheme}://{Request.Host}/calendar/{token}.ics";
        WebcalUrl = $"webcal://{Request.Host}/calendar/{token}.ics";
    }

    public async Task<IActionResult> OnPostReplaceAsync()
    {
        var memberId = User.MemberId();
        var token = CalendarFiles.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.CalendarFeeds.Where(f => f.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Token, token).SetProperty(f => f.CreatedAt, now)) == 0)
        {
            db.CalendarFeeds.Add(new CalendarFeed { MemberId = memberId, Token = token, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        Replaced = true;
        return RedirectToPage();
    }
}

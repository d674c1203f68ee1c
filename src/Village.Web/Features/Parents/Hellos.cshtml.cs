using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Parents;

/// <summary>The hellos waiting for the parent's answer (accept, decline silently, block, report), and the hellos they
/// sent: "sent" whether waiting or declined, so nobody learns of a decline.</summary>
[Authorize]
public sealed class HellosModel(VillageDb db, HelloBox hellos, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>How many sent hellos the page lists, newest first.</summary>
    public const int SentShown = 50;

    public IReadOnlyList<ReceivedHello> Received { get; private set; } = [];

    public IReadOnlyList<SentHello> Sent { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        var me = User.MemberId();
        Now = clock.GetUtcNow().UtcDateTime;
        Received = await db.Hellos.AsNoTracking()
            .Where(h => h.ToId == me && h.Status == HelloStatus.Waiting
                && !db.Blocks.Any(b => (b.BlockerId == me && b.BlockedId == h.FromId) || (b.BlockerId == h.FromId && b.BlockedId == me)))
            .OrderByDescending(h => h.CreatedAt)
            .Select(h => new ReceivedHello(h.Id, h.FromId, db.Profiles.Where(p => p.MemberId == h.FromId).Select(p => p.DisplayName).FirstOrDefault() ?? "", h.Text, h.CreatedAt))
            .ToListAsync();
        // Waiting and declined read the same: only an acceptance (a conversation) shows.
        Sent = await db.Hellos.AsNoTracking()
            .Where(h => h.FromId == me)
            .OrderByDescending(h => h.CreatedAt)
            .Take(SentShown)
            .Select(h => new SentHello(
                h.ToId,
                db.Profiles.Where(p => p.MemberId == h.ToId).Select(p => p.DisplayName).FirstOrDefault() ?? "",
                h.Text,
                h.CreatedAt,
                h.Status == HelloStatus.Accepted ? h.ConversationId : null))
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id)
    {
        if (await hellos.WaitingForAsync(id, User.MemberId()) is not { } hello || hello.Status == HelloStatus.Declined)
        {
            return NotFound();
        }

        var conversation = await hellos.AcceptAsync(hello);
        return Redirect($"/messages/{conversation}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id)
    {
        if (await hellos.WaitingForAsync(id, User.MemberId()) is not { } hello)
        {
            return NotFound();
        }

        await hellos.DeclineAsync(hello);
        TempData["Hello.Sent"] = t["Hello.Declined"].Value;
        return RedirectToPage();
    }
}

public sealed record ReceivedHello(Guid Id, Guid FromId, string FromName, string Text, DateTime CreatedAt);

/// <summary>A hello as its sender sees it: no status but the conversation an acceptance opened.</summary>
public sealed record SentHello(Guid ToId, string ToName, string Text, DateTime CreatedAt, Guid? ConversationId);

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;
using Village.Web.Features.Moderation;
using Village.Web.Features.Parents;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Messages;

/// <summary>My conversations, the one with the newest message first, with what was said last and how many messages
/// I have not read; hellos waiting for my answer on top.</summary>
[Authorize]
public sealed class IndexModel(VillageDb db, Conversations conversations, HelloBox hellos) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The first words of the last message shown in the list.</summary>
    public const int PreviewLength = 120;

    public IReadOnlyList<ConversationLine> Lines { get; private set; } = [];

    public int WaitingHellos { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public bool HasNextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? p)
    {
        if (p is < 1 or > 10_000)
        {
            return NotFound();
        }

        PageNumber = p ?? 1;
        var me = User.MemberId();
        Lines = await ListAsync(db, conversations, me, (PageNumber - 1) * PageSize, PageSize + 1);
        HasNextPage = Lines.Count > PageSize;
        Lines = [.. Lines.Take(PageSize)];
        WaitingHellos = await hellos.WaitingCountAsync(me);
        return Page();
    }

    /// <summary>A page of the member's conversations, newest first (the API lists the same).</summary>
    public static async Task<List<ConversationLine>> ListAsync(VillageDb db, Conversations conversations, Guid me, int skip, int take) =>
        await conversations.Of(me).AsNoTracking()
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
            .Skip(skip).Take(take)
            .Select(c => new ConversationLine(
                c.Id,
                c.Kind,
                c.OutingId,
                c.Kind == ConversationKind.Outing
                    ? db.Outings.Where(o => o.Id == c.OutingId).Select(o => o.Title).FirstOrDefault()
                    : db.Profiles.Where(p => c.Members.Any(m => m.MemberId == p.MemberId && m.MemberId != me)).Select(p => p.DisplayName).FirstOrDefault(),
                db.Messages.Where(m => m.ConversationId == c.Id && m.Sequence == c.LastSequence && m.Moderation == ModerationState.Visible)
                    .Select(m => m.Text.Substring(0, PreviewLength)).FirstOrDefault(),
                c.LastMessageAt,
                c.LastSequence - c.Members.Where(m => m.MemberId == me).Select(m => m.ReadSequence).First()))
            .ToListAsync();

    /// <summary>A conversation in the list: <see cref="Title"/> is the other parent's name (null once they left) or
    /// the outing's title; <see cref="Preview"/> null before the first message or when moderators hid the last.</summary>
    public sealed record ConversationLine(
        Guid Id, ConversationKind Kind, Guid? OutingId, string? Title, string? Preview, DateTime LastMessageAt, long Unread);
}

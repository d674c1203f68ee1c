using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Messages;

/// <summary>One conversation, for its members only (anyone else: not found): the latest messages, older ones page by
/// page, and a form to write that works without JavaScript. Reading marks read; a block between the two parents of a
/// direct conversation stops the writing.</summary>
[Authorize]
public sealed class ShowModel(VillageDb db, MessageReading reading, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public ConversationView Conversation { get; private set; } = null!;

    public IReadOnlyList<MessageView> Messages { get; private set; } = [];

    /// <summary>The sequence to ask for older messages from; null when the first message is shown.</summary>
    public long? OlderBefore { get; private set; }

    /// <summary>Whether this page shows the latest messages (and the form), not an older page.</summary>
    public bool IsLatest { get; private set; }

    public bool ShowMeetingTip { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(MessagesConfiguration.TextMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Messages.Text")]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, long? before)
    {
        if (before is < 1 || !await LoadAsync(id, before))
        {
            return NotFound();
        }

        if (Messages.Count > 0)
        {
            await reading.MarkReadAsync(User.MemberId(), id, Messages[^1].Sequence);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var me = User.MemberId();
        if (!await LoadAsync(id, null))
        {
            return NotFound();
        }

        if (Conversation.Blocked || Conversation.Closed)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var sent = await reading.SendAsync(me, id, Text);
        switch (sent.Outcome)
        {
            case SendOutcome.Sent:
                return Redirect($"/messages/{id}#m-{sent.Message!.Sequence}");
            case SendOutcome.NotFound:
                return NotFound();
            case SendOutcome.Blocked:
                return StatusCode(StatusCodes.Status403Forbidden);
            case SendOutcome.TooMany:
                ModelState.AddModelError(nameof(Text), t["Messages.TooMany", sent.Limit ?? 0]);
                var page = this.InvalidPage();
                page.StatusCode = StatusCodes.Status429TooManyRequests;
                return page;
            default:
                ModelState.AddModelError(nameof(Text), t["Validation.Required", t["Messages.Text"]]);
                return this.InvalidPage();
        }
    }

    /// <summary>Closes the first-meeting safety tip for good.</summary>
    public async Task<IActionResult> OnPostTipAsync(Guid id)
    {
        if (await reading.FindAsync(User.MemberId(), id) is null)
        {
            return NotFound();
        }

        var me = User.MemberId();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Profiles.Where(p => p.MemberId == me && p.MeetingTipSeenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.MeetingTipSeenAt, now));
        return Redirect($"/messages/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, long? before)
    {
        var me = User.MemberId();
        if (await reading.FindAsync(me, id) is not { } conversation)
        {
            return false;
        }

        Conversation = conversation;
        var size = reading.Options.PageSize;
        var page = await reading.MessagesAsync(me, id, before, null, size + 1);
        OlderBefore = page.Count > size ? page[1].Sequence : null;
        Messages = page.Count > size ? [.. page.Skip(1)] : page;
        IsLatest = before is null;
        ShowMeetingTip = IsLatest && conversation.Kind == ConversationKind.Direct
            && await db.Profiles.AnyAsync(p => p.MemberId == me && p.MeetingTipSeenAt == null);
        return true;
    }
}

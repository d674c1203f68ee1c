using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Web.Features.Newsletter;

/// <summary>The unsubscribe link of every newsletter, working without signing in: the signed token says which
/// membership. GET only asks (link scanners open links and must unsubscribe nobody); POST unsubscribes at once.
/// No antiforgery here: mail clients post the one-click unsubscribe (RFC 8058) themselves, and the token is the proof.
/// The POST answers with the page, not a redirect, as RFC 8058 expects of the one-click request.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(VillageDb db, UnsubscribeTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public UnsubscribeState State { get; private set; }

    public string? CommunityName { get; private set; }

    public string? CommunitySlug { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!tokens.TryRead(Token, out var communityId, out var memberId))
        {
            return Invalid();
        }

        var subscribed = await LoadAsync(communityId, memberId);
        State = subscribed switch
        {
            true => UnsubscribeState.Confirm,
            false => UnsubscribeState.AlreadyOff,
            null => UnsubscribeState.NotMember,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!tokens.TryRead(Token, out var communityId, out var memberId))
        {
            return Invalid();
        }

        await db.CommunityMembers.Where(m => m.CommunityId == communityId && m.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NewsletterSubscribed, false));
        State = await LoadAsync(communityId, memberId) is null ? UnsubscribeState.NotMember : UnsubscribeState.Done;
        return Page();
    }

    private PageResult Invalid()
    {
        State = UnsubscribeState.Invalid;
        var result = Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }

    /// <summary>Whether the membership receives the newsletter, or null when it no longer exists.</summary>
    private async Task<bool?> LoadAsync(Guid communityId, Guid memberId)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => new { c.Name, c.Slug }).SingleOrDefaultAsync();
        CommunityName = community?.Name;
        CommunitySlug = community?.Slug;
        return await db.CommunityMembers.Where(m => m.CommunityId == communityId && m.MemberId == memberId)
            .Select(m => (bool?)m.NewsletterSubscribed).SingleOrDefaultAsync();
    }
}

public enum UnsubscribeState
{
    Invalid,
    Confirm,
    AlreadyOff,
    Done,
    NotMember,
}

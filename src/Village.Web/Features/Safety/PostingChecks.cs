using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Village.Web.Features.Accounts;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Safety;

/// <summary>The checks a post or a comment goes through just before it is saved, one call per handler: the limit for
/// new accounts (new posts only), then the pause for hurtful words. Null means go ahead; otherwise the page to show,
/// with what the person typed.</summary>
public sealed class PostingChecks(NewMemberLimits limits, HurtfulWords hurtful, IStringLocalizer<Texts> t)
{
    public async Task<IActionResult?> NewPostAsync(PageModel page, string title, string body)
    {
        var user = page.User;
        if (!user.IsInRole(Roles.Administrator) && !user.IsInRole(Roles.Moderator)
            && await limits.NextPostAtAsync(user.MemberId()) is { } next)
        {
            page.ModelState.AddModelError("", t["Limits.NewAccount", limits.Options.NewAccountDays, limits.Options.NewAccountPostsPerDay, next.ToString("g")]);
            var refused = page.InvalidPage();
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }

        return Pause(page, title, body);
    }

    public IActionResult? EditedPost(PageModel page, string title, string body) => Pause(page, title, body);

    public IActionResult? Comment(PageModel page, string? text) => Pause(page, text);

    private PageResult? Pause(PageModel page, params string?[] texts) =>
        hurtful.ShouldPause(page, texts) ? page.Page() : null;
}

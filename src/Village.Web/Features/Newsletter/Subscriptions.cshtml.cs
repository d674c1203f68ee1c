using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Newsletter;

/// <summary>A member's newsletters: one box per community they belong to. Shown in the account settings
/// (<see cref="SubscriptionsViewComponent"/>) and saved here.</summary>
[Authorize]
public sealed class SubscriptionsModel(VillageDb db, IStringLocalizer<Texts> t) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>The boxes ticked: the communities whose newsletter the member wants; every other one stops.</summary>
    public async Task<IActionResult> OnPostAsync(List<Guid>? subscribed)
    {
        var memberId = User.MemberId();
        var wanted = subscribed ?? [];
        await db.CommunityMembers.Where(m => m.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NewsletterSubscribed, m => wanted.Contains(m.CommunityId)));
        TempData["Message"] = t["Newsletter.SubscriptionsSaved"].Value;
        return Redirect("/account/settings");
    }
}

/// <summary>The list of the member's communities with a box each, for the settings page.</summary>
public sealed class SubscriptionsViewComponent(VillageDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var memberId = UserClaimsPrincipal.MemberId();
        var communities = await db.CommunityMembers.AsNoTracking().Where(m => m.MemberId == memberId)
            .Join(db.Communities, m => m.CommunityId, c => c.Id, (m, c) => new { c.Id, c.Name, c.Slug, m.NewsletterSubscribed })
            .OrderBy(s => s.Name)
            .Select(s => new Subscription(s.Id, s.Name, s.Slug, s.NewsletterSubscribed))
            .ToListAsync();
        return View("/Features/Newsletter/_Subscriptions.cshtml", communities);
    }
}

public sealed record Subscription(Guid CommunityId, string Name, string Slug, bool Subscribed);

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Village.Web.Features.Shared;

namespace Village.Web.Features.Outings;

/// <summary>My outings: those I organise and the dates I joined (going, or my place on a waiting list), upcoming.</summary>
[Authorize]
public sealed class MineModel(OutingSearch search) : PageModel
{
    public const int Max = 100;

    public IReadOnlyList<OutingCard> Items { get; private set; } = [];

    public async Task OnGetAsync() =>
        Items = await search.MineAsync(User.MemberId(), search.Now, Max, HttpContext.RequestAborted);
}

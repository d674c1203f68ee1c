using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>Every open report, members reported included, for platform moderators.</summary>
[Authorize(Policy = Roles.Moderator)]
public sealed class ReportsModel(VillageDb db, Moderator moderator, ReplyTemplates replies, TimeProvider clock, IStringLocalizer<Texts> t)
    : QueuePageModel(db, moderator, replies, clock, t)
{
    protected override Task<bool> AuthorizeAsync(string? slug) => Task.FromResult(true);
}

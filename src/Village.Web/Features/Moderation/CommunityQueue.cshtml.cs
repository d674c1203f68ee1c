using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>A community's moderation queue, for its admins (and platform moderators). Anyone else finds nothing.</summary>
[Authorize]
public sealed class CommunityQueueModel(VillageDb db, Moderator moderator, ReplyTemplates replies, CommunityAccess access, TimeProvider clock, IStringLocalizer<Texts> t)
    : QueuePageModel(db, moderator, replies, clock, t)
{
    protected override async Task<bool> AuthorizeAsync(string? slug)
    {
        var community = await ScopeAsync(Db, access, User, slug);
        Community = community;
        return community is not null;
    }

    /// <summary>The community whose moderation pages the user may open: its admins' and platform moderators'.</summary>
    public static async Task<Community?> ScopeAsync(VillageDb db, CommunityAccess access, System.Security.Claims.ClaimsPrincipal user, string? slug)
    {
        if (slug is null)
        {
            return null;
        }

        if (Moderator.IsPlatformModerator(user))
        {
            return await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug && c.Status == CommunityStatus.Approved);
        }

        return await access.ForAsync(slug, user.MemberId()) is { IsAdmin: true } admin ? admin.Community : null;
    }
}

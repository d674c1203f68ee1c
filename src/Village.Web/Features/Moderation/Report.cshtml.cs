using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Messages;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>Reporting a post, a comment, a private message or a member to the moderators: a reason and, if one wishes, a few words.
/// Only what the reporter may read can be reported; one open report per reporter and target; ten a day.</summary>
[Authorize]
public sealed class ReportModel(VillageDb db, CommunityAccess access, Conversations conversations, ModerationEmails emails, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public const int DailyLimit = 10;

    public ReportTarget Kind { get; private set; }

    /// <summary>What is reported, as the reporter sees it: a post's title, a comment's text, a parent's name.</summary>
    public string Summary { get; private set; } = "";

    public string BackLink { get; private set; } = "/";

    private Guid? communityId;
    private string? communitySlug;
    private Guid? targetMemberId;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Report.Reason")]
    public ReportReason? Reason { get; set; }

    [BindProperty]
    [StringLength(ModerationConfiguration.DetailsMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Report.Details")]
    public string? Details { get; set; }

    public async Task<IActionResult> OnGetAsync(string kind, Guid id) =>
        await LoadAsync(kind, id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string kind, Guid id)
    {
        if (!await LoadAsync(kind, id))
        {
            return NotFound();
        }

        if (Reason is { } reason && !Enum.IsDefined(reason))
        {
            ModelState.AddModelError(nameof(Reason), t["Validation.Invalid"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var memberId = User.MemberId();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Reports.AnyAsync(r => r.ReporterId == memberId && r.TargetId == id && r.Status == ReportStatus.Open))
        {
            TempData[MessageKey] = t["Report.Already"].Value;
            return Redirect(BackLink);
        }

        if (await db.Reports.CountAsync(r => r.ReporterId == memberId && r.CreatedAt > now.AddDays(-1)) >= DailyLimit)
        {
            ModelState.AddModelError("", t["Report.TooMany", DailyLimit]);
            var page = this.InvalidPage();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        db.Reports.Add(new Report
        {
            Id = Guid.CreateVersion7(),
            ReporterId = memberId,
            TargetKind = Kind,
            TargetId = id,
            TargetMemberId = targetMemberId,
            CommunityId = communityId,
            Reason = Reason!.Value,
            Details = string.IsNullOrWhiteSpace(Details) ? null : Details.Trim(),
            Status = ReportStatus.Open,
            CreatedAt = now,
        });
        if (communityId is { } community)
        {
            await emails.NotifyAdminsOnDutyOfReportAsync(
                community,
                Url.Page("/Moderation/CommunityQueue", null, new { slug = communitySlug }, Request.Scheme)!,
                Url.Page("/Moderation/Reports", null, null, Request.Scheme)!);
        }

        await db.SaveChangesAsync();
        TempData[MessageKey] = t["Report.Thanks"].Value;
        return Redirect(BackLink);
    }

    /// <summary>The TempData key of the kind word shown back on the page the report came from.</summary>
    public const string MessageKey = "ModerationMessage";

    private async Task<bool> LoadAsync(string kind, Guid id)
    {
        var memberId = User.MemberId();
        switch (kind)
        {
            case "post":
                var post = await db.Posts.AsNoTracking().Where(p => p.Id == id)
                    .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new { p.Id, p.Title, p.AuthorId, c.Slug }).SingleOrDefaultAsync();
                if (post is null || post.AuthorId == memberId || !await MayReadPostAsync(post.Slug, post.Id, memberId))
                {
                    return false;
                }

                (Kind, Summary, targetMemberId) = (ReportTarget.Post, post.Title, post.AuthorId);
                BackLink = $"/communities/{post.Slug}/posts/{post.Id}";
                return true;
            case "comment":
                var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id && c.Moderation == ModerationState.Visible)
                    .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new { c.Body, c.AuthorId, p.CommunityId, PostId = p.Id })
                    .Join(db.Communities, x => x.CommunityId, c => c.Id, (x, c) => new { x.Body, x.AuthorId, x.PostId, c.Slug }).SingleOrDefaultAsync();
                if (comment is null || comment.AuthorId == memberId || !await MayReadPostAsync(comment.Slug, comment.PostId, memberId)
                    || (comment.AuthorId is { } author && await db.Blocks.BetweenAsync(memberId, author)))
                {
                    return false;
                }

                (Kind, Summary, targetMemberId) = (ReportTarget.Comment, comment.Body, comment.AuthorId);
                BackLink = $"/communities/{comment.Slug}/posts/{comment.PostId}#comments";
                return true;
            case "message":
                var message = await conversations.Of(memberId).AsNoTracking()
                    .Join(db.Messages, c => c.Id, m => m.ConversationId, (c, m) => m)
                    .Where(m => m.Id == id && m.Moderation == ModerationState.Visible)
                    .Select(m => new { m.Text, m.AuthorId, m.ConversationId, m.Sequence }).SingleOrDefaultAsync();
                if (message is null || message.AuthorId == memberId)
                {
                    return false;
                }

                (Kind, Summary, targetMemberId) = (ReportTarget.Message, message.Text, message.AuthorId);
                BackLink = $"/messages/{message.ConversationId}#m-{message.Sequence}";
                return true;
            case "member":
                var name = await db.Profiles.AsNoTracking().Where(p => p.MemberId == id).Select(p => p.DisplayName).SingleOrDefaultAsync();
                if (name is null || id == memberId)
                {
                    return false;
                }

                (Kind, Summary, targetMemberId) = (ReportTarget.Member, name, id);
                BackLink = $"/parents/{id}";
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the member may read this post (community access, moderation, blocks); sets the community.</summary>
    private async Task<bool> MayReadPostAsync(string slug, Guid postId, Guid memberId)
    {
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } community
            || !await db.Posts.Where(p => p.Id == postId).ShownTo(db, memberId).AnyAsync())
        {
            return false;
        }

        communityId = community.Community.Id;
        communitySlug = slug;
        return true;
    }
}

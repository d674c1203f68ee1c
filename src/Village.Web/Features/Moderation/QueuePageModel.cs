using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Moderation;

/// <summary>A queue of open reports with the actions on them, the content hidden or removed (to restore it) and
/// the sanctions in force (to lift them): one community's for its admins, everyone's for platform moderators.
/// Every action asks for a reason, written or taken from the community's reply templates, goes through
/// <see cref="Moderator"/> and comes back here.</summary>
public abstract class QueuePageModel(VillageDb db, Moderator moderator, ReplyTemplates replies, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public const int QueueSize = 50;

    protected VillageDb Db => db;

    /// <summary>The community this queue is about; null for the platform moderators' queue of everything.</summary>
    public Community? Community { get; protected set; }

    public IReadOnlyList<ReportView> Reports { get; private set; } = [];

    public IReadOnlyList<ModeratedView> Moderated { get; private set; } = [];

    public IReadOnlyList<SanctionView> Sanctions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>Required, unless a reply template is chosen: then the template's text is the reason.</summary>
    [BindProperty]
    [StringLength(ModerationConfiguration.ReasonMax, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Moderation.Reason")]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? TemplateId { get; set; }

    /// <summary>The community's reply templates (none in the platform queue, which spans communities).</summary>
    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];

    /// <summary>Decides who may see this queue and sets <see cref="Community"/>; false answers "not found".</summary>
    protected abstract Task<bool> AuthorizeAsync(string? slug);

    public async Task<IActionResult> OnGetAsync(string? slug)
    {
        if (!await AuthorizeAsync(slug))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostContentAsync(string? slug, ReportTarget kind, Guid id, ModerationAction act) => kind == ReportTarget.Message
        ? ActAsync(slug, act is ModerationAction.Hide or ModerationAction.Restore, reason => moderator.SetMessageStateAsync(User, id, act, reason))
        : ActAsync(slug, act is ModerationAction.Hide or ModerationAction.Remove or ModerationAction.Restore && kind is ReportTarget.Post or ReportTarget.Comment,
            reason => moderator.SetStateAsync(User, kind, id, act, reason,
                content => Url.Page("/Posts/Show", null, new { slug = content.Slug, id = content.PostId }, Request.Scheme)!));

    public Task<IActionResult> OnPostDismissAsync(string? slug, Guid report) =>
        ActAsync(slug, true, reason => moderator.DismissAsync(User, report, reason));

    public Task<IActionResult> OnPostSanctionAsync(string? slug, Guid member, Guid community, SanctionKind sanction, int days, Guid? report)
    {
        if (!Moderator.Durations.Contains(days))
        {
            ModelState.AddModelError(nameof(days), t["Sanction.InvalidDuration"]);
        }

        return ActAsync(slug, Enum.IsDefined(sanction), reason => moderator.SanctionAsync(User, community, member, sanction, days, reason, report));
    }

    public Task<IActionResult> OnPostLiftAsync(string? slug, Guid sanctionId) =>
        ActAsync(slug, true, reason => moderator.LiftAsync(User, sanctionId, reason));

    private async Task<IActionResult> ActAsync(string? slug, bool sensible, Func<string, Task<bool>> act)
    {
        if (!await AuthorizeAsync(slug))
        {
            return NotFound();
        }

        if (!sensible)
        {
            ModelState.AddModelError("", t["Validation.Invalid"]);
        }

        if (string.IsNullOrWhiteSpace(Reason) && TemplateId is { } templateId && Community is { } community
            && await replies.FindAsync(community.Id, templateId) is { } template)
        {
            Reason = template.Body.Length <= ModerationConfiguration.ReasonMax ? template.Body : null;
        }

        if (string.IsNullOrWhiteSpace(Reason) && ModelState[nameof(Reason)]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError(nameof(Reason), t["Validation.Required", t["Moderation.Reason"]]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.InvalidPage();
        }

        if (!await act(Reason!.Trim()))
        {
            return NotFound();
        }

        Message = t["Moderation.Done"];
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var scope = Community?.Id;
        Templates = scope is { } communityId ? await replies.ForCommunityAsync(communityId) : [];
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Open && (scope == null || r.CommunityId == scope))
            .OrderBy(r => r.CreatedAt).Take(QueueSize).ToListAsync();
        var postIds = reports.Where(r => r.TargetKind == ReportTarget.Post).Select(r => r.TargetId).ToList();
        var commentIds = reports.Where(r => r.TargetKind == ReportTarget.Comment).Select(r => r.TargetId).ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .Select(p => new { p.Id, PostId = p.Id, Title = (string?)p.Title, p.Body, p.Moderation }).ToDictionaryAsync(p => p.Id);
        var comments = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.PostId, Title = (string?)null, c.Body, c.Moderation }).ToDictionaryAsync(c => c.Id);
        var contexts = scope is null ? await MessageContextsAsync(reports.Where(r => r.TargetKind == ReportTarget.Message).Select(r => r.TargetId).ToList()) : [];
        var members = reports.Where(r => r.TargetMemberId is not null).Select(r => r.TargetMemberId!.Value).Distinct().ToList();
        var names = await NamesAsync(members);
        var memberships = await db.CommunityMembers.AsNoTracking()
            .Where(m => members.Contains(m.MemberId) && (scope == null || m.CommunityId == scope))
            .Select(m => new { m.MemberId, m.CommunityId }).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var sanctions = await db.CommunitySanctions.AsNoTracking()
            .Where(s => s.LiftedAt == null && (s.EndsAt == null || s.EndsAt > now) && (scope == null || s.CommunityId == scope))
            .OrderBy(s => s.StartsAt).Take(QueueSize).ToListAsync();
        var communityIds = reports.Where(r => r.CommunityId is not null).Select(r => r.CommunityId!.Value)
            .Concat(memberships.Select(m => m.CommunityId)).Concat(sanctions.Select(s => s.CommunityId)).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Slug, c.Name });

        Reports = reports.Select(r =>
        {
            if (r.TargetKind == ReportTarget.Message)
            {
                var context = contexts.TryGetValue(r.TargetId, out var lines) ? lines : [];
                var reported = context.FirstOrDefault(l => l.Reported);
                return new ReportView(
                    r.Id, r.TargetKind, r.TargetId, null, null, null, reported?.Text, reported?.Moderation, r.TargetMemberId,
                    r.TargetMemberId is { } writer && names.TryGetValue(writer, out var writerName) ? writerName : null,
                    r.Reason, r.Details, r.CreatedAt, [], context);
            }

            var content = r.TargetKind == ReportTarget.Post && posts.TryGetValue(r.TargetId, out var post) ? new { post.PostId, post.Title, post.Body, post.Moderation }
                : r.TargetKind == ReportTarget.Comment && comments.TryGetValue(r.TargetId, out var comment) ? new { comment.PostId, comment.Title, comment.Body, comment.Moderation }
                : null;
            var community = r.CommunityId is { } cid && communities.TryGetValue(cid, out var c) ? c : null;
            var sanctionIn = r.CommunityId is { } id
                ? [new CommunityChoice(id, community?.Name ?? "")]
                : memberships.Where(m => m.MemberId == r.TargetMemberId)
                    .Select(m => new CommunityChoice(m.CommunityId, communities.TryGetValue(m.CommunityId, out var mc) ? mc.Name : "")).ToList();
            return new ReportView(
                r.Id, r.TargetKind, r.TargetId, community?.Name,
                content is null || community is null ? r.TargetKind == ReportTarget.Member ? $"/parents/{r.TargetId}" : null : $"/communities/{community.Slug}/posts/{content.PostId}",
                content?.Title, content?.Body, content?.Moderation, r.TargetMemberId,
                r.TargetMemberId is { } author && names.TryGetValue(author, out var name) ? name : null,
                r.Reason, r.Details, r.CreatedAt, sanctionIn);
        }).ToList();

        var moderatedPosts = await db.Posts.AsNoTracking()
            .Where(p => p.Moderation != ModerationState.Visible && (scope == null || p.CommunityId == scope))
            .OrderByDescending(p => p.CreatedAt).Take(20)
            .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new ModeratedView(ReportTarget.Post, p.Id, $"/communities/{c.Slug}/posts/{p.Id}", p.Title, p.Moderation, p.ModerationReason))
            .ToListAsync();
        var moderatedComments = await db.Comments.AsNoTracking()
            .Where(x => x.Moderation != ModerationState.Visible)
            .Join(db.Posts, x => x.PostId, p => p.Id, (x, p) => new { x, p })
            .Where(xp => scope == null || xp.p.CommunityId == scope)
            .OrderByDescending(xp => xp.x.CreatedAt).Take(20)
            .Join(db.Communities, xp => xp.p.CommunityId, c => c.Id, (xp, c) => new ModeratedView(ReportTarget.Comment, xp.x.Id, $"/communities/{c.Slug}/posts/{xp.p.Id}", xp.x.Body, xp.x.Moderation, xp.x.ModerationReason))
            .ToListAsync();
        var moderatedMessages = scope is null
            ? await db.Messages.AsNoTracking().Where(m => m.Moderation != ModerationState.Visible).OrderByDescending(m => m.CreatedAt).Take(20)
                .Select(m => new ModeratedView(ReportTarget.Message, m.Id, null, m.Text, m.Moderation, null)).ToListAsync()
            : [];
        Moderated = [.. moderatedPosts, .. moderatedComments, .. moderatedMessages];

        var sanctioned = await NamesAsync(sanctions.Select(s => s.MemberId).Distinct().ToList());
        Sanctions = sanctions.Select(s => new SanctionView(
            s.Id, s.Kind, sanctioned.TryGetValue(s.MemberId, out var name) ? name : null, communities.TryGetValue(s.CommunityId, out var c) ? c.Name : "",
            s.Reason, s.EndsAt)).ToList();
    }

    /// <summary>Each reported message with up to <see cref="ContextSize"/> messages before and after it in its
    /// conversation, what moderators need to judge it (platform moderators only: conversations have no community).</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<ContextLine>>> MessageContextsAsync(List<Guid> messageIds)
    {
        var result = new Dictionary<Guid, IReadOnlyList<ContextLine>>();
        if (messageIds.Count == 0)
        {
            return result;
        }

        var reported = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id))
            .Select(m => new { m.Id, m.ConversationId, m.Sequence }).ToListAsync();
        foreach (var message in reported)
        {
            var lines = await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == message.ConversationId && m.Sequence >= message.Sequence - ContextSize && m.Sequence <= message.Sequence + ContextSize)
                .OrderBy(m => m.Sequence)
                .Select(m => new ContextLine(
                    db.Profiles.Where(p => p.MemberId == m.AuthorId).Select(p => p.DisplayName).FirstOrDefault(), m.Text, m.CreatedAt, m.Moderation, m.Id == message.Id))
                .ToListAsync();
            result[message.Id] = lines;
        }

        return result;
    }

    /// <summary>Messages shown before and after a reported one.</summary>
    public const int ContextSize = 5;

    private Task<Dictionary<Guid, string>> NamesAsync(List<Guid> members) =>
        db.Profiles.AsNoTracking().Where(p => members.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, p => p.DisplayName);

    public sealed record CommunityChoice(Guid Id, string Name);

    public sealed record ReportView(
        Guid Id, ReportTarget Kind, Guid TargetId, string? CommunityName, string? Link, string? Title, string? Body, ModerationState? State,
        Guid? MemberId, string? MemberName, ReportReason Reason, string? Details, DateTime CreatedAt, IReadOnlyList<CommunityChoice> SanctionIn,
        IReadOnlyList<ContextLine>? Context = null);

    /// <summary>A message around a reported one (or the reported one itself); <see cref="Author"/> null once they left.</summary>
    public sealed record ContextLine(string? Author, string Text, DateTime CreatedAt, ModerationState Moderation, bool Reported);

    /// <summary>Content moderators hid or removed; <see cref="Link"/> is null for a private message (no page to open).</summary>
    public sealed record ModeratedView(ReportTarget Kind, Guid Id, string? Link, string Text, ModerationState State, string? Reason);

    public sealed record SanctionView(Guid Id, SanctionKind Kind, string? MemberName, string CommunityName, string Reason, DateTime? EndsAt);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Newsletter;

/// <summary>A community's newsletter: each member receives it or not; admins choose its rhythm, write a note for
/// the next issue and see that issue exactly as it will be sent.</summary>
[Authorize]
public sealed class IndexModel(
    VillageDb db,
    CommunityAccess access,
    NewsletterComposer composer,
    NewsletterEmail email,
    UnsubscribeTokens tokens,
    TimeProvider clock,
    IOptions<NewsletterOptions> options,
    IStringLocalizer<Texts> t) : PageModel
{
    public CommunityAccess.Access Access { get; private set; } = null!;

    public Community Community => Access.Community;

    public bool Subscribed { get; private set; }

    public NewsletterSettings Settings { get; private set; } = new();

    public DateOnly? NextIssue { get; private set; }

    /// <summary>When the last issue that was really sent went out.</summary>
    public DateTime? LastSent { get; private set; }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        Input = new SettingsInput { Frequency = Settings.Frequency, Weekday = Settings.Weekday, Note = Settings.Note };
        return Page();
    }

    public async Task<IActionResult> OnPostSubscriptionAsync(string slug, bool subscribe)
    {
        if (!await LoadAsync(slug) || !Access.IsMember)
        {
            return NotFound();
        }

        var memberId = User.MemberId();
        await db.CommunityMembers.Where(m => m.CommunityId == Community.Id && m.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NewsletterSubscribed, subscribe));
        Message = subscribe ? t["Newsletter.Subscribed", Community.Name] : t["Newsletter.Unsubscribed", Community.Name];
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostSettingsAsync(string slug)
    {
        if (!await LoadAsync(slug) || !Access.IsAdmin)
        {
            return NotFound();
        }

        if (ModelState.IsValid && !Enum.IsDefined(Input.Frequency))
        {
            ModelState.AddModelError("Input.Frequency", t["Validation.InvalidValue"]);
        }

        if (ModelState.IsValid && !Enum.IsDefined(Input.Weekday))
        {
            ModelState.AddModelError("Input.Weekday", t["Validation.InvalidValue"]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var settings = await db.NewsletterSettings.SingleOrDefaultAsync(s => s.CommunityId == Community.Id);
        if (settings is null)
        {
            settings = new NewsletterSettings { CommunityId = Community.Id };
            db.NewsletterSettings.Add(settings);
        }

        settings.Frequency = Input.Frequency;
        settings.Weekday = Input.Weekday;
        settings.Note = Input.Note?.Trim() ?? "";
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        Message = t["Newsletter.Saved"];
        return RedirectToPage(new { slug });
    }

    /// <summary>The next issue as the admin would receive it, in their language: shown in a sandboxed frame, with
    /// a policy of its own since emails carry inline styles.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(string slug)
    {
        if (!await LoadAsync(slug) || !Access.IsAdmin)
        {
            return NotFound();
        }

        var content = await ComposeNextAsync();
        var memberId = User.MemberId();
        var culture = await db.Users.Where(u => u.Id == memberId).Select(u => u.PreferredCulture).SingleAsync();
        var rendered = email.Render(content, culture, email.UnsubscribeUrl(tokens.For(Community.Id, memberId)));
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.CacheControl = "no-store";
        return Content(rendered.Html, "text/html; charset=utf-8");
    }

    /// <summary>Whether the next issue, as things stand, has nothing to say and would be skipped.</summary>
    public async Task<bool> NextIsEmptyAsync() => (await ComposeNextAsync()).IsEmpty;

    private async Task<NewsletterContent> ComposeNextAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = await NewsletterSender.PreviousIssueEndAsync(db, Community.Id) ?? now.AddDays(-NewsletterSchedule.PeriodDays(Settings.Frequency));
        var day = NextIssue ?? DateOnly.FromDateTime(now);
        return await composer.ComposeAsync(new NewsletterCommunity(Community.Id, Community.Slug, Community.Name), Settings.Note, since, now, day);
    }

    private async Task<bool> LoadAsync(string slug)
    {
        var memberId = User.MemberId();
        if (await access.ForAsync(slug, memberId) is not { CanRead: true } found)
        {
            return false;
        }

        Access = found;
        Subscribed = await db.CommunityMembers.AnyAsync(m => m.CommunityId == Community.Id && m.MemberId == memberId && m.NewsletterSubscribed);
        Settings = await db.NewsletterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == Community.Id) ?? new NewsletterSettings();
        var lastIssue = await NewsletterSender.PreviousIssueEndAsync(db, Community.Id);
        LastSent = await db.NewsletterIssues.Where(i => i.CommunityId == Community.Id && !i.Skipped).OrderByDescending(i => i.Period)
            .Select(i => (DateTime?)i.CoveredUntil).FirstOrDefaultAsync();
        NextIssue = NewsletterSchedule.Next(
            Settings.Frequency, Settings.Weekday, clock.GetUtcNow().UtcDateTime, options.Value.SendHourUtc,
            lastIssue is { } last ? DateOnly.FromDateTime(last) : null);
        return true;
    }

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Newsletter.Frequency")]
        public NewsletterFrequency Frequency { get; set; } = NewsletterFrequency.Weekly;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Newsletter.Weekday")]
        public DayOfWeek Weekday { get; set; } = NewsletterSchedule.DefaultWeekday;

        [StringLength(NewsletterConfiguration.NoteMax, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Newsletter.Note")]
        public string? Note { get; set; }
    }
}

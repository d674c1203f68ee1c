using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Messages;
using Village.Web.Features.Moderation;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Outings;

/// <summary>An outing's page: one of its dates (the next one unless ?date=yyyy-MM-dd or ?occurrence= says which),
/// who comes, joining and leaving, the waiting list, and the discussion. Who may see it is
/// <see cref="OutingVisibility"/>'s rule (anyone for an outing open to every parent nearby, members for a community's);
/// the meeting point, the families and the discussion are for the organiser and the families taking part.</summary>
public sealed class ShowModel(
    VillageDb db, OutingSearch search, Attendance attendance, OutingEmails emails, OutingConversation group, Conversations conversations, TimeProvider clock, IStringLocalizer<Texts> t) : PageModel
{
    public const int CancelWordMax = 500;

    /// <summary>The newest messages shown on the outing's page.</summary>
    public const int ShownMessages = 50;

    public Outing Outing { get; private set; } = null!;

    public string? OrganizerName { get; private set; }

    public (string Name, string Slug)? Community { get; private set; }

    public string? PlaceName { get; private set; }

    /// <summary>The dates to come (or the last one, once all are past), in order.</summary>
    public IReadOnlyList<OutingOccurrence> Dates { get; private set; } = [];

    public OutingOccurrence? Date { get; private set; }

    public OutingParticipation? Mine { get; private set; }

    public bool IsSignedIn { get; private set; }

    public bool IsOrganizer { get; private set; }

    /// <summary>The organiser, or a family going or waiting at one of its dates: sees the meeting point, the families
    /// and the discussion.</summary>
    public bool IsParticipant { get; private set; }

    public int? WaitingPosition { get; private set; }

    public int WaitingCount { get; private set; }

    public IReadOnlyList<FamilyView> Families { get; private set; } = [];

    public IReadOnlyList<MessageView> Messages { get; private set; } = [];

    /// <summary>The outing's group conversation, once opened (the first family joining, or the first message).</summary>
    public Guid? ConversationId { get; private set; }

    /// <summary>Reads the discussion: a member of the outing's conversation (the organiser always; a family while it has
    /// a date to come, and after the dates it came to), or a family taking part before the conversation is opened.</summary>
    public bool CanReadDiscussion { get; private set; }

    /// <summary>Older messages than the ones shown here are read in the parent's messages.</summary>
    public bool HasOlderMessages { get; private set; }

    /// <summary>A cancelled outing's discussion stays readable, closed for writing.</summary>
    public bool IsDiscussionClosed => Outing.Status == OutingStatus.Cancelled;

    public DateTime Now { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public string? MessageText { get; set; }

    [BindProperty]
    public int Adults { get; set; } = 1;

    [BindProperty]
    public int Children { get; set; } = 1;

    [BindProperty]
    public bool MorningReminder { get; set; }

    [BindProperty]
    public string? CancelWord { get; set; }

    public bool IsPast => Date is null || Date.EndsAt <= Now;

    public bool IsCancelled => Outing.Status == OutingStatus.Cancelled || Date?.IsCancelled == true;

    public bool IsFull => Date is { } d && d.GoingCount >= Outing.MaxFamilies;

    public string LocalWhen(DateTime utc) => OutingEmails.When(utc, Outing.TimeZone);

    public string DateKey(OutingOccurrence occurrence) =>
        OutingSchedule.ToLocal(occurrence.StartsAt, Outing.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, string? date, Guid? occurrence) =>
        await LoadAsync(id, date, occurrence) ? Page() : NotFound();

    public async Task<IActionResult> OnPostJoinAsync(Guid id, Guid occurrence)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, null, occurrence) || Date?.Id != occurrence)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Adults is < 1 or > Attendance.MaxAdults)
        {
            ModelState.AddModelError(nameof(Adults), t["Outing.AdultsInvalid", Attendance.MaxAdults]);
        }

        if (Children is < 0 or > Attendance.MaxChildren)
        {
            ModelState.AddModelError(nameof(Children), t["Outing.ChildrenInvalid", Attendance.MaxChildren]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        if (IsOrganizer)
        {
            return Back(occurrence);
        }

        var result = await attendance.JoinAsync(occurrence, User.MemberId(), Adults, Children, MorningReminder);
        if (result == Attendance.JoinResult.Blocked)
        {
            return NotFound();
        }

        Notice = t[$"Outing.Joined.{result}"];
        return Back(occurrence);
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, Guid occurrence)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, null, occurrence) || Date?.Id != occurrence)
        {
            return NotFound();
        }

        var result = await attendance.LeaveAsync(occurrence, User.MemberId());
        if (result == Attendance.LeaveResult.Organizer)
        {
            return BadRequest();
        }

        Notice = t[$"Outing.Left.{result}"];
        return Back(occurrence);
    }

    /// <summary>A message in the discussion. The organiser's go by email to every family taking part too.</summary>
    public async Task<IActionResult> OnPostMessageAsync(Guid id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, null, null) || !CanReadDiscussion)
        {
            return NotFound();
        }

        ModelState.Clear();
        var text = MessageText?.Trim() ?? "";
        if (IsDiscussionClosed)
        {
            ModelState.AddModelError(nameof(MessageText), t["OutingGroup.Closed"]);
        }
        else if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(MessageText), t["Validation.Required", t["Outing.Message"]]);
        }
        else if (text.Length > OutingConfiguration.MessageMax)
        {
            ModelState.AddModelError(nameof(MessageText), t["Validation.MaxLength", t["Outing.Message"], OutingConfiguration.MessageMax]);
        }

        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        await group.PostAsync(Outing, User.MemberId(), text, OrganizerName);
        return Redirect($"/outings/{id}#discussion");
    }

    /// <summary>The organiser cancels the whole outing, or one date of a recurring one; every family going or waiting
    /// is told, with the organiser's word when there is one.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid? occurrence)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, null, occurrence) || !IsOrganizer || Outing.Status == OutingStatus.Cancelled)
        {
            return NotFound();
        }

        ModelState.Clear();
        var word = CancelWord?.Trim();
        if (word?.Length > CancelWordMax)
        {
            ModelState.AddModelError(nameof(CancelWord), t["Validation.MaxLength", t["Outing.CancelWord"], CancelWordMax]);
            return this.InvalidPage();
        }

        var oneDate = occurrence is not null && Outing.Recurrence != OutingRecurrence.None;
        if (oneDate && (Date is null || Date.Id != occurrence || Date.IsCancelled || Date.StartsAt <= Now))
        {
            return NotFound();
        }

        var families = await emails.ParticipantsAsync(Outing, oneDate ? occurrence : null, Now);
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (oneDate)
        {
            await db.OutingOccurrences.Where(o => o.Id == occurrence)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true).SetProperty(o => o.Sequence, o => o.Sequence + 1));
        }
        else
        {
            var now = Now;
            await db.Outings.Where(o => o.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutingStatus.Cancelled).SetProperty(o => o.UpdatedAt, now));
            await db.OutingOccurrences.Where(o => o.OutingId == id && o.EndsAt > now && !o.IsCancelled)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true).SetProperty(o => o.Sequence, o => o.Sequence + 1));
        }

        await emails.CancelledAsync(Outing, families, oneDate ? Date!.StartsAt : null, word);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        search.Changed();
        if (!string.IsNullOrEmpty(word))
        {
            // The organiser's word stays in the discussion too (the families were already told by email).
            await conversations.PostAsync(await group.EnsureAsync(id), User.MemberId(), word);
        }

        Notice = t[oneDate ? "Outing.CancelledDate" : "Outing.CancelledWhole"];
        return oneDate ? Back(occurrence!.Value) : Redirect($"/outings/{id}");
    }

    private RedirectResult Back(Guid occurrence) =>
        Redirect($"/outings/{Outing.Id}?occurrence={occurrence}");

    private async Task<bool> LoadAsync(Guid id, string? date, Guid? occurrence)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var now = Now;
        IsSignedIn = User.Identity?.IsAuthenticated == true;
        Guid? viewer = IsSignedIn ? User.MemberId() : null;
        var outings = db.Outings.AsNoTracking().Where(o => o.Id == id);
        outings = viewer is { } v ? outings.VisibleTo(db, v, now) : outings.Public();
        var found = await outings.Select(o => new
        {
            Outing = o,
            Organizer = db.Profiles.Where(p => p.MemberId == o.OrganizerId).Select(p => p.DisplayName).FirstOrDefault(),
            Community = db.Communities.Where(c => c.Id == o.CommunityId).Select(c => new { c.Name, c.Slug }).FirstOrDefault(),
            Place = db.Places.Where(p => p.Id == o.PlaceId).Select(p => p.Name).FirstOrDefault(),
        }).SingleOrDefaultAsync();
        if (found is null)
        {
            return false;
        }

        Outing = found.Outing;
        OrganizerName = found.Organizer;
        Community = found.Community is { } c ? (c.Name, c.Slug) : null;
        PlaceName = found.Place;
        IsOrganizer = viewer is not null && Outing.OrganizerId == viewer;
        if (Outing.Recurrence != OutingRecurrence.None && Outing.Status == OutingStatus.Scheduled)
        {
            await OutingDates.TopUpAsync(db, Outing, now);
        }

        var dates = await db.OutingOccurrences.AsNoTracking().Where(o => o.OutingId == id && (o.EndsAt > now || o.Id == occurrence))
            .OrderBy(o => o.StartsAt).Take(60).ToListAsync();
        if (dates.Count == 0)
        {
            dates = await db.OutingOccurrences.AsNoTracking().Where(o => o.OutingId == id).OrderByDescending(o => o.StartsAt).Take(1).ToListAsync();
        }

        Dates = dates;
        Date = (occurrence is { } wanted ? dates.FirstOrDefault(d => d.Id == wanted) : null)
            ?? (date is not null ? dates.FirstOrDefault(d => DateKey(d) == date) : null)
            ?? dates.FirstOrDefault(d => !d.IsCancelled && d.EndsAt > now)
            ?? dates.FirstOrDefault();

        if (viewer is { } me)
        {
            var mine = await db.OutingParticipations.AsNoTracking()
                .Where(p => p.MemberId == me && db.OutingOccurrences.Any(o => o.Id == p.OccurrenceId && o.OutingId == id))
                .ToListAsync();
            IsParticipant = IsOrganizer || mine.Count > 0;
            Mine = Date is null ? null : mine.FirstOrDefault(p => p.OccurrenceId == Date.Id);
        }

        if (Date is { } selected)
        {
            var waiting = await db.OutingParticipations.AsNoTracking()
                .Where(p => p.OccurrenceId == selected.Id && p.Status == ParticipationStatus.Waiting)
                .OrderBy(p => p.JoinedAt).ThenBy(p => p.Id).Select(p => p.MemberId).ToListAsync();
            WaitingCount = waiting.Count;
            if (Mine is { Status: ParticipationStatus.Waiting })
            {
                WaitingPosition = waiting.IndexOf(Mine.MemberId) + 1;
            }

            if (IsParticipant)
            {
                Families = await db.OutingParticipations.AsNoTracking()
                    .Where(p => p.OccurrenceId == selected.Id && p.Status == ParticipationStatus.Going)
                    .OrderBy(p => p.JoinedAt).ThenBy(p => p.Id)
                    .Select(p => new FamilyView(
                        db.Profiles.Where(x => x.MemberId == p.MemberId).Select(x => x.DisplayName).FirstOrDefault(),
                        p.Adults, p.Children, p.MemberId == Outing.OrganizerId))
                    .ToListAsync();
            }
        }

        await LoadDiscussionAsync(viewer);
        return true;
    }

    public sealed record FamilyView(string? Name, int Adults, int Children, bool IsOrganizer);

    /// <summary>The outing's conversation, newest <see cref="ShownMessages"/> in order, for its members; reading them
    /// here marks them read. Messages a moderator hid are shown only to their author. The organiser's messages are
    /// marked by who wrote them (the author is the organiser), not by a stored flag.</summary>
    private async Task LoadDiscussionAsync(Guid? viewer)
    {
        var conversation = await group.FindAsync(Outing.Id);
        ConversationId = conversation?.Id;
        if (viewer is not { } me)
        {
            return;
        }

        if (conversation is null)
        {
            CanReadDiscussion = IsParticipant;
            return;
        }

        var read = await db.ConversationMembers.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.MemberId == me)
            .Select(m => (long?)m.ReadSequence).SingleOrDefaultAsync();
        CanReadDiscussion = read is not null || IsOrganizer;
        if (!CanReadDiscussion)
        {
            return;
        }

        var organizer = Outing.OrganizerId;
        var newest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && (m.Moderation == ModerationState.Visible || m.AuthorId == me))
            .OrderByDescending(m => m.Sequence).Take(ShownMessages + 1)
            .Select(m => new MessageView(
                db.Profiles.Where(x => x.MemberId == m.AuthorId).Select(x => x.DisplayName).FirstOrDefault(),
                m.Text, m.AuthorId != null && m.AuthorId == organizer, m.CreatedAt, m.Moderation != ModerationState.Visible))
            .ToListAsync();
        HasOlderMessages = newest.Count > ShownMessages;
        Messages = [.. newest.Take(ShownMessages).Reverse()];
        if (read is { } readSequence && readSequence < conversation.LastSequence)
        {
            var last = conversation.LastSequence;
            await db.ConversationMembers.Where(m => m.ConversationId == conversation.Id && m.MemberId == me && m.ReadSequence < last)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadSequence, last));
        }
    }

    public sealed record MessageView(string? AuthorName, string Text, bool FromOrganizer, DateTime CreatedAt, bool IsHidden);
}

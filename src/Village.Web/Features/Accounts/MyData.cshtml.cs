using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.CheckIn;
using Village.Web.Features.Messages;
using Village.Web.Features.Outings;
using Village.Web.Features.Places;
using Village.Web.Features.Referrals;
using Village.Web.Features.Shared;
using Village.Web.Infrastructure.Security;
using Village.Web.Resources;

namespace Village.Web.Features.Accounts;

/// <summary>Everything Village holds about you, as a download; and deleting your account.</summary>
[Authorize]
[EnableRateLimiting(SecuritySetup.AccountPolicy)]
public sealed class MyDataModel(
    VillageDb db,
    UserManager<Member> members,
    SignInManager<Member> signIn,
    TimeProvider clock,
    Attendance attendance,
    ReferralNotes notes,
    CheckInAnswersCodec checkInAnswers,
    IStringLocalizer<Texts> t) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [BindProperty]
    public DeleteInput Delete { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var id = User.MemberId();
        var member = await db.Users.AsNoTracking().SingleAsync(m => m.Id == id);
        // The parent's help calendars, their needs and dates (helpers by the name the parent gave).
        var helpCalendars = await db.HelpCalendars.AsNoTracking().Where(c => c.OwnerId == id).OrderBy(c => c.CreatedAt).ToListAsync();
        var helpNeeds = (await db.HelpNeeds.AsNoTracking().Where(n => db.HelpCalendars.Any(c => c.Id == n.CalendarId && c.OwnerId == id)).ToListAsync())
            .OrderBy(n => n.CreatedAt).ToLookup(n => n.CalendarId);
        var helpTurns = (await db.HelpTurns.AsNoTracking().Where(t => db.HelpCalendars.Any(c => c.Id == t.CalendarId && c.OwnerId == id))
            .Select(t => new { Turn = t, Helper = db.HelpHelpers.Where(h => h.Id == t.HelperId).Select(h => h.Name).FirstOrDefault() })
            .ToListAsync())
            .OrderBy(t => t.Turn.StartsAt).ToLookup(t => t.Turn.NeedId);
        // The parent's referrals with the note in clear (theirs to read), and each one's trail.
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.ParentId == id)
            .OrderBy(r => r.CreatedAt)
            .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { r, service = s.Name })
            .ToListAsync();
        var referralIds = referrals.Select(x => x.r.Id).ToList();
        var referralEvents = (await db.ReferralEvents.AsNoTracking().Where(e => referralIds.Contains(e.ReferralId)).ToListAsync())
            .ToLookup(e => e.ReferralId);
        // Saved check-ins, in clear for the person (theirs to read): the answers only, as kept.
        var checkIns = await db.CheckInEntries.AsNoTracking().Where(e => e.MemberId == id).OrderBy(e => e.TakenAt).ToListAsync();
        var export = new
        {
            exportedAt = clock.GetUtcNow().UtcDateTime,
            account = new
            {
                member.Id,
                member.Email,
                member.EmailConfirmed,
                member.CreatedAt,
                member.PreferredCulture,
                member.PrivacyAcceptedAt,
                member.RulesAcceptedAt,
                professionalStatus = member.ProfessionalStatus.ToString(),
                member.ProfessionalDetails,
                roles = await members.GetRolesAsync(member),
            },
            profile = await db.Profiles.AsNoTracking().Where(p => p.MemberId == id).Select(p => new
            {
                p.DisplayName,
                p.TownName,
                p.Country,
                p.Latitude,
                p.Longitude,
                p.About,
                interests = p.Interests.ToString(),
                availability = p.Availability.ToString(),
                p.VisibleNearby,
                audiences = new
                {
                    children = p.ChildrenAudience.ToString(),
                    languages = p.LanguagesAudience.ToString(),
                    interests = p.InterestsAudience.ToString(),
                    about = p.AboutAudience.ToString(),
                },
                languages = p.Languages.Select(l => l.Code).ToList(),
                children = p.Children.Select(c => new { c.FirstName, c.Year, c.Month, c.IsExpected }).ToList(),
                p.UpdatedAt,
            }).SingleOrDefaultAsync(),
            communities = await db.CommunityMembers.AsNoTracking().Where(m => m.MemberId == id)
                .Join(db.Communities, m => m.CommunityId, c => c.Id, (m, c) => new
                {
                    c.Name,
                    c.Slug,
                    role = m.Role.ToString(),
                    m.JoinedAt,
                    dutyDays = m.DutyDays.ToString(),
                    m.OffDuty,
                    m.OffDutyUntil,
                    m.Trusted,
                    newsletter = m.NewsletterSubscribed,
                })
                .ToListAsync(),
            handoverNotes = await db.HandoverNotes.AsNoTracking().Where(n => n.AuthorId == id)
                .OrderBy(n => n.CreatedAt)
                .Join(db.Communities, n => n.CommunityId, c => c.Id, (n, c) => new { community = c.Slug, n.Body, n.CreatedAt })
                .ToListAsync(),
            communityRequests = await db.Communities.AsNoTracking().Where(c => c.RequestedById == id)
                .Select(c => new { c.Name, c.Slug, status = c.Status.ToString(), c.CreatedAt })
                .ToListAsync(),
            posts = await db.Posts.AsNoTracking().Where(p => p.AuthorId == id)
                .OrderBy(p => p.CreatedAt)
                .Select(p => new { kind = p.Kind.ToString(), p.Title, p.Body, p.CreatedAt, p.EditedAt })
                .ToListAsync(),
            comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == id)
                .OrderBy(c => c.CreatedAt)
                .Select(c => new { c.Body, c.CreatedAt })
                .ToListAsync(),
            // Private messages: what I wrote (the other parents keep their copy, unsigned, if I leave) and how far I read.
            messages = await db.Messages.AsNoTracking().Where(m => m.AuthorId == id)
                .OrderBy(m => m.CreatedAt)
                .Select(m => new { conversation = m.ConversationId, m.Sequence, m.Text, m.CreatedAt })
                .ToListAsync(),
            conversations = await db.ConversationMembers.AsNoTracking().Where(m => m.MemberId == id)
                .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => new { conversation = c.Id, kind = c.Kind.ToString(), c.OutingId, m.JoinedAt, m.ReadSequence })
                .ToListAsync(),
            reportsMade = await db.Reports.AsNoTracking().Where(r => r.ReporterId == id)
                .OrderBy(r => r.CreatedAt)
                .Select(r => new { target = r.TargetKind.ToString(), r.TargetId, reason = r.Reason.ToString(), r.Details, status = r.Status.ToString(), r.CreatedAt })
                .ToListAsync(),
            blocked = await db.Blocks.AsNoTracking().Where(b => b.BlockerId == id)
                .Select(b => new { member = b.BlockedId, b.CreatedAt })
                .ToListAsync(),
            sanctions = await db.CommunitySanctions.AsNoTracking().Where(s => s.MemberId == id)
                .Join(db.Communities, s => s.CommunityId, c => c.Id, (s, c) => new { community = c.Name, kind = s.Kind.ToString(), s.Reason, s.StartsAt, s.EndsAt, s.LiftedAt })
                .ToListAsync(),
            addresses = await db.AddressEntries.AsNoTracking().Where(e => e.AuthorId == id)
                .OrderBy(e => e.CreatedAt)
                .Select(e => new { e.Name, category = e.Category.ToString(), e.TownName, e.Address, e.Phone, e.Email, e.Website, e.CreatedAt, e.EditedAt })
                .ToListAsync(),
            recommendations = await db.AddressRecommendations.AsNoTracking().Where(r => r.MemberId == id)
                .Join(db.AddressEntries, r => r.EntryId, e => e.Id, (r, e) => new { entry = e.Name, r.Comment, r.CreatedAt, r.EditedAt })
                .ToListAsync(),
            placesProposed = await db.Places.AsNoTracking().Where(p => p.ProposedById == id)
                .OrderBy(p => p.CreatedAt)
                .Select(p => new
                {
                    p.Name,
                    category = p.Category.ToString(),
                    p.Description,
                    p.Address,
                    p.TownName,
                    p.OpeningHours,
                    p.IsFree,
                    p.PriceNote,
                    amenities = p.Amenities.ToString(),
                    p.Website,
                    status = p.Status.ToString(),
                    p.DecisionNote,
                    p.CreatedAt,
                    p.UpdatedAt,
                })
                .ToListAsync(),
            placeReviews = await db.PlaceReviews.AsNoTracking().Where(r => r.AuthorId == id)
                .OrderBy(r => r.CreatedAt)
                .Join(db.Places, r => r.PlaceId, p => p.Id, (r, p) => new { place = p.Name, r.Text, r.CreatedAt, r.EditedAt })
                .ToListAsync(),
            ideas = await db.Ideas.AsNoTracking().Where(i => i.AuthorId == id)
                .OrderBy(i => i.CreatedAt)
                .Select(i => new { i.Title, i.Body, status = i.Status.ToString(), i.CreatedAt, i.EditedAt })
                .ToListAsync(),
            ideaVotes = await db.IdeaVotes.AsNoTracking().Where(v => v.MemberId == id)
                .Join(db.Ideas, v => v.IdeaId, i => i.Id, (v, i) => i.Title)
                .ToListAsync(),
            polls = await db.Polls.AsNoTracking().Where(p => p.AuthorId == id)
                .OrderBy(p => p.CreatedAt)
                .Select(p => new { p.Question, choices = p.Choices.OrderBy(c => c.Position).Select(c => c.Text).ToList(), p.MultipleChoice, p.CreatedAt, p.ClosesAt })
                .ToListAsync(),
            pollVotes = await db.PollVotes.AsNoTracking().Where(v => v.MemberId == id)
                .Join(db.PollChoices, v => v.ChoiceId, c => c.Id, (v, c) => new { v.PollId, choice = c.Text })
                .Join(db.Polls, x => x.PollId, p => p.Id, (x, p) => new { poll = p.Question, x.choice })
                .ToListAsync(),
            outingsOrganized = await db.Outings.AsNoTracking().Where(o => o.OrganizerId == id)
                .OrderBy(o => o.CreatedAt)
                .Select(o => new { o.Title, o.Description, o.Address, o.TownName, o.MeetingPoint, o.StartsAtLocal, o.TimeZone, recurrence = o.Recurrence.ToString(), status = o.Status.ToString(), o.CreatedAt })
                .ToListAsync(),
            outingsJoined = await db.OutingParticipations.AsNoTracking().Where(p => p.MemberId == id)
                .Join(db.OutingOccurrences, p => p.OccurrenceId, o => o.Id, (p, o) => new { p, o })
                .Join(db.Outings, x => x.o.OutingId, o => o.Id, (x, o) => new
                {
                    outing = o.Title,
                    x.o.StartsAt,
                    status = x.p.Status.ToString(),
                    x.p.Adults,
                    x.p.Children,
                    x.p.JoinedAt,
                    x.p.WantsMorningReminder,
                })
                .ToListAsync(),
            // What the member wrote in outings' group conversations (their direct conversations are exported apart).
            outingMessages = await db.Messages.AsNoTracking().Where(m => m.AuthorId == id)
                .Join(db.Conversations.Where(c => c.Kind == ConversationKind.Outing), m => m.ConversationId, c => c.Id, (m, c) => new { m, c.OutingId })
                .Join(db.Outings, x => x.OutingId, o => o.Id, (x, o) => new { outing = o.Title, x.m.Text, x.m.CreatedAt, x.m.Sequence })
                .OrderBy(x => x.CreatedAt).ThenBy(x => x.Sequence)
                .Select(x => new { x.outing, x.Text, x.CreatedAt })
                .ToListAsync(),
            // A sent hello's answer is not exported to its sender: a decline stays silent.
            hellosSent = await db.Hellos.AsNoTracking().Where(h => h.FromId == id)
                .OrderBy(h => h.CreatedAt)
                .Select(h => new { to = db.Profiles.Where(p => p.MemberId == h.ToId).Select(p => p.DisplayName).FirstOrDefault(), h.Text, h.CreatedAt })
                .ToListAsync(),
            hellosReceived = await db.Hellos.AsNoTracking().Where(h => h.ToId == id)
                .OrderBy(h => h.CreatedAt)
                .Select(h => new { from = db.Profiles.Where(p => p.MemberId == h.FromId).Select(p => p.DisplayName).FirstOrDefault(), h.Text, h.CreatedAt, status = h.Status.ToString(), h.AnsweredAt })
                .ToListAsync(),
            // The private calendar address itself is a secret: the export says only that it exists and since when.
            // My circle, as I described it (private to me).
            circle = (await db.CirclePeople.AsNoTracking().Where(p => p.OwnerId == id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync())
                .Select(p => new
                {
                    p.Name,
                    relation = p.Relation.ToString(),
                    closeness = p.Closeness.ToString(),
                    livesWithin = p.LivesWithin.ToString(),
                    canHelp = p.CanHelp.ToString(),
                    p.CallableAtNight,
                    p.Email,
                    p.Note,
                    p.ServiceId,
                    p.CreatedAt,
                    p.UpdatedAt,
                })
                .ToList(),
            calendarFeed = await db.CalendarFeeds.AsNoTracking().Where(f => f.MemberId == id).Select(f => new { f.CreatedAt }).SingleOrDefaultAsync(),
            // The services directory: the organisations I work for, and the listings I asked for.
            organizationLinks = await db.OrganizationMembers.AsNoTracking().Where(m => m.MemberId == id)
                .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { organization = o.Name, status = m.Status.ToString(), m.CreatedAt, m.VerifiedAt })
                .ToListAsync(),
            listingsSubmitted = await db.Services.AsNoTracking().Where(s => s.SubmittedById == id)
                .OrderBy(s => s.CreatedAt)
                .Join(db.Organizations, s => s.OrganizationId, o => o.Id, (s, o) => new
                {
                    organization = o.Name,
                    s.Name,
                    s.Description,
                    s.Email,
                    s.Url,
                    listingStatus = s.ListingStatus.ToString(),
                    s.ModeratorNote,
                    s.CreatedAt,
                    s.PublishedAt,
                })
                .ToListAsync(),
            referrals = referrals.Select(x => new
            {
                x.service,
                kind = x.r.Kind.ToString(),
                status = x.r.Status.ToString(),
                note = notes.Unprotect(x.r.ProtectedNote),
                x.r.ShareNote,
                x.r.ContactEmail,
                x.r.ContactPhone,
                x.r.CreatedAt,
                x.r.ConsentedAt,
                x.r.AcceptedAt,
                x.r.FirstContactOn,
                x.r.FirstContactHow,
                x.r.ClosedAt,
                x.r.ClosingMessage,
                events = referralEvents[x.r.Id].OrderBy(e => e.At).Select(e => new { party = e.Party.ToString(), action = e.Action.ToString(), e.At }).ToList(),
            }).ToList(),
            // Families a professional relayed: the service and the status, not the family's note nor who they are.
            referralsProposed = await db.Referrals.AsNoTracking().Where(r => r.ReferrerId == id)
                .OrderBy(r => r.CreatedAt)
                .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => new { service = s.Name, status = r.Status.ToString(), r.CreatedAt, r.UpdatedAt })
                .ToListAsync(),
            referralSteps = await db.ReferralEvents.AsNoTracking().Where(e => e.ActorId == id && e.Party != ReferralParty.Parent)
                .OrderBy(e => e.At)
                .Select(e => new { party = e.Party.ToString(), action = e.Action.ToString(), e.At })
                .ToListAsync(),
            checkIns = checkIns.Select(e => new { e.TakenAt, answers = checkInAnswers.Read(e.ProtectedAnswers) }).ToList(),
            checkInReminder = await db.CheckInReminders.AsNoTracking().Where(r => r.MemberId == id).Select(r => new { r.DueAt, r.SentAt }).SingleOrDefaultAsync(),
            // Help calendars: the needs and their dates, with the helpers' names as the parent sees them (not their
            // addresses nor their links).
            helpCalendars = helpCalendars.Select(c => new
            {
                c.Title,
                c.Notes,
                c.TimeZone,
                status = c.Status.ToString(),
                c.CreatedAt,
                c.ClosedAt,
                needs = helpNeeds[c.Id].Select(n => new
                {
                    kind = n.Kind.ToString(),
                    n.Details,
                    n.Allergies,
                    n.StartTime,
                    n.EndTime,
                    n.FirstDate,
                    repeat = n.Repeat.ToString(),
                    n.LastDate,
                    n.CreatedAt,
                    turns = helpTurns[n.Id].Select(t => new { t.Turn.Date, t.Turn.StartsAt, t.Turn.EndsAt, helper = t.Helper, t.Turn.HelperNote, t.Turn.IsCancelled }).ToList(),
                }).ToList(),
            }).ToList(),
            emails = await db.OutboxEmails.AsNoTracking().Where(e => e.MemberId == id)
                .OrderBy(e => e.CreatedAt)
                .Select(e => new { e.ToAddress, e.Subject, e.CreatedAt, e.SentAt })
                .ToListAsync(),
        };
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Indented), "application/json", "village-my-data.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }

        var member = await members.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        if (!await members.CheckPasswordAsync(member, Delete.Password))
        {
            ModelState.AddModelError("Delete.Password", t["Settings.WrongPassword"]);
            return this.InvalidPage();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Their upcoming outings are cancelled and the families told; they leave the dates they joined, and families
        // waiting move up (told by email). Their participations then go with the member (cascade); outings and their
        // messages stay, unsigned (OrganizerId / AuthorId set null by the database).
        await attendance.MemberLeavingAsync(member.Id);
        await db.SaveChangesAsync();
        // Emails carry the address: remove them, sent or not. The profile, children and languages go with the
        // member (cascade). Later features anonymise what others still need (a post's text stays, unsigned).
        await db.OutboxEmails.Where(e => e.MemberId == member.Id).ExecuteDeleteAsync();
        // Reports they made, and moderation done about them, stay for the moderators, no longer tied to them (set
        // null); their blocks and sanctions go with the member (cascade).
        // Handover notes stay for the other admins, unsigned (AuthorId set null by the database).
        // Address book entries, ideas and polls stay unsigned; recommendations and votes stay, tied to no one, so
        // counts and results do not change (AuthorId / MemberId set null by the database).
        // Communities they asked for stay, no longer tied to them; their memberships go with the member (cascade).
        await db.Communities.Where(c => c.RequestedById == member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RequestedById, (Guid?)null));
        // Places they proposed that nobody else sees (waiting or declined) go; approved places and their reviews
        // stay for everyone, unsigned (ProposedById and AuthorId set null by the database).
        await db.Places.Where(p => p.ProposedById == member.Id && p.Status != PlaceStatus.Approved).ExecuteDeleteAsync();
        // Listings they asked for stay: they speak for a service, not for the member (SubmittedById set null by the
        // database); their links to organisations go with the member (cascade).
        // A parent's referrals and their trail go with them (cascade); those a professional proposed or handled stay
        // for the family and the service, unsigned (ReferrerId and ActorId set null by the database).
        // Saved check-ins and the check-in reminder go with the member (cascade): health data, nobody else's.
        // Help calendars, their needs, dates and helpers go with the member (cascade).
        await members.DeleteAsync(member);
        await transaction.CommitAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/Deleted");
    }

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Settings.CurrentPassword")]
        public string Password { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "MyData.ConfirmRequired")]
        [Display(Name = "MyData.Confirm")]
        public bool Confirm { get; set; }
    }
}

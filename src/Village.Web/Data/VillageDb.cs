using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Village.Web.Features.Accounts;
using Village.Web.Features.AddressBook;
using Village.Web.Features.CheckIn;
using Village.Web.Features.Circle;
using Village.Web.Features.Communities;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Features.HelpCalendars;
using Village.Web.Features.Ideas;
using Village.Web.Features.Messages;
using Village.Web.Features.Moderation;
using Village.Web.Features.Newsletter;
using Village.Web.Features.Notifications;
using Village.Web.Features.Outings;
using Village.Web.Features.Parents;
using Village.Web.Features.Places;
using Village.Web.Features.Polls;
using Village.Web.Features.Posts;
using Village.Web.Features.Profiles;
using Village.Web.Features.Referrals;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Infrastructure.Email;
using Village.Web.Infrastructure.Security;

namespace Village.Web.Data;

public sealed class VillageDb(DbContextOptions<VillageDb> options)
    : IdentityDbContext<Member, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<ParentProfile> Profiles => Set<ParentProfile>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<ParentLanguage> ParentLanguages => Set<ParentLanguage>();

    public DbSet<Community> Communities => Set<Community>();

    public DbSet<CommunityMember> CommunityMembers => Set<CommunityMember>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<PostThanks> PostThanks => Set<PostThanks>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<CommunitySanction> CommunitySanctions => Set<CommunitySanction>();

    public DbSet<ModerationLogEntry> ModerationLog => Set<ModerationLogEntry>();

    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<HandoverNote> HandoverNotes => Set<HandoverNote>();

    public DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();
    public DbSet<AddressEntry> AddressEntries => Set<AddressEntry>();

    public DbSet<AddressRecommendation> AddressRecommendations => Set<AddressRecommendation>();

    public DbSet<Idea> Ideas => Set<Idea>();

    public DbSet<IdeaVote> IdeaVotes => Set<IdeaVote>();

    public DbSet<Poll> Polls => Set<Poll>();

    public DbSet<PollChoice> PollChoices => Set<PollChoice>();

    public DbSet<PollVote> PollVotes => Set<PollVote>();
    public DbSet<NewsletterSettings> NewsletterSettings => Set<NewsletterSettings>();

    public DbSet<NewsletterIssue> NewsletterIssues => Set<NewsletterIssue>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<PlaceReview> PlaceReviews => Set<PlaceReview>();

    public DbSet<Outing> Outings => Set<Outing>();

    public DbSet<OutingOccurrence> OutingOccurrences => Set<OutingOccurrence>();

    public DbSet<OutingParticipation> OutingParticipations => Set<OutingParticipation>();


    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Hello> Hellos => Set<Hello>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<Location> Locations => Set<Location>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Accessibility> Accessibility => Set<Accessibility>();

    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();

    public DbSet<Phone> Phones => Set<Phone>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Schedule> Schedules => Set<Schedule>();

    public DbSet<ServiceLanguage> ServiceLanguages => Set<ServiceLanguage>();

    public DbSet<CostOption> CostOptions => Set<CostOption>();

    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();

    public DbSet<Taxonomy> Taxonomies => Set<Taxonomy>();

    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();

    public DbSet<ServiceTerm> ServiceTerms => Set<ServiceTerm>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralEvent> ReferralEvents => Set<ReferralEvent>();

    public DbSet<CirclePerson> CirclePeople => Set<CirclePerson>();

    public DbSet<HelpCalendar> HelpCalendars => Set<HelpCalendar>();

    public DbSet<HelpNeed> HelpNeeds => Set<HelpNeed>();

    public DbSet<HelpTurn> HelpTurns => Set<HelpTurn>();

    public DbSet<HelpHelper> HelpHelpers => Set<HelpHelper>();

    public DbSet<CheckInEntry> CheckInEntries => Set<CheckInEntry>();

    public DbSet<CheckInReminder> CheckInReminders => Set<CheckInReminder>();

    public DbSet<CrisisLine> CrisisLines => Set<CrisisLine>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VillageDb).Assembly);
    }
}

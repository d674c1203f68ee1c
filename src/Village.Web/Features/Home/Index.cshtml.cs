using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Village.Web.Data;
using Village.Web.Features.Communities;
using Village.Web.Features.HelpCalendars;
using Village.Web.Features.Outings;
using Village.Web.Features.Profiles;
using Village.Web.Features.Referrals;
using Village.Web.Features.Shared;
using Village.Web.Resources;

namespace Village.Web.Features.Home;

/// <summary>The landing page for visitors; for a signed-in parent, where they stand and what to do next.</summary>
public sealed class IndexModel(VillageDb db, NearbyCommunities communities, OutingSearch outings, TimeProvider time, IStringLocalizer<Texts> t) : PageModel
{
    /// <summary>How far "nearby" reaches on the home page, in degrees of latitude (about 10 km).</summary>
    private const double NearbyDegrees = 0.09;

    public HomeView? Home { get; private set; }

    public int Steps => HomeView.StepCount;

    /// <summary>Local communities around the parent that they have not joined yet.</summary>
    public IReadOnlyList<CommunityCard> SuggestedCommunities { get; private set; } = [];

    /// <summary>Up to 3 outings within 10 km this week, for a parent with a position.</summary>
    public IReadOnlyList<OutingCard> OutingsThisWeek { get; private set; } = [];

    /// <summary>The oldest referral waiting for the parent's answer, if any.</summary>
    public Guid? ReferralAwaiting { get; private set; }

    /// <summary>How many people the parent's circle lists.</summary>
    public int CirclePeople { get; private set; }

    /// <summary>Whether the parent has an open help calendar, and who takes over next on it, in words.</summary>
    public bool HasHelpCalendar { get; private set; }

    public string? NextHelp { get; private set; }

    /// <summary>The check-in reminder the parent asked for has been sent: the home says it is here, in neutral words.</summary>
    public bool CheckInReminderHere { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var id = User.MemberId();
        // One statement: the profile, the oldest referral waiting for the parent's answer, the circle and its calendar.
        var view = await db.Profiles.AsNoTracking()
            .Where(p => p.MemberId == id)
            .Select(p => new
            {
                p.DisplayName,
                p.TownName,
                p.Latitude,
                p.Longitude,
                Children = p.Children.Count,
                Languages = p.Languages.Count,
                HasDetails = p.Interests != Interest.None || p.Availability != Availability.None || p.About != "",
                p.VisibleNearby,
                Referral = db.Referrals.Where(r => r.ParentId == id && r.Status == ReferralStatus.Proposed)
                    .OrderBy(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefault(),
                CirclePeople = db.CirclePeople.Count(c => c.OwnerId == id),
                HelpCalendar = db.HelpCalendars.Where(c => c.OwnerId == id && c.Status == HelpCalendarStatus.Open).Select(c => (Guid?)c.Id).FirstOrDefault(),
                ReminderHere = db.CheckInReminders.Any(r => r.MemberId == id && r.SentAt != null),
            })
            .SingleOrDefaultAsync();
        Home = view is null ? null : new HomeView(
            view.DisplayName, view.TownName, view.Latitude, view.Longitude, view.Children, view.Languages, view.HasDetails, view.VisibleNearby, 0);
        ReferralAwaiting = view?.Referral;
        CirclePeople = view?.CirclePeople ?? 0;
        CheckInReminderHere = view?.ReminderHere == true;
        if (view?.HelpCalendar is { } calendarId)
        {
            HasHelpCalendar = true;
            var calendar = await db.HelpCalendars.AsNoTracking().SingleAsync(c => c.Id == calendarId);
            NextHelp = (await HelpCalendarView.NextAsync(db, calendar, time.GetUtcNow().UtcDateTime, t, 1)).Taken.FirstOrDefault();
        }

        if (Home is { Latitude: double lat, Longitude: double lon })
        {
            var visibleAround = await VisibleParentsAroundAsync(lat, lon);
            Home = Home with { ParentsNearby = visibleAround - (Home.VisibleNearby ? 1 : 0) };
            SuggestedCommunities = [.. (await communities.AroundAsync(id, lat, lon, 3)).Where(c => !c.IsMember)];
            OutingsThisWeek = (await outings.SearchAsync(
                outings.For(lat, lon, OutingSearch.DefaultKm, OutingPeriod.Week) with { PageSize = 3 }, id, HttpContext.RequestAborted)).Items;
        }
    }

    /// <summary>Visible parents in a box of about 10 km around a point, the viewer included: without a filter on
    /// the viewer, the count is answered from the (visible, latitude, longitude) index alone.</summary>
    private Task<int> VisibleParentsAroundAsync(double lat, double lon)
    {
        var lonDegrees = NearbyDegrees / Math.Max(0.2, Math.Cos(lat * Math.PI / 180));
        return db.Profiles.CountAsync(p =>
            p.VisibleNearby
            && p.Latitude >= lat - NearbyDegrees && p.Latitude <= lat + NearbyDegrees
            && p.Longitude >= lon - lonDegrees && p.Longitude <= lon + lonDegrees);
    }

    public sealed record HomeView(
        string DisplayName,
        string? TownName,
        double? Latitude,
        double? Longitude,
        int Children,
        int Languages,
        bool HasDetails,
        bool VisibleNearby,
        int ParentsNearby)
    {
        public const int StepCount = 4;

        public int StepsDone => new[] { TownName is not null, Children > 0, Languages > 0, HasDetails }.Count(done => done);
    }
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Circle;
using Village.Web.Features.ServiceDirectory;
using static Village.Tests.Support.DirectoryData;

namespace Village.Tests.Features.Circle;

/// <summary>NearbyHelp: the nearest free drop-in place opening within 48 hours (not a paid one, a far one, one that
/// opens in a week, another kind of service or a pending listing), an outing this week for the youngest child's age,
/// the parent's community, nothing without a home town; and the _NearbyHelp partial as /help-now shows it. The clock
/// is a Monday, 15:00 in Brussels; each test has a spot of its own.</summary>
public sealed class NearbyHelpTests(VillageFactory factory) : IClassFixture<VillageFactory>, IDisposable
{
    /// <summary>Monday 30 November 2026, 15:00 in Brussels.</summary>
    private static readonly DateTime Monday = OutingData.Utc(new DateTime(2026, 11, 30, 15, 0, 0));

    private static readonly (string, string, string)[] TuesdayMorning = [("TU", "09:00", "12:00")];

    public void Dispose() => factory.Clock.Reset();

    [Fact]
    public async Task The_nearest_free_drop_in_place_opening_tomorrow_is_found_but_not_a_paid_far_later_other_or_pending_one()
    {
        factory.SetClock(Monday);
        var spot = OutingData.NewSpot();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var good = new ServiceSpec($"La Maison des Bambins {tag}", (spot.Latitude + 0.018, spot.Longitude)) { Hours = TuesdayMorning };
        await factory.AddServiceAsync(good);
        await factory.AddServiceAsync(new ServiceSpec($"Payant {tag}", spot) { Hours = TuesdayMorning, Cost = 5 });
        await factory.AddServiceAsync(new ServiceSpec($"Sans prix {tag}", spot) { Hours = TuesdayMorning, Cost = null });
        await factory.AddServiceAsync(new ServiceSpec($"Loin {tag}", (spot.Latitude + 0.45, spot.Longitude)) { Hours = TuesdayMorning });
        await factory.AddServiceAsync(new ServiceSpec($"Dans une semaine {tag}", (spot.Latitude + 0.005, spot.Longitude)) { Hours = [("MO", "09:00", "12:00")] });
        await factory.AddServiceAsync(new ServiceSpec($"Sage-femme {tag}", spot) { Hours = TuesdayMorning, Categories = ["midwife"] });
        await factory.AddServiceAsync(new ServiceSpec($"En attente {tag}", spot) { Hours = TuesdayMorning, Listing = ListingStatus.Pending });
        var parent = await ParentAsync(spot);

        var help = await FindAsync(parent);

        Assert.Equal("Testville", help.TownName);
        Assert.NotNull(help.DropIn);
        Assert.Equal(good.Name, help.DropIn.Name);
        Assert.True(help.DropIn.IsFree);
        Assert.InRange(help.DropIn.Kilometres!.Value, 1.5, 2.5);
        Assert.Equal(TextsFile.Fr("NearbyHelp.OpensTomorrow", TextsFile.Fr("Directory.Hour", 9), TextsFile.Fr("Directory.Hour", 12)), help.DropIn.NextOpening);
    }

    [Fact]
    public async Task Without_a_place_open_within_48_hours_there_is_no_drop_in()
    {
        factory.SetClock(Monday);
        var spot = OutingData.NewSpot();
        await factory.AddServiceAsync(new ServiceSpec($"Le lundi {Guid.NewGuid():N}"[..16], spot) { Hours = [("MO", "09:00", "12:00")] });
        await factory.AddServiceAsync(new ServiceSpec($"Le mercredi soir {Guid.NewGuid():N}"[..24], spot) { Hours = [("WE", "18:00", "20:00")] });
        var parent = await ParentAsync(spot);

        var help = await FindAsync(parent);

        // Wednesday 18:00 is 51 hours after Monday 15:00.
        Assert.Null(help.DropIn);
    }

    [Fact]
    public async Task An_outing_this_week_for_the_youngest_child_s_age_is_found()
    {
        factory.SetClock(Monday);
        var spot = OutingData.NewSpot();
        var near = (spot.Latitude + 0.02, spot.Longitude);
        var tuesday = OutingData.Utc(new DateTime(2026, 12, 1, 10, 0, 0));
        var wednesday = OutingData.Utc(new DateTime(2026, 12, 2, 10, 0, 0));
        await factory.AddOutingAsync("Pour les grands", near, null, [tuesday], o => (o.MinAgeMonths, o.MaxAgeMonths) = (24, 72));
        await factory.AddOutingAsync("Trop loin", (spot.Latitude + 0.3, spot.Longitude), null, [tuesday]);
        await factory.AddOutingAsync("La semaine prochaine", near, null, [OutingData.Utc(new DateTime(2026, 12, 8, 10, 0, 0))]);
        var (good, _) = await factory.AddOutingAsync("Bébés nageurs", near, null, [wednesday]);
        var parent = await ParentAsync(spot, childMonths: 6);

        var help = await FindAsync(parent);

        Assert.NotNull(help.Outing);
        Assert.Equal(good.Id, help.Outing.OutingId);
    }

    [Fact]
    public async Task Without_a_home_town_nothing_near_is_found_but_the_circle_is_counted()
    {
        var spot = OutingData.NewSpot();
        await factory.AddServiceAsync(new ServiceSpec($"Ouvert {Guid.NewGuid():N}"[..14], spot) { Hours = [("MO,TU,WE,TH,FR,SA,SU", "00:00", "00:00")] });
        using var browser = factory.NewBrowser();
        var parent = await factory.MemberIdAsync(await browser.SignedInMemberAsync(factory));
        await factory.QueryAsync(db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.CirclePeople.AddRange(
                new CirclePerson { OwnerId = parent, Name = "Maman", Relation = CircleRelation.Family, CreatedAt = now, UpdatedAt = now },
                new CirclePerson { OwnerId = parent, Name = "Sophie", Relation = CircleRelation.Neighbour, CreatedAt = now, UpdatedAt = now });
            return db.SaveChangesAsync();
        });

        var help = await FindAsync(parent);

        Assert.Equal(new NearbyHelpView(null, null, null, null, 2), help);
        var page = await browser.GetAsync("/help-now");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("main .nearby-help a[href='/profile']"));
        Assert.Null(page.Document.QuerySelector("main .nearby-help a[href='/circle']"));
    }

    [Fact]
    public async Task The_parent_s_community_comes_first_and_the_partial_links_each_help_on_help_now()
    {
        factory.SetClock(Monday);
        var spot = OutingData.NewSpot();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (_, service) = await factory.AddServiceAsync(new ServiceSpec($"<b>Bambins</b> {tag}", (spot.Latitude + 0.018, spot.Longitude)) { Hours = TuesdayMorning });
        var (slug, _) = await factory.CommunityAsync($"Parents de Testville {tag}");
        using var browser = await factory.MemberOfAsync(slug, "Camille");
        var parent = await factory.QueryAsync(db => db.CommunityMembers.Where(m => db.Communities.Any(c => c.Slug == slug && c.Id == m.CommunityId)).Select(m => m.MemberId).SingleAsync());
        await factory.SetHomeAsync(parent, spot);

        var help = await FindAsync(parent);
        var page = await browser.GetAsync("/help-now");

        Assert.Equal(slug, help.Community?.Slug);
        Assert.True(help.Community?.IsMember);
        var section = page.Document.QuerySelector("main .nearby-help");
        Assert.NotNull(section);
        Assert.NotNull(section.QuerySelector($"a[href='/services/{service.Id}']"));
        Assert.NotNull(section.QuerySelector($"a[href='/communities/{slug}']"));
        Assert.NotNull(section.QuerySelector("a[href='/circle']"));
        Assert.Contains($"<b>Bambins</b> {tag}", section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bambins</b>", page.Text, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("NearbyHelp.OpensTomorrow", TextsFile.Fr("Directory.Hour", 9), TextsFile.Fr("Directory.Hour", 12)), section.TextContent.Normalized(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("NearbyHelp.CircleInvite"), section.TextContent, StringComparison.Ordinal);
    }

    private async Task<Guid> ParentAsync((double Latitude, double Longitude) home, int? childMonths = null)
    {
        using var browser = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await browser.SignedInMemberAsync(factory));
        await factory.SetHomeAsync(id, home, childMonths);
        return id;
    }

    private Task<NearbyHelpView> FindAsync(Guid parent) =>
        factory.InScopeAsync(async services =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            return await services.GetRequiredService<NearbyHelp>().FindAsync(parent);
        });
}

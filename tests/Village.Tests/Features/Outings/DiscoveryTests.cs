using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Newsletter;
using Village.Web.Features.Outings;
using Village.Web.Infrastructure.Geo;

namespace Village.Tests.Features.Outings;

/// <summary>/outings, /outings/mine and the home page's block: the search rules (period in the outing's time zone,
/// age, free, indoor, distance, cancelled dates), who sees what (community outings, blocks, signed-out visitors), and
/// bad or hostile input.</summary>
public sealed class DiscoveryTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public void This_week_and_this_weekend_end_on_Sunday_night_in_the_outings_time_zone()
    {
        // Friday 27 November 2026, 17:00 in Brussels (16:00 UTC).
        var now = new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc);
        var week = OutingSearch.Window(OutingPeriod.Week, now, "Europe/Brussels");
        Assert.Equal((now, new DateTime(2026, 11, 29, 23, 0, 0)), (week.From, week.To));
        var weekend = OutingSearch.Window(OutingPeriod.Weekend, now, "Europe/Brussels");
        Assert.Equal((new DateTime(2026, 11, 27, 23, 0, 0), new DateTime(2026, 11, 29, 23, 0, 0)), (weekend.From, weekend.To));
        // On Sunday, the weekend is what is left of it; in summer, Brussels is two hours ahead.
        var sunday = new DateTime(2026, 7, 5, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal((sunday, new DateTime(2026, 7, 5, 22, 0, 0)), OutingSearch.Window(OutingPeriod.Weekend, sunday, "Europe/Brussels"));
        Assert.Equal((sunday, new DateTime(2026, 8, 3, 0, 0, 0, DateTimeKind.Utc)), OutingSearch.Window(OutingPeriod.FourWeeks, sunday, "Europe/Paris"));
    }

    [Fact]
    public async Task The_week_and_weekend_filters_follow_the_outings_wall_clock()
    {
        using var parent = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await parent.SignedInMemberAsync(factory));
        var spot = OutingData.NewSpot();
        await factory.SetHomeAsync(id, spot);
        // Next Friday (at least two days ahead), 17:00 in Brussels.
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var friday = today.AddDays(2 + ((12 - (int)today.AddDays(2).DayOfWeek) % 7));
        Assert.Equal(DayOfWeek.Friday, friday.DayOfWeek);
        var starts = new (string Title, DateTime Local)[]
        {
            ("Vendredi soir", friday.AddHours(21)),
            ("Samedi minuit et demi", friday.AddDays(1).AddMinutes(30)),
            ("Dimanche tard", friday.AddDays(2).AddHours(23).AddMinutes(30)),
            ("Lundi minuit et demi", friday.AddDays(3).AddMinutes(30)),
            ("Mardi matin", friday.AddDays(4).AddHours(10)),
        };
        foreach (var (title, local) in starts)
        {
            await factory.AddOutingAsync(title, spot, null, [OutingData.Utc(local)]);
        }

        factory.SetClock(OutingData.Utc(friday.AddHours(17)));
        try
        {
            Assert.Equal(["Vendredi soir", "Samedi minuit et demi", "Dimanche tard"], Titles(await parent.GetAsync("/outings?when=Week&age=")));
            Assert.Equal(["Samedi minuit et demi", "Dimanche tard"], Titles(await parent.GetAsync("/outings?when=Weekend&age=")));
            Assert.Equal(starts.Select(s => s.Title), Titles(await parent.GetAsync("/outings?when=FourWeeks&age=")));
            var page = await parent.GetAsync("/outings?when=Weekend&age=");
            Assert.Contains("samedi", page.Document.QuerySelector(".outing-card time")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(friday.AddDays(1).ToString("yyyy-MM-dd") + "T00:30", page.Document.QuerySelector(".outing-card time")!.GetAttribute("datetime"));
        }
        finally
        {
            factory.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_parent_of_a_4_month_old_sees_the_outings_for_that_age_first_and_can_widen()
    {
        using var parent = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await parent.SignedInMemberAsync(factory));
        var spot = OutingData.NewSpot();
        await factory.SetHomeAsync(id, spot, childMonths: 4);
        var soon = factory.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        await factory.AddOutingAsync("Bébés nageurs", spot, null, [soon], o => (o.MinAgeMonths, o.MaxAgeMonths) = (0, 12));
        await factory.AddOutingAsync("Pile quatre mois", spot, null, [soon.AddMinutes(1)], o => (o.MinAgeMonths, o.MaxAgeMonths) = (4, 4));
        await factory.AddOutingAsync("Nouveau-nés", spot, null, [soon.AddMinutes(2)], o => (o.MinAgeMonths, o.MaxAgeMonths) = (0, 3));
        await factory.AddOutingAsync("Tout-petits", spot, null, [soon.AddMinutes(3)], o => (o.MinAgeMonths, o.MaxAgeMonths) = (12, 36));

        var page = await parent.GetAsync("/outings?when=FourWeeks");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Bébés nageurs", "Pile quatre mois"], Titles(page));
        Assert.Equal("4", page.Document.QuerySelector("#age option[selected]")!.GetAttribute("value"));
        Assert.Equal(["Bébés nageurs", "Pile quatre mois", "Nouveau-nés", "Tout-petits"], Titles(await parent.GetAsync("/outings?when=FourWeeks&age=")));
        Assert.Equal(["Tout-petits"], Titles(await parent.GetAsync("/outings?when=FourWeeks&age=24")));
    }

    [Fact]
    public async Task A_new_home_or_a_new_child_shows_at_once_though_the_home_is_kept_between_searches()
    {
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = "Namur (BE)" })).Status);
        Assert.Contains("Namur", (await parent.GetAsync("/outings")).Document.QuerySelector("main h2")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await parent.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = "Charleroi" })).Status);
        Assert.Contains("Charleroi", (await parent.GetAsync("/outings")).Document.QuerySelector("main h2")!.TextContent, StringComparison.Ordinal);
        var born = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddMonths(-7);
        var added = await parent.FillAsync(
            "/profile/children",
            new Dictionary<string, string> { ["Input.IsExpected"] = "false", ["Input.Month"] = $"{born.Month}", ["Input.Year"] = $"{born.Year}" },
            "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.Status);

        var withChild = await parent.GetAsync("/outings");
        Assert.Equal("7", withChild.Document.QuerySelector("#age option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Free_indoor_and_distance_filter_and_cancelled_dates_are_left_out()
    {
        using var parent = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await parent.SignedInMemberAsync(factory));
        var spot = OutingData.NewSpot();
        await factory.SetHomeAsync(id, spot);
        var soon = factory.Clock.GetUtcNow().UtcDateTime.AddHours(3);
        await factory.AddOutingAsync("Ludothèque", spot, null, [soon]);
        await factory.AddOutingAsync("Parc à 4 km", (spot.Latitude + 0.04, spot.Longitude), null, [soon.AddMinutes(1)], o => o.Setting = OutingSetting.Outdoor);
        await factory.AddOutingAsync("Piscine payante à 17 km", (spot.Latitude + 0.15, spot.Longitude), null, [soon.AddMinutes(2)], o => (o.IsFree, o.Setting) = (false, OutingSetting.Both));
        await factory.AddOutingAsync("Date annulée", spot, null, [soon.AddMinutes(3)]);
        await factory.QueryAsync(db => db.OutingOccurrences.Where(o => db.Outings.Any(x => x.Id == o.OutingId && x.Title == "Date annulée")).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true)));
        await factory.AddOutingAsync("Sortie annulée", spot, null, [soon.AddMinutes(4)], o => o.Status = OutingStatus.Cancelled);
        await factory.AddOutingAsync("Déjà commencée", spot, null, [soon.AddHours(-4)]);

        Assert.Equal(["Ludothèque"], Titles(await parent.GetAsync("/outings?when=FourWeeks&age=&km=2")));
        Assert.Equal(["Ludothèque", "Parc à 4 km"], Titles(await parent.GetAsync("/outings?when=FourWeeks&age=&km=5")));
        Assert.Equal(["Ludothèque", "Parc à 4 km", "Piscine payante à 17 km"], Titles(await parent.GetAsync("/outings?when=FourWeeks&age=&km=20")));
        Assert.Equal(["Ludothèque", "Parc à 4 km"], Titles(await parent.GetAsync("/outings?when=FourWeeks&age=&km=20&free=true")));
        Assert.Equal(["Ludothèque", "Piscine payante à 17 km"], Titles(await parent.GetAsync("/outings?when=FourWeeks&age=&km=20&indoor=true")));

        var page = await parent.GetAsync("/outings?when=FourWeeks&age=&km=20");
        var far = page.Document.QuerySelectorAll(".outing-card")[2];
        Assert.Contains("à environ 17 km", far.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Community_outings_are_for_members_blocked_organisers_are_hidden_and_visitors_see_public_ones()
    {
        var (slug, communityId) = await factory.CommunityAsync();
        var (member, memberEmail) = await factory.MemberWithEmailAsync(slug, "Membre");
        using var _ = member;
        using var outsider = factory.NewBrowser();
        var outsiderId = await factory.MemberIdAsync(await outsider.SignedInMemberAsync(factory));
        using var organizerBrowser = factory.NewBrowser();
        var organizerId = await factory.MemberIdAsync(await organizerBrowser.SignedInMemberAsync(factory, displayName: "Organisatrice"));
        var memberId = await factory.MemberIdAsync(memberEmail);
        var namur = factory.Services.GetRequiredService<Gazetteer>().Search("Namur", 1)[0];
        var spot = (namur.Latitude, namur.Longitude);
        await factory.SetHomeAsync(memberId, spot);
        await factory.SetHomeAsync(outsiderId, spot);
        var soon = factory.Clock.GetUtcNow().UtcDateTime.AddHours(5);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await factory.AddOutingAsync($"Publique {tag}", spot, organizerId, [soon]);
        await factory.AddOutingAsync($"Communauté {tag}", spot, organizerId, [soon.AddMinutes(1)], o => o.CommunityId = communityId);

        Assert.Equal([$"Publique {tag}", $"Communauté {tag}"], Titles(await member.GetAsync("/outings?when=FourWeeks&age=&km=50"), tag));
        Assert.Equal([$"Publique {tag}"], Titles(await outsider.GetAsync("/outings?when=FourWeeks&age=&km=50"), tag));
        using var visitor = factory.NewBrowser();
        var visitorPage = await visitor.GetAsync("/outings?when=FourWeeks&km=50&town=Namur");
        Assert.Equal(HttpStatusCode.OK, visitorPage.Status);
        Assert.Equal([$"Publique {tag}"], Titles(visitorPage, tag));
        Assert.DoesNotContain("Devant le banc rouge", visitorPage.Text, StringComparison.Ordinal);

        // A block either way hides the organiser's outings.
        await factory.BlockAsync(organizerId, outsiderId);
        Assert.Empty(Titles(await outsider.GetAsync("/outings?when=FourWeeks&age=&km=50"), tag));
        await factory.BlockAsync(memberId, organizerId);
        Assert.Empty(Titles(await member.GetAsync("/outings?when=FourWeeks&age=&km=50"), tag));
    }

    [Fact]
    public async Task Visitors_choose_a_town_and_bad_or_hostile_input_gets_a_clear_400()
    {
        using var visitor = factory.NewBrowser();
        var first = await visitor.GetAsync("/outings");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(first.Document.QuerySelector("input#town"));
        Assert.Empty(first.Document.QuerySelectorAll(".outing-card"));
        Assert.DoesNotContain("leaflet", first.Text, StringComparison.Ordinal);

        foreach (var query in new[] { "km=3", "km=abc", "p=0", "age=200", "when=Tomorrow", $"town={new string('x', 100_000)}" })
        {
            var page = await visitor.GetAsync($"/outings?{query}");
            Assert.True(page.Status == HttpStatusCode.BadRequest, $"{query[..Math.Min(20, query.Length)]}: {page}");
            Assert.Contains("Ces filtres ne conviennent pas", page.Text, StringComparison.Ordinal);
        }

        var unknown = await visitor.GetAsync("/outings?town=" + Uri.EscapeDataString("<script>alert(1)</script>' OR 1=1 --"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("Nous ne trouvons pas cette ville", unknown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", unknown.Text, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>' OR 1=1 --", unknown.Document.QuerySelector("input#town")!.GetAttribute("value"));

        // A hostile title is shown as text.
        var spot = OutingData.NewSpot();
        using var parent = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await parent.SignedInMemberAsync(factory));
        await factory.SetHomeAsync(id, spot);
        await factory.AddOutingAsync("<script>alert('x')</script> \u202e ‮Café", spot, null, [factory.Clock.GetUtcNow().UtcDateTime.AddHours(1)]);
        var list = await parent.GetAsync("/outings?when=FourWeeks&age=");
        Assert.DoesNotContain("<script>alert('x')", list.Text, StringComparison.Ordinal);
        Assert.Equal(["<script>alert('x')</script> \u202e ‮Café"], Titles(list));
        Assert.Contains("/lib/leaflet/leaflet.js", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_outings_list_what_I_organise_and_join_and_the_home_page_shows_three_this_week()
    {
        using var parent = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await parent.SignedInMemberAsync(factory));
        using var other = factory.NewBrowser();
        var otherId = await factory.MemberIdAsync(await other.SignedInMemberAsync(factory, displayName: "Autre"));
        var spot = OutingData.NewSpot();
        await factory.SetHomeAsync(id, spot);
        var soon = factory.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await factory.AddOutingAsync("J'organise", spot, id, [soon]);
        var (_, going) = await factory.AddOutingAsync("J'y vais", spot, otherId, [soon.AddMinutes(1)]);
        var (_, waiting) = await factory.AddOutingAsync("J'attends", spot, otherId, [soon.AddMinutes(2)], o => o.MaxFamilies = 1);
        await factory.AddOutingAsync("Pas pour moi", spot, otherId, [soon.AddMinutes(3)]);
        await factory.JoinAsync(going[0].Id, id);
        await factory.JoinAsync(waiting[0].Id, id, ParticipationStatus.Waiting);

        var mine = await parent.GetAsync("/outings/mine");
        Assert.Equal(["J'organise", "J'y vais", "J'attends"], Titles(mine));
        var cards = mine.Document.QuerySelectorAll(".outing-card");
        Assert.Contains("Vous organisez", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Vous y allez", cards[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Vous êtes sur la liste d'attente", cards[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Complet – liste d'attente", cards[2].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Devant le banc rouge", mine.Text, StringComparison.Ordinal);

        var home = await parent.GetAsync("/");
        Assert.Equal(["J'organise", "J'y vais", "J'attends"], Titles(home));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewBrowser().GetAsync("/outings/mine")).Status);
    }

    [Fact]
    public async Task The_newsletter_lists_the_communitys_coming_outings_and_the_event_data_cannot_break_out()
    {
        var (slug, communityId) = await factory.CommunityAsync();
        var spot = OutingData.NewSpot();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.AddOutingAsync("Goûter au parc", spot, null, [now.AddDays(3)], o => o.CommunityId = communityId);
        await factory.AddOutingAsync("Trop tard", spot, null, [now.AddDays(40)], o => o.CommunityId = communityId);
        await factory.AddOutingAsync("Ailleurs", spot, null, [now.AddDays(3)]);
        var (outing, dates) = await factory.AddOutingAsync("</script><script>alert(1)</script>", spot, null, [now.AddDays(2)], o => o.CommunityId = communityId);

        using (var scope = factory.Services.CreateScope())
        {
            var source = scope.ServiceProvider.GetServices<IUpcomingEvents>().OfType<OutingEvents>().Single();
            var events = await source.ForNewsletterAsync(new NewsletterCommunity(communityId, slug, "Test"), now.AddDays(-7), now, CancellationToken.None);
            Assert.Equal(["</script><script>alert(1)</script>", "Goûter au parc"], events.Select(e => e.Title));
            Assert.Equal($"/outings/{outing.Id}", events[0].Path);
        }

        var json = OutingEventData.Json(outing, dates[0], "Camille", "https://village.example");
        Assert.DoesNotContain("</script", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("banc rouge", json, StringComparison.Ordinal);
        var data = JsonNode.Parse(json)!;
        Assert.Equal("</script><script>alert(1)</script>", (string?)data["name"]);
        Assert.Equal("Event", (string?)data["@type"]);
        Assert.Equal("https://schema.org/EventScheduled", (string?)data["eventStatus"]);
        Assert.Equal("Camille", (string?)data["organizer"]!["name"]);
        Assert.Equal("Testville", (string?)data["location"]!["address"]!["addressLocality"]);
        Assert.Equal(DateTimeOffset.Parse((string)data["startDate"]!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, dates[0].StartsAt, TimeSpan.FromSeconds(1));
        Assert.Matches(@"[+-]\d\d:\d\d$", (string)data["startDate"]!);
    }

    /// <summary>The titles of the outing cards on a page, in order (only those containing the tag, when given).</summary>
    private static List<string> Titles(WebPage page, string? tag = null)
    {
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        return [.. page.Document.QuerySelectorAll(".outing-card h3").Select(h => h.TextContent.Trim()).Where(t => tag is null || t.Contains(tag, StringComparison.Ordinal))];
    }
}

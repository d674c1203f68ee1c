using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Village.Tests.Support;
using Village.Web.Features.Outings;

namespace Village.Tests.Features.Outings;

/// <summary>GET /api/outings and /api/outings/{id}: the same rules as the pages, never the meeting point, 400 for
/// nonsense.</summary>
public sealed class OutingsApiTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task Dates_near_a_point_with_filters_and_one_outing_without_its_meeting_point()
    {
        var spot = OutingData.NewSpot();
        using var organizer = factory.NewBrowser();
        var organizerId = await factory.MemberIdAsync(await organizer.SignedInMemberAsync(factory, displayName: "Camille"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (outing, dates) = await factory.AddOutingAsync("Café poussettes", spot, organizerId, [now.AddDays(1), now.AddDays(8)],
            o => (o.MinAgeMonths, o.MaxAgeMonths, o.Rhythm, o.Welcome) = (0, 12, RhythmTags.Calm | RhythmTags.BetweenNaps, WelcomeOffer.WaitAtTheDoor));
        await factory.AddOutingAsync("Piscine", (spot.Latitude + 0.1, spot.Longitude), null, [now.AddDays(2)], o => (o.IsFree, o.MinAgeMonths, o.MaxAgeMonths) = (false, 6, 36));
        using var visitor = factory.NewBrowser();
        var at = $"lat={spot.Latitude.ToString(CultureInfo.InvariantCulture)}&lon={spot.Longitude.ToString(CultureInfo.InvariantCulture)}";

        var all = await JsonAsync(visitor, $"/api/outings?{at}&km=20");
        Assert.Equal(["Café poussettes", "Piscine", "Café poussettes"], Titles(all));
        var first = all["dates"]![0]!;
        Assert.Equal(dates[0].Id.ToString(), (string?)first["dateId"]);
        Assert.Equal("Europe/Brussels", (string?)first["timeZone"]);
        Assert.Equal(1, (int)first["familiesGoing"]!);
        Assert.Equal(["Calm", "BetweenNaps"], first["rhythm"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("WaitAtTheDoor", (string?)first["welcome"]);
        Assert.Equal($"/outings/{outing.Id}", (string?)first["url"]);
        Assert.EndsWith("Z", (string)first["startsAt"]!, StringComparison.Ordinal);
        Assert.Equal(11.1, (double)all["dates"]![1]!["distanceKm"]!, 0.2);

        Assert.Equal(["Café poussettes", "Café poussettes"], Titles(await JsonAsync(visitor, $"/api/outings?{at}&km=5")));
        Assert.Equal(["Café poussettes", "Café poussettes"], Titles(await JsonAsync(visitor, $"/api/outings?{at}&km=20&free=true")));
        Assert.Equal(["Café poussettes", "Café poussettes"], Titles(await JsonAsync(visitor, $"/api/outings?{at}&km=20&ageMonths=4")));
        var window = $"from={Uri.EscapeDataString(now.AddDays(1.5).ToString("O"))}&to={Uri.EscapeDataString(now.AddDays(5).ToString("O"))}";
        Assert.Equal(["Piscine"], Titles(await JsonAsync(visitor, $"/api/outings?{at}&km=20&{window}")));
        Assert.Empty(Titles(await JsonAsync(visitor, $"/api/outings?{at}&km=20&p=2")));

        var one = await JsonAsync(visitor, $"/api/outings/{outing.Id}");
        Assert.Equal("Café poussettes", (string?)one["title"]);
        Assert.Equal("Camille", (string?)one["organizer"]);
        Assert.Equal(2, one["dates"]!.AsArray().Count);
        Assert.Equal($"/outings/{outing.Id}/calendar.ics", (string?)one["calendarUrl"]);
        Assert.Null(one["meetingPoint"]);
        var raw = await visitor.GetAsync($"/api/outings/{outing.Id}");
        Assert.DoesNotContain("banc rouge", raw.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("banc rouge", (await visitor.GetAsync($"/api/outings?{at}&km=20")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Community_outings_stay_with_members_blocks_hide_and_nonsense_gets_400()
    {
        var spot = OutingData.NewSpot();
        var (slug, communityId) = await factory.CommunityAsync();
        var (member, memberEmail) = await factory.MemberWithEmailAsync(slug, "Membre");
        using var _ = member;
        using var outsider = await factory.OutsiderAsync();
        using var visitor = factory.NewBrowser();
        using var organizer = factory.NewBrowser();
        var organizerId = await factory.MemberIdAsync(await organizer.SignedInMemberAsync(factory, displayName: "Orga"));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (secret, _) = await factory.AddOutingAsync("Entre membres", spot, organizerId, [now.AddDays(1)], o => o.CommunityId = communityId);
        await factory.AddOutingAsync("Pour tous", spot, organizerId, [now.AddDays(2)]);
        var at = $"lat={spot.Latitude.ToString(CultureInfo.InvariantCulture)}&lon={spot.Longitude.ToString(CultureInfo.InvariantCulture)}";

        Assert.Equal(["Entre membres", "Pour tous"], Titles(await JsonAsync(member, $"/api/outings?{at}")));
        Assert.Equal(["Pour tous"], Titles(await JsonAsync(outsider, $"/api/outings?{at}")));
        Assert.Equal(["Pour tous"], Titles(await JsonAsync(visitor, $"/api/outings?{at}")));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/outings/{secret.Id}")).Status);
        foreach (var browser in new[] { outsider, visitor })
        {
            var answer = await browser.GetAsync($"/api/outings/{secret.Id}");
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal("application/problem+json", answer.ContentType);
            Assert.DoesNotContain("Entre membres", answer.Text, StringComparison.Ordinal);
        }

        await factory.BlockAsync(await factory.MemberIdAsync(memberEmail), organizerId);
        Assert.Empty(Titles(await JsonAsync(member, $"/api/outings?{at}")));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/outings/{secret.Id}")).Status);

        var future = Uri.EscapeDataString(now.AddDays(100).ToString("O"));
        foreach (var query in new[] { "", "lat=50", "lat=91&lon=4", "lat=x&lon=4", $"{at}&km=0", $"{at}&km=51", $"{at}&ageMonths=-1", $"{at}&ageMonths=73", $"{at}&p=0", $"{at}&to={Uri.EscapeDataString(now.AddDays(-1).ToString("O"))}", $"{at}&from={Uri.EscapeDataString(now.ToString("O"))}&to={future}", $"{at}&from=demain" })
        {
            var answer = await visitor.GetAsync($"/api/outings?{query}");
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{query}: {answer}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/api/outings/not-a-guid")).Status);
    }

    private static async Task<JsonNode> JsonAsync(Browser browser, string url)
    {
        var page = await browser.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {page}");
        return JsonNode.Parse(page.Text)!;
    }

    private static List<string> Titles(JsonNode result) => [.. result["dates"]!.AsArray().Select(d => (string)d!["title"]!)];
}

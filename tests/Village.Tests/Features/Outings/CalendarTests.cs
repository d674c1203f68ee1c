using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Calendar;
using Village.Web.Features.Outings;

namespace Village.Tests.Features.Outings;

/// <summary>The .ics files, read back with a real iCalendar parser (ical.js): one outing's dates, and a parent's private
/// feed (its token, replaced; what it holds and what it never holds).</summary>
public sealed class CalendarTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task An_outings_file_has_its_dates_in_its_time_zone_across_a_daylight_saving_change()
    {
        using var organizer = factory.NewBrowser();
        var organizerId = await factory.MemberIdAsync(await organizer.SignedInMemberAsync(factory, displayName: "Camille"));
        // Every Thursday at 10:00 in Brussels, on both sides of the end of summer time (last Sunday of October).
        var year = factory.Clock.GetUtcNow().Year + 1;
        var thursdays = new[] { new DateTime(year, 10, 15, 10, 0, 0), new DateTime(year, 10, 22, 10, 0, 0), new DateTime(year, 10, 29, 10, 0, 0), new DateTime(year, 11, 5, 10, 0, 0) }
            .Select(d => d.AddDays((4 - (int)d.DayOfWeek + 7) % 7)).ToList();
        var (outing, dates) = await factory.AddOutingAsync("Café, poussettes; et \"jeux\", à Namur \\ avec un titre assez long pour être plié sur plusieurs lignes 🍼", OutingData.NewSpot(), organizerId,
            thursdays.Select(d => OutingData.Utc(d)), o => o.Description = "Ligne un\nLigne deux, avec une virgule");

        using var visitor = factory.NewBrowser();
        var response = await visitor.Client.GetAsync($"/outings/{outing.Id}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        AssertWellFormed(text);
        Assert.DoesNotContain("banc rouge", text, StringComparison.Ordinal);

        var calendar = await ICalParser.ParseAsync(text);
        Assert.Equal(["Europe/Brussels"], Strings(calendar["timezones"]));
        var events = calendar["events"]!.AsArray();
        Assert.Equal(4, events.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal($"{dates[i].Id}@village", (string?)events[i]!["uid"]);
            Assert.Equal("Europe/Brussels", (string?)events[i]!["tzid"]);
            Assert.Equal(thursdays[i].ToString("yyyy-MM-dd'T'HH:mm:ss"), (string?)events[i]!["start"]);
            Assert.Equal(thursdays[i].AddMinutes(90).ToString("yyyy-MM-dd'T'HH:mm:ss"), (string?)events[i]!["end"]);
            Assert.Equal(dates[i].StartsAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), (string?)events[i]!["startUtc"]);
            Assert.Equal("CONFIRMED", (string?)events[i]!["status"]);
            Assert.Equal(outing.Title, (string?)events[i]!["summary"]);
            Assert.Equal($"http://localhost/outings/{outing.Id}", (string?)events[i]!["url"]);
        }

        // 10:00 in Brussels is 08:00 UTC in summer and 09:00 UTC in winter: the VTIMEZONE carried the change.
        Assert.Equal([8, 8, 9, 9], events.Select(e => DateTime.Parse((string)e!["startUtc"]!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().Hour));
        Assert.StartsWith("Ligne un\nLigne deux, avec une virgule", (string?)events[0]!["description"], StringComparison.Ordinal);
        Assert.Equal("Rue de Fer 12, Testville", (string?)events[0]!["location"]);

        // The organiser (and any participant) gets the meeting point.
        var own = await organizer.Client.GetStringAsync($"/outings/{outing.Id}/calendar.ics");
        Assert.Equal("Rue de Fer 12, Testville — Rendez-vous\u00a0: Devant le banc rouge", (string?)(await ICalParser.ParseAsync(own))["events"]![0]!["location"]);
    }

    [Fact]
    public async Task The_private_feed_holds_my_dates_with_their_state_and_a_cancellation_raises_the_sequence()
    {
        using var parent = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await parent.SignedInMemberAsync(factory));
        using var other = factory.NewBrowser();
        var otherId = await factory.MemberIdAsync(await other.SignedInMemberAsync(factory, displayName: "Autre"));
        var spot = OutingData.NewSpot();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.AddOutingAsync("J'organise", spot, id, [now.AddDays(1)]);
        var (_, going) = await factory.AddOutingAsync("J'y vais", spot, otherId, [now.AddDays(2), now.AddDays(9)]);
        var (_, waiting) = await factory.AddOutingAsync("J'attends", spot, otherId, [now.AddDays(3)], o => o.MaxFamilies = 1);
        await factory.AddOutingAsync("Pas la mienne", spot, otherId, [now.AddDays(4)]);
        var (_, old) = await factory.AddOutingAsync("Il y a longtemps", spot, otherId, [now.AddDays(-40)]);
        var (_, lastWeek) = await factory.AddOutingAsync("La semaine passée", spot, otherId, [now.AddDays(-7)]);
        await factory.JoinAsync(going[0].Id, id);
        await factory.JoinAsync(going[1].Id, id);
        await factory.JoinAsync(waiting[0].Id, id, ParticipationStatus.Waiting);
        await factory.JoinAsync(old[0].Id, id);
        await factory.JoinAsync(lastWeek[0].Id, id);

        var page = await parent.GetAsync("/calendar");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var address = page.Document.QuerySelector("#feed-url")!.GetAttribute("value")!;
        Assert.Matches(@"^http://localhost/calendar/[A-Za-z0-9_-]{43}\.ics$", address);
        Assert.Equal(address, (await parent.GetAsync("/calendar")).Document.QuerySelector("#feed-url")!.GetAttribute("value"));
        var path = new Uri(address).PathAndQuery;

        using var calendarApp = factory.NewBrowser();
        var response = await calendarApp.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        AssertWellFormed(text);
        var events = (await ICalParser.ParseAsync(text))["events"]!.AsArray();
        Assert.Equal(["La semaine passée", "J'organise", "J'y vais", "J'attends", "J'y vais"], events.Select(e => (string)e!["summary"]!));
        Assert.Equal(["CONFIRMED", "CONFIRMED", "CONFIRMED", "TENTATIVE", "CONFIRMED"], events.Select(e => (string)e!["status"]!));
        Assert.Contains("Devant le banc rouge", (string?)events[2]!["location"], StringComparison.Ordinal);

        // The organiser cancels one date: same UID, STATUS:CANCELLED and a higher SEQUENCE.
        await factory.QueryAsync(db => db.OutingOccurrences.Where(o => o.Id == going[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCancelled, true).SetProperty(o => o.Sequence, o => o.Sequence + 1)));
        var after = (await ICalParser.ParseAsync(await calendarApp.Client.GetStringAsync(path)))["events"]!.AsArray();
        var cancelled = after.Single(e => (string?)e!["uid"] == $"{going[0].Id}@village")!;
        Assert.Equal("CANCELLED", (string?)cancelled["status"]);
        Assert.Equal(1, (int)cancelled["sequence"]!);
        Assert.Equal(0, (int)events[2]!["sequence"]!);

        // Another parent's feed never holds my dates.
        var theirs = await other.GetAsync("/calendar");
        var theirText = await calendarApp.Client.GetStringAsync(new Uri(theirs.Document.QuerySelector("#feed-url")!.GetAttribute("value")!).PathAndQuery);
        Assert.DoesNotContain("J'organise", theirText, StringComparison.Ordinal);

        // Replacing the address: the old one is gone.
        var replaced = await parent.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Replace']", followRedirects: true);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Contains("L'ancienne ne marche plus", replaced.MainText(), StringComparison.Ordinal);
        var newAddress = replaced.Document.QuerySelector("#feed-url")!.GetAttribute("value")!;
        Assert.NotEqual(address, newAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.Client.GetAsync(new Uri(newAddress).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Client.GetAsync("/calendar/not-a-token.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Client.GetAsync($"/calendar/{new string('a', 5000)}.ics")).StatusCode);
    }

    [Fact]
    public async Task Community_outings_files_are_for_members_and_the_calendar_page_needs_a_sign_in()
    {
        var (slug, communityId) = await factory.CommunityAsync();
        using var member = await factory.MemberOfAsync(slug, "Membre");
        var (outing, _) = await factory.AddOutingAsync("Entre membres", OutingData.NewSpot(), null, [factory.Clock.GetUtcNow().UtcDateTime.AddDays(1)], o => o.CommunityId = communityId);
        using var outsider = await factory.OutsiderAsync();
        using var visitor = factory.NewBrowser();

        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/outings/{outing.Id}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/outings/{outing.Id}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/outings/{outing.Id}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/outings/{Guid.NewGuid()}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/calendar")).Status);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_on_character_boundaries_and_text_is_escaped()
    {
        var output = new StringBuilder();
        var value = string.Concat(Enumerable.Repeat("é🍼a,", 40));
        ICalendar.Line(output, "SUMMARY:" + ICalendar.Escape(value));
        var text = output.ToString();
        var lines = text.Split("\r\n")[..^1];
        Assert.True(lines.Length > 2);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.DoesNotContain('\uFFFD', text);
        Assert.Equal("SUMMARY:" + value.Replace(",", "\\,", StringComparison.Ordinal), string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
        Assert.Equal("a\\;b\\,c\\\\d\\ne", ICalendar.Escape("a;b,c\\d\r\ne\u0007"));
    }

    private static void AssertWellFormed(string text)
    {
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Matches(@"DTSTAMP:\d{8}T\d{6}Z\r\n", text);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];
}

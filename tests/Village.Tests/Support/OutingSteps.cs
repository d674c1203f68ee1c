using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Web.Features.Outings;
using Village.Web.Infrastructure.Geo;

namespace Village.Tests.Support;

/// <summary>Set-up for outing tests: parents with a home town, an outing proposed through the form, joining and
/// leaving through the outing page.</summary>
public static class OutingSteps
{
    /// <summary>A signed-in parent living in Namur (their profile has the town), with their address and id.</summary>
    public static async Task<Parent> ParentAsync(this VillageFactory factory, string name)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        var id = await factory.LiveInNamurAsync(email);
        return new Parent(browser, email, id, name);
    }

    /// <summary>The same, a member of the community.</summary>
    public static async Task<Parent> ParentInAsync(this VillageFactory factory, string slug, string name)
    {
        var (browser, email) = await factory.MemberWithEmailAsync(slug, name);
        return new Parent(browser, email, await factory.LiveInNamurAsync(email), name);
    }

    public static async Task<Guid> LiveInNamurAsync(this VillageFactory factory, string email)
    {
        var namur = factory.Namur();
        var memberId = await factory.QueryAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            await db.Profiles.Where(p => p.MemberId == id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.TownId, namur.Id).SetProperty(p => p.TownName, namur.Name).SetProperty(p => p.Country, namur.Country)
                .SetProperty(p => p.Latitude, namur.Latitude).SetProperty(p => p.Longitude, namur.Longitude));
            return id;
        });
        factory.ExpireKeptCopies();
        return memberId;
    }

    public static Town Namur(this VillageFactory factory) =>
        factory.Services.GetRequiredService<Gazetteer>().Resolve("Namur", null, null).Town
        ?? throw new InvalidOperationException("Namur is not in the gazetteer.");

    /// <summary>The next given weekday (strictly after today), as the form writes it.</summary>
    public static string Next(DayOfWeek day, int weeksLater = 0)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var next = today.AddDays(1);
        while (next.DayOfWeek != day)
        {
            next = next.AddDays(1);
        }

        return next.AddDays(7 * weeksLater).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static Dictionary<string, string> Fields(
        VillageFactory factory, string title = "Café poussettes", string? date = null, string time = "10:00", int maxFamilies = 3,
        string recurrence = "None", string communityId = "") => new()
        {
            ["Input.Title"] = title,
            ["Input.Description"] = "Un café au chaud avec un coin jeux pour les petits.",
            ["Input.PlaceId"] = "",
            ["Input.Address"] = "Rue de Fer 10",
            ["Input.TownQuery"] = "Namur",
            ["Input.TownId"] = factory.Namur().Id,
            ["Input.Date"] = date ?? Next(DayOfWeek.Thursday),
            ["Input.Time"] = time,
            ["Input.DurationMinutes"] = "90",
            ["Input.MinAgeMonths"] = "0",
            ["Input.MaxAgeMonths"] = "24",
            ["Input.MaxFamilies"] = maxFamilies.ToString(CultureInfo.InvariantCulture),
            ["Input.IsFree"] = "true",
            ["Input.PriceNote"] = "",
            ["Input.Setting"] = "Indoor",
            ["Input.MeetingPoint"] = "Près du banc rouge, à l'entrée",
            ["Input.CommunityId"] = communityId,
            ["Input.Recurrence"] = recurrence,
            ["Input.RepeatUntil"] = "",
            ["Input.Welcome"] = "WaitAtTheDoor",
            ["Input.WelcomeNote"] = "",
        };

    /// <summary>Proposes an outing through the form; returns its id.</summary>
    public static async Task<Guid> ProposeAsync(this Parent organizer, VillageFactory factory, Action<Dictionary<string, string>>? change = null)
    {
        var fields = Fields(factory);
        change?.Invoke(fields);
        var page = await organizer.Browser.FillAsync("/outings/new", fields);
        Assert.True(page.Status == HttpStatusCode.Redirect, page.ToString());
        return Guid.Parse(page.Location!.Split('/')[^1]);
    }

    /// <summary>Joins the outing's date shown by default (or the given one) through the page.</summary>
    public static async Task<WebPage> JoinAsync(this Parent parent, Guid outingId, string query = "", int adults = 1, int children = 1, bool morning = false)
    {
        var page = await parent.Browser.GetAsync($"/outings/{outingId}{query}");
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        return await parent.Browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Adults"] = adults.ToString(CultureInfo.InvariantCulture),
            ["Children"] = children.ToString(CultureInfo.InvariantCulture),
            ["MorningReminder"] = morning ? "true" : "false",
        }, "form[action*='handler=Join']");
    }

    public static async Task<WebPage> LeaveAsync(this Parent parent, Guid outingId, string query = "")
    {
        var page = await parent.Browser.GetAsync($"/outings/{outingId}{query}");
        return await parent.Browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Leave']");
    }

    public static Task<OutingParticipation?> ParticipationAsync(this VillageFactory factory, Guid outingId, Guid memberId) =>
        factory.QueryAsync(db => db.OutingParticipations.AsNoTracking()
            .Where(p => p.MemberId == memberId && db.OutingOccurrences.Any(o => o.Id == p.OccurrenceId && o.OutingId == outingId))
            .OrderBy(p => p.JoinedAt).FirstOrDefaultAsync());

    public static Task<List<OutingOccurrence>> DatesAsync(this VillageFactory factory, Guid outingId) =>
        factory.QueryAsync(db => db.OutingOccurrences.AsNoTracking().Where(o => o.OutingId == outingId).OrderBy(o => o.StartsAt).ToListAsync());
}

public sealed record Parent(Browser Browser, string Email, Guid Id, string Name) : IDisposable
{
    public void Dispose() => Browser.Dispose();
}

using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Profiles;

namespace Village.Tests.Features.Parents;

/// <summary>A parent described for discovery: where they live (coarse) and what they show.</summary>
public sealed record ParentSketch(
    string Name,
    double Latitude,
    double Longitude,
    int[]? ChildAgesMonths = null,
    string[]? Languages = null,
    Interest Interests = Interest.None,
    Availability Availability = Availability.None,
    bool Visible = true);

public static class ParentSteps
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>Namur, as the gazetteer places it (coarse).</summary>
    public const double NamurLat = 50.47, NamurLon = 4.87;

    /// <summary>Signs a new parent up through the pages, then gives them a home, children and tastes.</summary>
    public static async Task<(Browser Browser, Guid Id)> ParentAsync(this VillageFactory factory, ParentSketch sketch)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: sketch.Name);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await factory.QueryAsync(async db =>
        {
            var profile = await db.Profiles.SingleAsync(p => p.MemberId == id);
            profile.Latitude = sketch.Latitude;
            profile.Longitude = sketch.Longitude;
            profile.TownName = "Namur";
            profile.TownId = "test";
            profile.Country = "BE";
            profile.VisibleNearby = sketch.Visible;
            profile.Interests = sketch.Interests;
            profile.Availability = sketch.Availability;
            foreach (var months in sketch.ChildAgesMonths ?? [])
            {
                var month = Today.AddMonths(-months);
                db.Children.Add(new Child { Id = Guid.CreateVersion7(), ParentId = id, Year = month.Year, Month = month.Month, IsExpected = months < 0, CreatedAt = DateTime.UnixEpoch });
            }

            foreach (var code in sketch.Languages ?? [])
            {
                db.Set<ParentLanguage>().Add(new ParentLanguage { ParentId = id, Code = code });
            }

            return await db.SaveChangesAsync();
        });
        return (browser, id);
    }

    /// <summary>Says hello through the page, with a suggestion or a text.</summary>
    public static Task<WebPage> SayHelloAsync(this Browser browser, Guid to, string? text = null, string? suggestion = null)
    {
        var fields = new Dictionary<string, string> { ["Text"] = text ?? "" };
        if (suggestion is not null)
        {
            fields["Suggestion"] = suggestion;
        }

        return browser.FillAsync($"/parents/{to}/hello", fields);
    }
}

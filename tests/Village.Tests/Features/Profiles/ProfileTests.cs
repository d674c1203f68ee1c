using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Profiles;
using Village.Web.Infrastructure.Geo;

namespace Village.Tests.Features.Profiles;

/// <summary>The parent's own profile: area, languages, interests, who sees what; and what is refused.</summary>
public sealed class ProfileTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_profile_needs_a_signed_in_parent()
    {
        using var browser = factory.NewBrowser();

        var page = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/signin", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_a_town_without_javascript_saves_the_town_with_coarse_coordinates()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);

        var saved = await browser.FillAsync("/profile", new Dictionary<string, string>
        {
            ["Input.TownQuery"] = "Lille",
            ["Input.Languages"] = "fr",
            ["Input.Interests"] = "Walks",
            ["Input.Availability"] = "WeekdayMornings",
            ["Input.VisibleNearby"] = "true",
        });

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        var profile = await ProfileOfAsync(email);
        Assert.Equal("Lille", profile.TownName);
        Assert.Equal("FR", profile.Country);
        Assert.True(profile.VisibleNearby);
        Assert.Equal(Interest.Walks, profile.Interests);
        Assert.Equal(Availability.WeekdayMornings, profile.Availability);
        Assert.Equal(["fr"], profile.Languages.Select(l => l.Code));
        AssertCoarse(profile.Latitude!.Value);
        AssertCoarse(profile.Longitude!.Value);
    }

    [Fact]
    public async Task A_browser_position_is_rounded_to_a_hundredth_of_a_degree_before_it_is_stored()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);

        var saved = await browser.FillAsync("/profile", new Dictionary<string, string>
        {
            ["Input.Latitude"] = "50.4674321",
            ["Input.Longitude"] = "4.8719876",
        });

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        var profile = await ProfileOfAsync(email);
        Assert.Equal(50.47, profile.Latitude);
        Assert.Equal(4.87, profile.Longitude);
        Assert.Equal("Namur", profile.TownName);
    }

    [Fact]
    public async Task No_coordinate_stored_or_returned_is_more_precise_than_a_hundredth_of_a_degree()
    {
        using var browser = factory.NewBrowser();
        await browser.SignedInMemberAsync(factory);
        await browser.FillAsync("/profile", new Dictionary<string, string>
        {
            ["Input.Latitude"] = "48.8566140",
            ["Input.Longitude"] = "2.3522219",
        });

        foreach (var town in Gazetteer.LoadEmbedded().Towns)
        {
            AssertCoarse(town.Latitude, town.Id);
            AssertCoarse(town.Longitude, town.Id);
        }

        var stored = await factory.QueryAsync(db => db.Profiles.Where(p => p.Latitude != null).Select(p => new { p.Latitude, p.Longitude }).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, p =>
        {
            AssertCoarse(p.Latitude!.Value);
            AssertCoarse(p.Longitude!.Value);
        });

        foreach (var query in new[] { "par", "nam", "gen", "lux", "1", "69003" })
        {
            var answer = await browser.GetAsync($"/api/towns?q={query}");
            using var json = JsonDocument.Parse(answer.Text);
            Assert.NotEmpty(json.RootElement.EnumerateArray());
            foreach (var town in json.RootElement.EnumerateArray())
            {
                AssertCoarse(town.GetProperty("latitude").GetDouble(), query);
                AssertCoarse(town.GetProperty("longitude").GetDouble(), query);
            }
        }

        var export = await browser.GetAsync("/account/data?handler=Download");
        using var data = JsonDocument.Parse(export.Text);
        AssertCoarse(data.RootElement.GetProperty("profile").GetProperty("Latitude").GetDouble());
        AssertCoarse(data.RootElement.GetProperty("profile").GetProperty("Longitude").GetDouble());
    }

    [Fact]
    public async Task An_ambiguous_town_offers_the_choices_and_keeps_what_was_typed()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);

        var page = await browser.FillAsync("/profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zoé",
            ["Input.TownQuery"] = "Saint-Martin",
            ["Input.About"] = "Maman de deux",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(TextsFile.Fr("Profile.TownChoose"), page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Zoé", page.FieldValue("Input.DisplayName"));
        Assert.Equal("Maman de deux", page.Document.QuerySelector("textarea[name='Input.About']")?.TextContent);
        var choices = page.Document.QuerySelectorAll("input[type=radio][name='Input.TownChoice']");
        Assert.True(choices.Length > 1, page.ToString());

        var picked = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.TownChoice"] = choices[1].GetAttribute("value")! });

        Assert.True(picked.Status == HttpStatusCode.Redirect, picked.ToString());
        var profile = await ProfileOfAsync(email);
        Assert.Equal(choices[1].GetAttribute("value"), profile.TownId);
        Assert.Equal("Zoé", profile.DisplayName);
    }

    [Fact]
    public async Task Typing_a_shorter_name_than_the_town_picked_before_asks_again_without_javascript()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);
        var first = await browser.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = "Saint-Martin-d'Hères" });
        Assert.True(first.Status == HttpStatusCode.Redirect, first.ToString());

        // The page still holds Saint-Martin-d'Hères's id in its hidden field; what the parent typed wins.
        var page = await browser.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = "Saint-Martin" });

        Assert.True(page.Status == HttpStatusCode.BadRequest, page.ToString());
        Assert.NotEmpty(page.Document.QuerySelectorAll("input[type=radio][name='Input.TownChoice']"));
        Assert.Equal("Saint-Martin-d'Hères", (await ProfileOfAsync(email)).TownName);
    }

    public static TheoryData<string, string, string> WrongValues => new()
    {
        { "Input.TownQuery", "Xqzwtown", "Profile.TownNotFound" },
        { "Input.Interests", "banana", "Validation.InvalidValue" },
        { "Input.Interests", "99999", "Validation.InvalidValue" },
        { "Input.Availability", "4096", "Validation.InvalidValue" },
        { "Input.Languages", "klingon", "Validation.InvalidValue" },
        { "Input.ChildrenAudience", "7", "Validation.InvalidValue" },
        { "Input.Latitude", "abc", "Profile.PositionInvalid" },
        { "Input.Latitude", "NaN", "Profile.PositionInvalid" },
        { "Input.Latitude", "1e308", "Profile.PositionInvalid" },
        { "Input.DisplayName", "", "Validation.Required" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task A_wrong_value_is_refused_in_French_and_the_rest_is_kept(string field, string value, string messageKey)
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: "Avant");

        var page = await browser.FillAsync("/profile", new Dictionary<string, string>
        {
            ["Input.About"] = "Nous aimons les balades.",
            [field] = value,
        });

        Assert.True(page.Status == HttpStatusCode.BadRequest, page.ToString());
        var summary = page.ErrorSummary ?? "";
        var expected = TextsFile.French[messageKey].Split('{')[0];
        Assert.Contains(expected, summary, StringComparison.Ordinal);
        Assert.Equal("Nous aimons les balades.", page.Document.QuerySelector("textarea[name='Input.About']")?.TextContent);
        Assert.Equal("", (await ProfileOfAsync(email)).About);
    }

    [Fact]
    public async Task A_hundred_kilobytes_about_me_is_refused_and_kept_and_scripts_stay_text()
    {
        using var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory);
        var huge = "<script>alert(1)</script>" + new string('é', 100 * 1024);

        var page = await browser.FillAsync("/profile", new Dictionary<string, string> { ["Input.About"] = huge });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(TextsFile.Fr("Validation.MaxLength", TextsFile.Fr("Profile.About"), 500), page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(huge, page.Document.QuerySelector("textarea[name='Input.About']")?.TextContent);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Text, StringComparison.Ordinal);
        Assert.Equal("", (await ProfileOfAsync(email)).About);
    }

    private async Task<ParentProfile> ProfileOfAsync(string email) =>
        await factory.QueryAsync(db => db.Profiles.AsNoTracking().Include(p => p.Languages).SingleAsync(p => p.Member.Email == email));

    private static void AssertCoarse(double degrees, string? context = null) =>
        Assert.True(Math.Abs((degrees * 100) - Math.Round(degrees * 100)) < 1e-6, $"{degrees} is more precise than 0.01 degree ({context}).");
}

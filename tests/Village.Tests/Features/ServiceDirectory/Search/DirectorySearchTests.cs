using System.Globalization;
using System.Net;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Infrastructure.Geo;
using static Village.Tests.Support.DirectoryData;

namespace Village.Tests.Features.ServiceDirectory.Search;

/// <summary>/services and /services/{id}: each filter keeps the service that matches and leaves out the one that does
/// not (each case at a spot of its own, around the searching parent's home); pending services stay hidden; bad input
/// is a clear 400 with what was typed kept.</summary>
public sealed class DirectorySearchTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static readonly (string Days, string Opens, string Closes)[] Always = [("MO,TU,WE,TH,FR,SA,SU", "00:00", "00:00")];

    public static TheoryData<string> Filters => ["need", "category", "text", "free", "language", "age", "pregnancy", "open-now", "saturday-morning", "distance"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_filter_keeps_the_matching_service_and_leaves_out_the_other(string filter)
    {
        var spot = OutingData.NewSpot();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var yes = new ServiceSpec($"Oui {tag}", spot);
        var no = new ServiceSpec($"Non {tag}", spot);
        Action<Service>? configureYes = null, configureNo = null;
        var query = filter switch
        {
            "need" => Set(ref yes, yes with { Categories = ["listening-line"] }, "need=talk"),
            "category" => Set(ref yes, yes with { Categories = ["midwife"] }, "category=midwife"),
            "text" => Set(ref yes, yes with { Name = $"Café poussette {tag}" }, "q=POUSSETTE"),
            "free" => Set(ref no, no with { Cost = 5 }, "free=true"),
            "language" => Set(ref yes, yes with { Languages = ["fr", "ar"] }, "lang=ar"),
            "age" => Configure(out configureYes, s => s.MaximumAge = 6, out configureNo, s => s.MaximumAge = 1, "agemonths=36"),
            "pregnancy" => Set(ref yes, yes with { Categories = ["perinatal", "pregnancy"] }, "pregnancy=true"),
            "open-now" => Set(ref yes, yes with { Hours = Always }, Set(ref no, no with { Hours = [] }, "opennow=true")),
            "saturday-morning" => Set(ref yes, yes with { Hours = [("SA", "09:00", "12:00")] }, Set(ref no, no with { Hours = [("SA", "14:00", "17:00")] }, "day=Saturday&part=Morning")),
            "distance" => Set(ref no, no with { At = (spot.Latitude + 0.045, spot.Longitude) }, "km=2"),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };
        await factory.AddServiceAsync(yes, configureYes);
        await factory.AddServiceAsync(no, configureNo);
        using var parent = await ParentAtAsync(spot);

        var all = await parent.GetAsync("/services?km=10");
        var filtered = await parent.GetAsync($"/services?{query}");

        Assert.True(filtered.Status == HttpStatusCode.OK, filtered.ToString());
        Assert.Contains(yes.Name, Names(all));
        Assert.Contains(no.Name, Names(all));
        Assert.Contains(yes.Name, Names(filtered));
        Assert.DoesNotContain(no.Name, Names(filtered));
    }

    [Fact]
    public async Task The_list_says_the_next_opening_and_a_rounded_distance_but_never_where_the_parent_lives()
    {
        var spot = OutingData.NewSpot();
        var home = (Latitude: spot.Latitude + 0.0137, Longitude: spot.Longitude + 0.0291);
        var open = new ServiceSpec($"Maison verte {Guid.NewGuid():N}"[..20], spot) { Hours = Always, Languages = ["fr", "ar"] };
        var closed = new ServiceSpec($"Halte {Guid.NewGuid():N}"[..14], spot) { Hours = [] };
        await factory.AddServiceAsync(open);
        await factory.AddServiceAsync(closed);
        using var parent = await ParentAtAsync(home);

        var page = await parent.GetAsync("/services");

        var cards = page.Document.QuerySelectorAll("main .cards > li").ToList();
        var openCard = cards.Single(c => c.TextContent.Contains(open.Name, StringComparison.Ordinal)).TextContent.Normalized();
        Assert.Contains(TextsFile.Fr("Directory.OpenUntil", TextsFile.Fr("Directory.Hour", 0)), openCard, StringComparison.Ordinal);
        var km = (int)Math.Round(Coordinates.DistanceKm(home.Latitude, home.Longitude, spot.Latitude, spot.Longitude));
        Assert.Contains(TextsFile.Fr("Distance.About", km), openCard, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Directory.Free"), openCard, StringComparison.Ordinal);
        Assert.Contains("العربية", openCard, StringComparison.Ordinal);
        var closedCard = cards.Single(c => c.TextContent.Contains(closed.Name, StringComparison.Ordinal)).TextContent.Normalized();
        Assert.Contains(TextsFile.Fr("Directory.NoOpeningSoon"), closedCard, StringComparison.Ordinal);
        foreach (var figure in new[] { home.Latitude, home.Longitude })
        {
            foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("fr-BE") })
            {
                Assert.DoesNotContain(figure.ToString("0.####", culture), page.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(figure.ToString("0.##", culture), page.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_pending_service_is_hidden_from_the_search_and_its_page_except_from_moderators_and_its_professionals()
    {
        var spot = OutingData.NewSpot();
        var name = $"En attente {Guid.NewGuid():N}"[..20];
        var (organization, service) = await factory.AddServiceAsync(new ServiceSpec(name, spot) { Listing = ListingStatus.Pending });
        using var parent = await ParentAtAsync(spot);
        using var visitor = factory.NewBrowser();
        using var moderator = await factory.StaffAsync(Roles.Moderator);
        using var professional = factory.NewBrowser();
        var professionalId = await factory.MemberIdAsync(await professional.SignedInMemberAsync(factory));
        using var outsider = factory.NewBrowser();
        await outsider.SignedInMemberAsync(factory);

        Assert.DoesNotContain(name, Names(await parent.GetAsync("/services?q=" + Uri.EscapeDataString(name))));
        Assert.DoesNotContain(name, Names(await visitor.GetAsync("/services?q=" + Uri.EscapeDataString(name))));
        var url = $"/services/{service.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await professional.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/services/{Guid.NewGuid()}")).Status);

        var seen = await moderator.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Contains(TextsFile.Fr("Directory.NotPublished"), seen.MainText(), StringComparison.Ordinal);
        await factory.LinkProfessionalAsync(organization.Id, professionalId);
        Assert.Equal(HttpStatusCode.OK, (await professional.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).Status);
    }

    [Fact]
    public async Task The_service_page_says_what_when_how_much_where_and_how_to_reach_them_in_plain_words()
    {
        var spot = OutingData.NewSpot();
        var hostile = "<script>alert('x')</script> ' OR 1=1 -- \u202e";
        var (organization, service) = await factory.AddServiceAsync(
            new ServiceSpec(hostile, spot) { Hours = [("SA", "09:00", "12:00")], Categories = ["drop-in", "pregnancy"], Languages = ["fr", "ar"] },
            s =>
            {
                s.ToComplete = true;
                s.MinimumAge = 0;
                s.MaximumAge = 3;
                s.Email = "accueil@example.org";
            });
        await factory.QueryAsync(db =>
        {
            db.Organizations.Where(o => o.Id == organization.Id).ToList().ForEach(o => o.IsFictional = true);
            db.Phones.Add(new Phone { Id = Guid.CreateVersion7(), ServiceId = service.Id, Number = "+32 81 00 00 00" });
            return db.SaveChangesAsync();
        });
        using var visitor = factory.NewBrowser();

        var page = await visitor.GetAsync($"/services/{service.Id}");

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        var main = page.MainText().Normalized();
        Assert.Equal(hostile.Normalized(), page.Document.QuerySelector("main h1")!.TextContent.Normalized());
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Directory.Fictional"), main, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Directory.ToComplete"), main, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Directory.ForPregnancy"), main, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Directory.Term.drop-in"), main, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Directory.Span", TextsFile.Fr("Directory.Hour", 9), TextsFile.Fr("Directory.Hour", 12)), main, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Directory.Free"), main, StringComparison.Ordinal);
        Assert.Contains("Rue de la Gare 1", main, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='tel:+3281000000']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='mailto:accueil@example.org']"));
        Assert.Contains("العربية", main, StringComparison.Ordinal);
        Assert.Contains("Informations vérifiées le", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_clear_400_keeping_what_was_typed_never_a_500()
    {
        using var visitor = factory.NewBrowser();
        var invalid = TextsFile.Fr("Directory.SearchInvalid");

        foreach (var query in new[] { "km=-5", "need=unknown", "category=nope", "lang=xx", "agemonths=7", "day=Funday", "part=Morning", "p=0", "p=abc" })
        {
            var page = await visitor.GetAsync($"/services?{query}");
            Assert.True(page.Status == HttpStatusCode.BadRequest, query + " " + page);
            Assert.Contains(invalid, page.ErrorSummary ?? "", StringComparison.Ordinal);
        }

        var tooLong = new string('é', 150) + "<script>";
        var longPage = await visitor.GetAsync($"/services?q={Uri.EscapeDataString(tooLong)}");
        Assert.Equal(HttpStatusCode.BadRequest, longPage.Status);
        Assert.Equal(tooLong, longPage.FieldValue("q"));

        var hostile = "<script>alert(1)</script>' OR 1=1 --";
        var hostilePage = await visitor.GetAsync($"/services?q={Uri.EscapeDataString(hostile)}");
        Assert.Equal(HttpStatusCode.OK, hostilePage.Status);
        Assert.Equal(hostile, hostilePage.FieldValue("q"));
        Assert.DoesNotContain("<script>alert(1)", hostilePage.Text, StringComparison.Ordinal);

        var nowhere = await visitor.GetAsync("/services?Input.TownQuery=Zzyzxville&km=10");
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.Status);
        Assert.Contains(TextsFile.Fr("Profile.TownNotFound"), nowhere.ErrorSummary ?? nowhere.MainText(), StringComparison.Ordinal);
        Assert.Equal("Zzyzxville", nowhere.FieldValue("Input.TownQuery"));

        var namur = await visitor.GetAsync("/services?Input.TownQuery=Namur%20(BE)&km=5&free=true&day=Saturday&part=Morning&lang=ar");
        Assert.Equal(HttpStatusCode.OK, namur.Status);
        Assert.Contains(TextsFile.Fr("Directory.AroundTown", "Namur", 5), namur.MainText(), StringComparison.Ordinal);
    }

    private static string Set(ref ServiceSpec spec, ServiceSpec value, string query)
    {
        spec = value;
        return query;
    }

    private static string Configure(out Action<Service>? yes, Action<Service> yesValue, out Action<Service>? no, Action<Service> noValue, string query)
    {
        yes = yesValue;
        no = noValue;
        return query;
    }

    private async Task<Browser> ParentAtAsync((double Latitude, double Longitude) at)
    {
        var browser = factory.NewBrowser();
        var id = await factory.MemberIdAsync(await browser.SignedInMemberAsync(factory));
        await factory.SetHomeAsync(id, at);
        return browser;
    }

    private static List<string> Names(WebPage page) =>
        [.. page.Document.QuerySelectorAll("main .cards h2").Select(h => h.TextContent.Trim())];
}

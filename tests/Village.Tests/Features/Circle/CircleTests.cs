using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Circle;

namespace Village.Tests.Features.Circle;

/// <summary>A parent's circle through its pages: adding, editing and removing people, the picture and its words,
/// the thin spots, a service added from its page; and nobody else ever reaching it.</summary>
public sealed class CircleTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static Dictionary<string, string> Fields(
        string name, string relation = "Family", string closeness = "Close", string within = "SameTown", string? help = null, bool night = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Relation"] = relation,
            ["Input.Closeness"] = closeness,
            ["Input.LivesWithin"] = within,
            ["Input.CallableAtNight"] = night ? "true" : "false",
        };
        if (help is not null)
        {
            fields["Input.CanHelp"] = help;
        }

        return fields;
    }

    /// <summary>The page's visible words (the HTML escapes French typography's narrow spaces).</summary>
    private static string Words(WebPage page) => page.Document.Body!.TextContent;

    private async Task<Browser> ParentAsync(string name = "Camille")
    {
        var browser = factory.NewBrowser();
        await browser.SignedInMemberAsync(factory, displayName: name);
        return browser;
    }

    private static async Task AddAsync(Browser parent, Dictionary<string, string> fields)
    {
        var added = await parent.FillAsync("/circle/new", fields);
        Assert.True(added.Status == HttpStatusCode.Redirect && added.Location == "/circle", added.ToString());
    }

    private Task<List<CirclePerson>> CircleOfAsync(string name) =>
        factory.QueryAsync(db => db.CirclePeople.AsNoTracking()
            .Where(p => db.Profiles.Any(f => f.MemberId == p.OwnerId && f.DisplayName == name)).OrderBy(p => p.Name).ToListAsync());

    [Fact]
    public async Task A_parent_with_nobody_yet_is_welcomed_then_adds_edits_and_removes_people()
    {
        var owner = $"Parent {Guid.NewGuid():N}"[..20];
        using var parent = await ParentAsync(owner);

        var empty = await parent.GetAsync("/circle");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains(TextsFile.Fr("Circle.EmptyTitle"), Words(empty), StringComparison.Ordinal);
        Assert.NotNull(empty.Document.QuerySelector("a[href='/circle/new?relation=Neighbour']"));
        Assert.Null(empty.Document.QuerySelector("svg"));
        var quick = await parent.GetAsync("/circle/new?relation=Neighbour");
        Assert.NotNull(quick.Document.QuerySelector("#Input_Relation option[value='Neighbour'][selected]"));

        await AddAsync(parent, Fields("Maman", "Family", "VeryClose", "FarAway", "Listening", night: true));
        await AddAsync(parent, Fields("Sophie (voisine)", "Neighbour", "NotSoClose", "WalkingDistance", "Meals"));

        var people = await CircleOfAsync(owner);
        Assert.Equal(["Maman", "Sophie (voisine)"], people.Select(p => p.Name));
        Assert.Equal((Closeness.VeryClose, LivesWithin.FarAway, CircleHelp.Listening, true), (people[0].Closeness, people[0].LivesWithin, people[0].CanHelp, people[0].CallableAtNight));

        var circle = await parent.GetAsync("/circle");
        Assert.Contains(TextsFile.Fr("Circle.SavedNotice"), Words(circle), StringComparison.Ordinal);
        var words = circle.Document.QuerySelectorAll(".circle-people h4").Select(h => h.TextContent).ToList();
        Assert.Equal(["Maman", "Sophie (voisine)"], words);
        Assert.Contains(TextsFile.Fr("Circle.Thin.NoProfessional"), Words(circle), StringComparison.Ordinal);
        Assert.DoesNotContain(TextsFile.Fr("Circle.Thin.NoOneAtNight"), Words(circle), StringComparison.Ordinal);
        Assert.NotNull(circle.Document.QuerySelector("a[href='/services?need=child-health']"));

        // Several help boxes ticked at once, posted as a browser does.
        var edit = await parent.GetAsync($"/circle/{people[1].Id}/edit");
        Assert.Equal("Sophie (voisine)", edit.FieldValue("Input.Name"));
        var fields = Fields("Sophie", "OtherParent", "Close", "SameTown", "Meals").Where(f => f.Key != "Input.CanHelp")
            .Append(new("Input.CanHelp", "BabyCare")).Append(new("Input.CanHelp", "Meals")).Append(new("Input.Note", "Dispo le mercredi"))
            .Append(new(Browser.AntiforgeryField, edit.AntiforgeryToken));
        var saved = await parent.PostAsync($"/circle/{people[1].Id}/edit", fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        var sophie = (await CircleOfAsync(owner)).Single(p => p.Id == people[1].Id);
        Assert.Equal(("Sophie", CircleRelation.OtherParent, CircleHelp.Meals | CircleHelp.BabyCare, "Dispo le mercredi"), (sophie.Name, sophie.Relation, sophie.CanHelp, sophie.Note));

        edit = await parent.GetAsync($"/circle/{people[1].Id}/edit");
        Assert.Contains(TextsFile.Fr("Circle.RemoveQuestion", "Sophie"), Words(edit), StringComparison.Ordinal);
        var removed = await parent.SubmitAsync(edit, new Dictionary<string, string>(), "form[action*='handler=Delete']");
        Assert.True(removed.Status == HttpStatusCode.Redirect, removed.ToString());
        Assert.Equal(["Maman"], (await CircleOfAsync(owner)).Select(p => p.Name));
        Assert.Contains(TextsFile.Fr("Circle.RemovedNotice"), Words(await parent.GetAsync("/circle")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_picture_has_a_title_a_summary_and_the_words_list_everyone_by_ring()
    {
        var owner = $"Parent {Guid.NewGuid():N}"[..20];
        using var parent = await ParentAsync(owner);
        await AddAsync(parent, Fields("Antoine", "Partner", "VeryClose", "SameHome", "Nights", night: true));
        await AddAsync(parent, Fields("Maman", "Family", "VeryClose", "FewHours", "BabyCare"));
        await AddAsync(parent, Fields("Julie", "Friend", "Close", "WalkingDistance", "Listening"));
        await AddAsync(parent, Fields("Claire, sage-femme", "Professional", "NotSoClose", "SameTown", "Advice"));

        var page = await parent.GetAsync("/circle");
        var svg = page.Document.QuerySelector("figure.ecomap svg");
        Assert.NotNull(svg);
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("ecomap-title ecomap-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal(TextsFile.Fr("Circle.MapTitle"), svg.QuerySelector("title#ecomap-title")?.TextContent);
        Assert.Equal(TextsFile.Fr("Circle.MapDesc", 2, 1, 1, 3, 1), svg.QuerySelector("desc#ecomap-desc")?.TextContent);
        Assert.Equal(4, svg.QuerySelectorAll("g > title").Length);
        Assert.Equal(3, svg.QuerySelectorAll("g > circle").Length);
        Assert.Single(svg.QuerySelectorAll("g > path"));
        Assert.Single(svg.QuerySelectorAll("line[stroke-dasharray]"));

        var rings = page.Document.QuerySelectorAll("#words-title ~ h3").Select(h => h.TextContent.Normalized()).ToList();
        Assert.Equal(3, rings.Count);
        Assert.StartsWith(TextsFile.Fr("Circle.Ring.VeryClose"), rings[0], StringComparison.Ordinal);
        var lists = page.Document.QuerySelectorAll("ul.circle-people").Select(u => u.QuerySelectorAll("h4").Select(h => h.TextContent).ToList()).ToList();
        Assert.Equal([["Antoine", "Maman"], ["Julie"], ["Claire, sage-femme"]], lists);
        var maman = page.Document.QuerySelectorAll("ul.circle-people li").Single(l => l.QuerySelector("h4")!.TextContent == "Maman").TextContent.Normalized();
        Assert.Contains(TextsFile.Fr("Circle.LivesWithin.FewHours"), maman, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Circle.HelpsWith", TextsFile.Fr("Circle.Help.BabyCare")), maman, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("#thin-title"));
        Assert.Contains(TextsFile.Fr("Circle.NoThinSpot"), Words(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_parents_entry_is_not_found_and_a_visitor_is_asked_to_sign_in()
    {
        var owner = $"Parent {Guid.NewGuid():N}"[..20];
        using var parent = await ParentAsync(owner);
        await AddAsync(parent, Fields("Ma sœur secrète"));
        var id = (await CircleOfAsync(owner)).Single().Id;

        using var other = await ParentAsync("Autre");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/circle/{id}/edit")).Status);
        Assert.DoesNotContain("Ma sœur secrète", (await other.GetAsync("/circle")).Text, StringComparison.Ordinal);
        var form = await other.GetAsync("/circle/new");
        var token = new KeyValuePair<string, string>(Browser.AntiforgeryField, form.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/circle/{id}/edit", Fields("Volée").Append(token))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/circle/{id}/edit?handler=Delete", [token])).Status);
        Assert.Equal("Ma sœur secrète", (await CircleOfAsync(owner)).Single().Name);

        using var visitor = factory.NewBrowser();
        foreach (var url in new[] { "/circle", "/circle/new", $"/circle/{id}/edit" })
        {
            var answer = await visitor.GetAsync(url);
            Assert.True(answer.Status == HttpStatusCode.Redirect && answer.Location!.Contains("/account/signin", StringComparison.Ordinal), $"{url}: {answer}");
        }
    }

    [Fact]
    public async Task Hostile_input_is_refused_with_a_message_and_kept_or_stored_and_shown_as_text()
    {
        var owner = $"Parent {Guid.NewGuid():N}"[..20];
        using var parent = await ParentAsync(owner);
        var huge = new string('x', 10_000);
        var refused = await parent.FillAsync("/circle/new", Fields(huge));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(TextsFile.Fr("Validation.MaxLength", TextsFile.Fr("Circle.Name"), CircleConfiguration.NameMax), refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(huge, refused.FieldValue("Input.Name"));

        foreach (var (field, value) in new[] { ("Input.Relation", "Banana"), ("Input.Closeness", "99"), ("Input.CanHelp", "Everything"), ("Input.Email", "pas-une-adresse"), ("Input.Name", "   ") })
        {
            var fields = Fields("Quelqu'un");
            fields[field] = value;
            var answer = await parent.FillAsync("/circle/new", fields);
            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{field}={value}: {answer}");
            Assert.False(string.IsNullOrEmpty(answer.ErrorSummary));
            Assert.Equal(fields["Input.Name"].Trim(), answer.FieldValue("Input.Name") ?? "");
        }

        const string Script = "<script>alert(1)</script>";
        const string Rtl = "مريم \u202Eالجارة";
        await AddAsync(parent, Fields(Script, "Friend", "VeryClose"));
        await AddAsync(parent, Fields(Rtl, "Neighbour", "Close"));
        await AddAsync(parent, Fields("'; DROP TABLE \"CirclePeople\"; --", "Other", "NotSoClose"));
        Assert.Equal(3, (await CircleOfAsync(owner)).Count);

        var page = await parent.GetAsync("/circle");
        Assert.DoesNotContain(Script, page.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Text, StringComparison.Ordinal);
        var svg = page.Document.QuerySelector("figure.ecomap svg")!;
        Assert.Empty(svg.QuerySelectorAll("script"));
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
        var labels = svg.QuerySelectorAll("g > text").Select(t => t.TextContent).ToList();
        Assert.Contains("\u2068<script>aler…\u2069", labels);
        Assert.Contains($"\u2068{Rtl}\u2069", labels);
        Assert.Contains(Script, page.Document.QuerySelectorAll(".circle-people h4").Select(h => h.TextContent));
    }

    [Fact]
    public async Task A_circle_holds_at_most_its_maximum()
    {
        var owner = $"Parent {Guid.NewGuid():N}"[..20];
        using var parent = await ParentAsync(owner);
        await AddAsync(parent, Fields("Première"));
        var ownerId = (await CircleOfAsync(owner)).Single().OwnerId;
        await factory.QueryAsync(db =>
        {
            db.CirclePeople.AddRange(Enumerable.Range(1, CircleConfiguration.PeopleMax - 1).Select(i => new CirclePerson
            {
                OwnerId = ownerId,
                Name = $"Personne {i}",
                CreatedAt = DateTime.UnixEpoch,
                UpdatedAt = DateTime.UnixEpoch,
            }));
            return db.SaveChangesAsync();
        });

        var form = await parent.GetAsync("/circle/new");
        Assert.Contains(TextsFile.Fr("Circle.Full", CircleConfiguration.PeopleMax), Words(form), StringComparison.Ordinal);
        var token = new KeyValuePair<string, string>(Browser.AntiforgeryField, form.AntiforgeryToken);
        var refused = await parent.PostAsync("/circle/new", Fields("Une de trop").Append(token));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(TextsFile.Fr("Circle.Full", CircleConfiguration.PeopleMax), refused.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(CircleConfiguration.PeopleMax, (await CircleOfAsync(owner)).Count);
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync("/circle")).Status);
    }

    [Fact]
    public async Task A_service_is_added_from_its_page_prefilled_and_the_circle_links_back_to_it()
    {
        var (_, service) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec($"Lieu d'accueil {Guid.NewGuid():N}"[..30], (50.4669, 4.8675)));
        using var visitor = factory.NewBrowser();
        Assert.Null((await visitor.GetAsync($"/services/{service.Id}")).Document.QuerySelector("a[href^='/circle/new']"));

        var owner = $"Parent {Guid.NewGuid():N}"[..20];
        using var parent = await ParentAsync(owner);
        var servicePage = await parent.GetAsync($"/services/{service.Id}");
        var link = servicePage.Document.QuerySelector($"a[href='/circle/new?service={service.Id}']");
        Assert.Equal(TextsFile.Fr("Circle.AddToCircle"), link?.TextContent);

        var form = await parent.GetAsync(link!.GetAttribute("href")!);
        Assert.Equal(service.Name, form.FieldValue("Input.Name"));
        Assert.NotNull(form.Document.QuerySelector("#Input_Relation option[value='Service'][selected]"));
        var added = await parent.SubmitAsync(form, new Dictionary<string, string>());
        Assert.True(added.Status == HttpStatusCode.Redirect, added.ToString());

        var person = (await CircleOfAsync(owner)).Single();
        Assert.Equal((service.Name, CircleRelation.Service, (Guid?)service.Id), (person.Name, person.Relation, person.ServiceId));
        var circle = await parent.GetAsync("/circle");
        Assert.NotNull(circle.Document.QuerySelector($".circle-people a[href='/services/{service.Id}']"));
        Assert.DoesNotContain(TextsFile.Fr("Circle.Thin.NoProfessional"), Words(circle), StringComparison.Ordinal);

        // An unknown service is simply not prefilled.
        var unknown = await parent.GetAsync($"/circle/new?service={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal("", unknown.FieldValue("Input.Name") ?? "");
    }

    [Fact]
    public async Task The_circle_is_in_the_data_export_and_goes_with_the_account()
    {
        var owner = $"Parent {Guid.NewGuid():N}"[..20];
        using var parent = await ParentAsync(owner);
        var fields = Fields("Maman", "Family", "VeryClose", "FarAway", "Listening", night: true);
        fields["Input.Email"] = "maman@example.org";
        await AddAsync(parent, fields);
        var ownerId = (await CircleOfAsync(owner)).Single().OwnerId;

        var export = await parent.GetAsync("/account/data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        using var json = System.Text.Json.JsonDocument.Parse(export.Text);
        var person = json.RootElement.GetProperty("circle")[0];
        Assert.Equal("Maman", person.GetProperty("Name").GetString());
        Assert.Equal("FarAway", person.GetProperty("livesWithin").GetString());
        Assert.Equal("maman@example.org", person.GetProperty("Email").GetString());

        var deleted = await parent.FillAsync(
            "/account/data",
            new Dictionary<string, string> { ["Delete.Password"] = AccountSteps.Password, ["Delete.Confirm"] = "true" },
            "form[action*='handler=Delete']");
        Assert.True(deleted.Status == HttpStatusCode.Redirect, deleted.ToString());
        Assert.False(await factory.QueryAsync(db => db.CirclePeople.AnyAsync(p => p.OwnerId == ownerId)));
    }
}

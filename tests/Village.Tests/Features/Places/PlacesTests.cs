using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.Moderation;
using Village.Web.Features.Places;

namespace Village.Tests.Features.Places;

/// <summary>Family-friendly places: proposing, moderating, finding them nearby, reviewing them; and what others may
/// not see nor do.</summary>
public sealed class PlacesTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_proposal_stays_private_until_a_moderator_approves_then_it_is_listed_nearby()
    {
        using var proposer = factory.NewBrowser();
        var proposerEmail = await ParentInNamurAsync(proposer, "Camille");
        var name = $"Café Poussette {Guid.NewGuid():N}"[..24];

        var proposed = await proposer.FillAsync("/places/new", PlaceFields(name));

        Assert.True(proposed.Status == HttpStatusCode.Redirect, proposed.ToString());
        var url = proposed.Location!;
        var place = await PlaceAsync(url);
        Assert.Equal(PlaceStatus.Pending, place.Status);
        Assert.Equal("Namur", place.TownName);
        Assert.Equal(PlaceAmenities.ChangingTable, place.Amenities);
        var own = await proposer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains(TextsFile.Fr("Place.PendingNotice"), own.MainText(), StringComparison.Ordinal);

        using var neighbour = factory.NewBrowser();
        await ParentInNamurAsync(neighbour, "Youssef");
        using var visitor = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);
        Assert.DoesNotContain(name, (await neighbour.GetAsync("/places")).Text, StringComparison.Ordinal);

        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var queue = await moderator.GetAsync("/moderation/places");
        Assert.Contains(name, queue.MainText(), StringComparison.Ordinal);
        var approved = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["approve"] = "true" }, $"form[action*='{place.Id}']");
        Assert.True(approved.Status == HttpStatusCode.Redirect, approved.ToString());

        Assert.Equal(PlaceStatus.Approved, (await PlaceAsync(url)).Status);
        Assert.Contains(await factory.EmailsToAsync(proposerEmail), e => e.Subject == TextsFile.Fr("Email.PlaceApproved.Subject"));
        Assert.Equal(url, await factory.LinkAsync(proposerEmail, "/places/"));
        var logged = await factory.QueryAsync(db => db.ModerationLog.SingleAsync(e => e.TargetId == place.Id));
        Assert.Equal((ModerationAction.Approve, ReportTarget.Place), (logged.Action, logged.TargetKind));
        Assert.DoesNotContain(name, (await moderator.GetAsync("/moderation/places")).MainText(), StringComparison.Ordinal);

        // The neighbour finds it around their home, the visitor around the town they choose.
        var nearby = await neighbour.GetAsync("/places");
        Assert.Contains(name, Names(nearby));
        Assert.Contains(TextsFile.Fr("Place.AroundHome", "Namur", 20), nearby.MainText(), StringComparison.Ordinal);
        var around = await visitor.GetAsync("/places?Input.TownQuery=Namur%20(BE)&km=5");
        Assert.Equal(HttpStatusCode.OK, around.Status);
        Assert.Contains(name, Names(around));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);
        Assert.Equal($"/outings/new?place={place.Id}", (await visitor.GetAsync(url)).Document.QuerySelector("main a[href^='/outings/new']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Declining_needs_a_note_that_the_proposer_reads_by_email_and_on_the_page()
    {
        using var proposer = factory.NewBrowser();
        var proposerEmail = await ParentInNamurAsync(proposer, "Sofia");
        var url = (await proposer.FillAsync("/places/new", PlaceFields("Salle de jeux fermée"))).Location!;
        var place = await PlaceAsync(url);
        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var form = $"form[action*='{place.Id}']";

        var withoutNote = await moderator.SubmitAsync(await moderator.GetAsync("/moderation/places"), new Dictionary<string, string> { ["approve"] = "false" }, form);
        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.Status);
        Assert.Contains(TextsFile.Fr("Place.DeclineNeedsNote"), withoutNote.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(PlaceStatus.Pending, (await PlaceAsync(url)).Status);

        var declined = await moderator.SubmitAsync(
            await moderator.GetAsync("/moderation/places"),
            new Dictionary<string, string> { ["approve"] = "false", ["Note"] = "Ce lieu a fermé l'an dernier." },
            form);
        Assert.True(declined.Status == HttpStatusCode.Redirect, declined.ToString());

        var stored = await PlaceAsync(url);
        Assert.Equal(PlaceStatus.Declined, stored.Status);
        Assert.Contains(await factory.EmailsToAsync(proposerEmail), e => e.Subject == TextsFile.Fr("Email.PlaceDeclined.Subject"));
        var page = await proposer.GetAsync(url);
        Assert.Contains("Ce lieu a fermé l'an dernier.", page.MainText(), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("#review"));
        Assert.Equal(HttpStatusCode.NotFound, (await proposer.GetAsync(url + "/edit")).Status);
        using var other = factory.NewBrowser();
        await other.SignedInMemberAsync(factory, displayName: "Autre");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).Status);
        Assert.Equal(ModerationAction.Decline, (await factory.QueryAsync(db => db.ModerationLog.SingleAsync(e => e.TargetId == place.Id))).Action);
    }

    [Fact]
    public async Task A_parent_cannot_moderate_nor_edit_another_parents_place_and_the_proposer_edits_only_while_pending()
    {
        using var proposer = factory.NewBrowser();
        await ParentInNamurAsync(proposer, "Nath");
        var url = (await proposer.FillAsync("/places/new", PlaceFields("Ludothèque La Toupie"))).Location!;
        var place = await PlaceAsync(url);
        using var parent = factory.NewBrowser();
        await ParentInNamurAsync(parent, "Thomas");
        var token = (await parent.GetAsync("/places/new")).AntiforgeryToken;

        var queue = await parent.GetAsync("/moderation/places");
        var approve = await parent.PostAsync($"/moderation/places?id={place.Id}", [new(Browser.AntiforgeryField, token), new("approve", "true")]);
        Assert.True(queue.Status is HttpStatusCode.Forbidden || queue.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, queue.ToString());
        Assert.True(approve.Status is HttpStatusCode.Forbidden || approve.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, approve.ToString());
        Assert.Equal(PlaceStatus.Pending, (await PlaceAsync(url)).Status);

        // The proposer edits while it waits.
        var edited = await proposer.FillAsync(url + "/edit", new Dictionary<string, string> { ["Input.Name"] = "Ludothèque La Toupie bleue" });
        Assert.True(edited.Status == HttpStatusCode.Redirect, edited.ToString());
        Assert.Equal("Ludothèque La Toupie bleue", (await PlaceAsync(url)).Name);

        using var moderator = await factory.StaffAsync(Roles.Moderator);
        await moderator.SubmitAsync(await moderator.GetAsync("/moderation/places"), new Dictionary<string, string> { ["approve"] = "true" }, $"form[action*='{place.Id}']");

        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync(url + "/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.PostAsync(url + "/edit", [new(Browser.AntiforgeryField, token), .. PlaceFields("Volé")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await proposer.GetAsync(url + "/edit")).Status);
        Assert.Empty((await parent.GetAsync(url)).Document.QuerySelectorAll($"main a[href='{url}/edit']"));
        var byModerator = await moderator.FillAsync(url + "/edit", new Dictionary<string, string> { ["Input.OpeningHours"] = "Mercredi 14 h – 18 h" });
        Assert.True(byModerator.Status == HttpStatusCode.Redirect, byModerator.ToString());
        var stored = await PlaceAsync(url);
        Assert.Equal(("Ludothèque La Toupie bleue", "Mercredi 14 h – 18 h"), (stored.Name, stored.OpeningHours));
    }

    [Fact]
    public async Task Each_member_leaves_one_review_which_only_they_change_or_remove()
    {
        var url = await ApprovedPlaceAsync("Piscine de Salzinnes");
        using var camille = factory.NewBrowser();
        await camille.SignedInMemberAsync(factory, displayName: "Camille");
        using var youssef = factory.NewBrowser();
        await youssef.SignedInMemberAsync(factory, displayName: "Youssef");
        using var sofia = factory.NewBrowser();
        await sofia.SignedInMemberAsync(factory, displayName: "Sofia");
        using var visitor = factory.NewBrowser();

        Assert.Equal(HttpStatusCode.Redirect, (await camille.FillAsync(url, Review("La pataugeoire est chaude."), "#review")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await camille.FillAsync(url, Review("Pataugeoire chaude, cabines propres."), "#review")).Status);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await youssef.FillAsync(url, Review("Lina adore."), "#review")).Status);
        factory.Clock.Reset();

        var place = await PlaceAsync(url);
        Assert.Equal(2, place.ReviewCount);
        Assert.Equal(2, await factory.QueryAsync(db => db.PlaceReviews.CountAsync(r => r.PlaceId == place.Id)));
        var shown = await visitor.GetAsync(url);
        var reviews = shown.Document.QuerySelectorAll("#reviews .cards > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, reviews.Count);
        Assert.Contains("Lina adore.", reviews[0], StringComparison.Ordinal);
        Assert.Contains("Youssef", reviews[0], StringComparison.Ordinal);
        Assert.Contains("Pataugeoire chaude, cabines propres.", reviews[1], StringComparison.Ordinal);
        Assert.Empty(shown.Document.QuerySelectorAll("#review"));

        // Sofia has no review to remove, and her "delete" never touches another's; a visitor is sent to sign in.
        var token = (await sofia.GetAsync(url)).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await sofia.PostHandlerAsync(url, "DeleteReview", token)).Status);
        var visitorToken = (await visitor.GetAsync("/account/signin")).AntiforgeryToken;
        var anonymous = await visitor.PostHandlerAsync(url, "Review", visitorToken, ("Review", "Anonyme"));
        Assert.True(anonymous.Status is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, anonymous.ToString());
        Assert.Equal(2, (await PlaceAsync(url)).ReviewCount);

        var removed = await youssef.SubmitAsync(await youssef.GetAsync(url), new Dictionary<string, string>(), "form[action*='handler=DeleteReview']");
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(1, (await PlaceAsync(url)).ReviewCount);
        Assert.DoesNotContain("Lina adore.", (await camille.GetAsync(url)).MainText(), StringComparison.Ordinal);
        Assert.Contains("Pataugeoire chaude", (await camille.GetAsync(url)).MainText(), StringComparison.Ordinal);

        var empty = await sofia.FillAsync(url, Review(""), "#review");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
    }

    [Fact]
    public async Task Reviews_stay_unsigned_when_their_author_deletes_their_account_and_my_data_lists_places_and_reviews()
    {
        var url = await ApprovedPlaceAsync("Parc Louise-Marie");
        using var author = factory.NewBrowser();
        await author.SignedInMemberAsync(factory, displayName: "Aminata");
        await author.FillAsync(url, Review("Des canards et des bancs à l'ombre."), "#review");
        var pending = (await author.FillAsync("/places/new", PlaceFields("Mon petit coin secret"))).Location!;

        var export = await author.GetAsync("/account/data?handler=Download");
        Assert.Contains("Des canards et des bancs", export.Text, StringComparison.Ordinal);
        Assert.Contains("Mon petit coin secret", export.Text, StringComparison.Ordinal);

        var deleted = await author.FillAsync(
            "/account/data",
            new Dictionary<string, string> { ["Delete.Password"] = AccountSteps.Password, ["Delete.Confirm"] = "true" },
            "form[action*='handler=Delete']");
        Assert.Equal("/account/deleted", deleted.Location);

        using var visitor = factory.NewBrowser();
        var page = await visitor.GetAsync(url);
        Assert.Contains("Des canards et des bancs", page.MainText(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Post.FormerMember"), page.Document.QuerySelector("#reviews")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, (await PlaceAsync(url)).ReviewCount);
        var pendingId = Guid.Parse(pending.Split('/')[^1]);
        Assert.False(await factory.QueryAsync(db => db.Places.AnyAsync(p => p.Id == pendingId)));
    }

    [Fact]
    public async Task The_list_filters_by_category_price_amenities_and_distance_nearest_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Around Dinant, away from the other tests' places in Namur: the café in town, the park 2 km away, the library in
        // Ciney, 14 km away.
        await AddApprovedAsync($"Café {tag}", PlaceCategory.Cafe, 50.26, 4.91, free: true, PlaceAmenities.ChangingTable | PlaceAmenities.Indoor);
        await AddApprovedAsync($"Parc {tag}", PlaceCategory.Park, 50.28, 4.91, free: false, PlaceAmenities.StrollerAccess);
        await AddApprovedAsync($"Bibliothèque {tag}", PlaceCategory.Library, 50.29, 5.10, free: true, PlaceAmenities.ChangingTable);
        using var visitor = factory.NewBrowser();
        const string Dinant = "/places?Input.TownQuery=Dinant%20(Namur)";

        List<string> Mine(WebPage page) => [.. Names(page).Where(n => n.EndsWith(tag, StringComparison.Ordinal))];

        Assert.Equal([$"Café {tag}", $"Parc {tag}"], Mine(await visitor.GetAsync($"{Dinant}&km=10")));
        Assert.Equal([$"Café {tag}", $"Parc {tag}", $"Bibliothèque {tag}"], Mine(await visitor.GetAsync($"{Dinant}&km=50")));
        Assert.Equal([$"Parc {tag}"], Mine(await visitor.GetAsync($"{Dinant}&km=50&category=Park")));
        Assert.Equal([$"Café {tag}", $"Bibliothèque {tag}"], Mine(await visitor.GetAsync($"{Dinant}&km=50&free=true")));
        Assert.Equal([$"Café {tag}"], Mine(await visitor.GetAsync($"{Dinant}&km=50&amenity=ChangingTable&amenity=Indoor")));
        Assert.Equal([$"Café {tag}", $"Bibliothèque {tag}"], Mine(await visitor.GetAsync($"{Dinant}&km=50&amenity=ChangingTable")));
        Assert.Contains($"Bibliothèque {tag}", Mine(await visitor.GetAsync("/places?category=Library")));

        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync($"{Dinant}&km=7")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/places?amenity=banana")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/places?category=99")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/places?p=0")).Status);
        var unknown = await visitor.GetAsync("/places?Input.TownQuery=Zzyzxville");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains(TextsFile.Fr("Profile.TownNotFound"), unknown.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Zzyzxville", unknown.FieldValue("Input.TownQuery"));
    }

    [Fact]
    public async Task The_list_pages_twenty_at_a_time_keeping_the_filters()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 21; i++)
        {
            await AddApprovedAsync($"Musée {i:D2} {tag}", PlaceCategory.Museum, 50.47, 4.87, free: true, PlaceAmenities.QuietCorner);
        }

        using var visitor = factory.NewBrowser();
        var first = await visitor.GetAsync("/places?Input.TownQuery=Namur%20(BE)&category=Museum&km=2");
        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        Assert.Equal(20, Names(first).Count);
        var next = first.Document.QuerySelectorAll("main nav a").Select(a => a.GetAttribute("href")!).Single();
        Assert.Contains("category=Museum", next, StringComparison.Ordinal);
        Assert.Contains("p=2", next, StringComparison.Ordinal);
        var second = await visitor.GetAsync(next);
        Assert.Single(Names(second));
    }

    [Fact]
    public async Task The_same_name_in_the_same_town_offers_the_existing_place()
    {
        var url = await ApprovedPlaceAsync("Le Café des Familles");
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: "Léa");

        var again = await parent.FillAsync("/places/new", PlaceFields("le cafe  des familles !"));

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains(TextsFile.Fr("Place.Duplicate", "Le Café des Familles", "Namur"), again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(url, again.Document.QuerySelector(".notice a")?.GetAttribute("href"));
        Assert.Equal("le cafe  des familles !", again.FieldValue("Input.Name"));
    }

    [Fact]
    public async Task Hostile_text_is_stored_and_shown_as_text()
    {
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: "Thomas");
        const string Script = "<script>alert('x')</script> '; DROP TABLE \"Places\"; -- \u202Eevil\u0301";

        var proposed = await parent.FillAsync("/places/new", PlaceFields(Script[..40], description: Script, website: "example.be/<b>"));

        Assert.True(proposed.Status == HttpStatusCode.Redirect, proposed.ToString());
        var page = await parent.GetAsync(proposed.Location!);
        Assert.Equal(Script[..40].Trim(), page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(Script, page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script, main b"));
    }

    public static TheoryData<string, string, string> WrongPlaces => new()
    {
        { "Input.Description", new string('a', 100 * 1024), TextsFile.Fr("Validation.LengthBetween", "Description", PlaceConfiguration.DescriptionMax, 10) },
        { "Input.Name", new string('x', 100 * 1024), TextsFile.Fr("Validation.LengthBetween", "Nom du lieu", PlaceConfiguration.NameMax, 2) },
        { "Input.Address", new string('a', PlaceConfiguration.AddressMax + 1), TextsFile.Fr("Validation.MaxLength", "Adresse", PlaceConfiguration.AddressMax) },
        { "Input.OpeningHours", new string('a', PlaceConfiguration.OpeningHoursMax + 1), TextsFile.Fr("Validation.MaxLength", "Horaires", PlaceConfiguration.OpeningHoursMax) },
        { "Input.PriceNote", new string('a', PlaceConfiguration.PriceNoteMax + 1), TextsFile.Fr("Validation.MaxLength", "Précisions sur le prix", PlaceConfiguration.PriceNoteMax) },
        { "Input.Website", "javascript:alert(1)", TextsFile.Fr("Place.WebsiteInvalid") },
        { "Input.Website", "ftp://example.be", TextsFile.Fr("Place.WebsiteInvalid") },
        { "Input.TownQuery", "", TextsFile.Fr("Place.TownRequired") },
        { "Input.Category", "Casino", "" },
        { "Input.Amenities", "Jacuzzi", "" },
    };

    [Theory]
    [MemberData(nameof(WrongPlaces))]
    public async Task Wrong_input_gives_a_clear_message_and_keeps_what_was_typed(string field, string value, string message)
    {
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: "Aminata");
        var fields = PlaceFields(field == "Input.Name" ? value : "Le coin des tout-petits");
        fields[field] = value;

        var page = await parent.FillAsync("/places/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotNull(page.ErrorSummary);
        Assert.Contains(message, page.ErrorSummary, StringComparison.Ordinal);
        if (field is "Input.Name" or "Input.Description" or "Input.Address" or "Input.OpeningHours" or "Input.PriceNote" or "Input.Website")
        {
            Assert.Equal(value, page.FieldValue(field));
        }

        Assert.Equal("Rue des Brasseurs 27", field == "Input.Address" ? "Rue des Brasseurs 27" : page.FieldValue("Input.Address"));
        Assert.False(await factory.QueryAsync(db => db.Places.AnyAsync(p => p.Description == fields["Input.Description"] && p.Name == fields["Input.Name"])));
    }

    [Fact]
    public async Task A_too_long_description_says_so_in_french_and_keeps_the_text()
    {
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: "Léa");
        var description = new string('é', PlaceConfiguration.DescriptionMax + 1);

        var page = await parent.FillAsync("/places/new", PlaceFields("Un lieu trop décrit", description: description));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(TextsFile.Fr("Validation.LengthBetween", "Description", PlaceConfiguration.DescriptionMax, 10), page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(description, page.FieldValue("Input.Description"));
        Assert.Equal("Un lieu trop décrit", page.FieldValue("Input.Name"));
    }

    [Fact]
    public async Task A_member_has_at_most_five_proposals_waiting()
    {
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: "Youssef");
        for (var i = 1; i <= PlaceRules.MaxPendingPerMember; i++)
        {
            var ok = await parent.FillAsync("/places/new", PlaceFields($"Lieu numéro {i}"));
            Assert.True(ok.Status == HttpStatusCode.Redirect, ok.ToString());
        }

        var form = await parent.GetAsync("/places/new");
        Assert.Contains(TextsFile.Fr("Place.TooManyPending", PlaceRules.MaxPendingPerMember), form.MainText(), StringComparison.Ordinal);
        var token = form.AntiforgeryToken;
        var sixth = await parent.PostAsync("/places/new", [new(Browser.AntiforgeryField, token), .. PlaceFields("Lieu numéro 6")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.Status);
        Assert.False(await factory.QueryAsync(db => db.Places.AnyAsync(p => p.Name == "Lieu numéro 6")));
    }

    [Fact]
    public async Task Visitors_must_sign_in_to_propose()
    {
        using var visitor = factory.NewBrowser();
        var page = await visitor.GetAsync("/places/new");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/signin", page.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/places")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/places/{Guid.NewGuid()}")).Status);
    }

    private static Dictionary<string, string> PlaceFields(string name, string? description = null, string? website = null) => new()
    {
        ["Input.Name"] = name,
        ["Input.Category"] = "Cafe",
        ["Input.Description"] = description ?? "Un coin jeux, des chaises hautes et un accueil très doux pour les bébés.",
        ["Input.Address"] = "Rue des Brasseurs 27",
        ["Input.TownQuery"] = "Namur (BE)",
        ["Input.OpeningHours"] = "Du mardi au samedi, de 9 h à 18 h",
        ["Input.IsFree"] = "false",
        ["Input.PriceNote"] = "Boissons de 2 à 4 €",
        ["Input.Amenities"] = "ChangingTable",
        ["Input.Website"] = website ?? "",
    };

    private static Dictionary<string, string> Review(string text) => new() { ["Review"] = text };

    private static List<string> Names(WebPage page) =>
        [.. page.Document.QuerySelectorAll("main .cards h2").Select(h => h.TextContent.Trim())];

    private Task<Place> PlaceAsync(string url)
    {
        var id = Guid.Parse(url.Split('/')[^1]);
        return factory.QueryAsync(db => db.Places.AsNoTracking().SingleAsync(p => p.Id == id));
    }

    private async Task<string> ParentInNamurAsync(Browser browser, string name)
    {
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        var saved = await browser.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = "Namur (BE)" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        return email;
    }

    /// <summary>A place proposed in Namur through the form and approved by a moderator; returns its address.</summary>
    private async Task<string> ApprovedPlaceAsync(string name)
    {
        using var proposer = factory.NewBrowser();
        await proposer.SignedInMemberAsync(factory, displayName: "Proposante");
        var url = (await proposer.FillAsync("/places/new", PlaceFields(name))).Location!;
        var id = Guid.Parse(url.Split('/')[^1]);
        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var approved = await moderator.SubmitAsync(await moderator.GetAsync("/moderation/places"), new Dictionary<string, string> { ["approve"] = "true" }, $"form[action*='{id}']");
        Assert.True(approved.Status == HttpStatusCode.Redirect, approved.ToString());
        return url;
    }

    private Task AddApprovedAsync(string name, PlaceCategory category, double latitude, double longitude, bool free, PlaceAmenities amenities) =>
        factory.QueryAsync(db =>
        {
            db.Places.Add(new Place
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                NormalizedName = PlaceInput.Normalized(name),
                Category = category,
                Description = "Un lieu pour les tests.",
                Address = "Rue du Test 1",
                TownId = "test",
                TownName = "Test",
                Country = "BE",
                Latitude = latitude,
                Longitude = longitude,
                IsFree = free,
                Amenities = amenities,
                Status = PlaceStatus.Approved,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            });
            return db.SaveChangesAsync();
        });
}

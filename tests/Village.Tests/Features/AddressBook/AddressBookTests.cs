using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.AddressBook;
using Village.Web.Features.Communities;

namespace Village.Tests.Features.AddressBook;

/// <summary>The address book: adding, recommending once per member, curating by admins; and what others may not do.</summary>
public sealed class AddressBookTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task Members_recommend_an_entry_once_each_and_the_count_follows()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Sofia");
        using var camille = await factory.MemberOfAsync(slug, "Camille");
        using var youssef = await factory.MemberOfAsync(slug, "Youssef");

        var added = await author.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Dr Anne Lambert", "Pediatrician", website: "www.example.be/lambert"));
        Assert.True(added.Status == HttpStatusCode.Redirect, added.ToString());
        var url = added.Location!;

        var page = await camille.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await camille.SubmitAsync(page, Comment("Très douce avec les bébés."), "#recommend")).Status);
        // A second recommendation by the same member changes their word, it does not count twice.
        Assert.Equal(HttpStatusCode.Redirect, (await camille.SubmitAsync(page, Comment("Très douce, et à l'heure."), "#recommend")).Status);
        var other = await youssef.GetAsync(url);
        await youssef.SubmitAsync(other, Comment("Prend en urgence le samedi."), "#recommend");
        await youssef.SubmitAsync(other, Comment("Encore."), "#recommend");

        var entry = await EntryAsync(url);
        Assert.Equal(2, entry.RecommendationCount);
        Assert.Equal("https://www.example.be/lambert", entry.Website);
        Assert.Equal(2, await factory.QueryAsync(db => db.AddressRecommendations.CountAsync(r => r.EntryId == entry.Id)));
        var shown = await author.GetAsync(url);
        Assert.Contains("Très douce, et à l'heure.", shown.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Très douce avec les bébés.", shown.MainText(), StringComparison.Ordinal);
        Assert.Contains("Camille", shown.Document.QuerySelector("#recommendations")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("AddressBook.RecommendationCount.Other", 2), shown.MainText(), StringComparison.Ordinal);

        var mine = await youssef.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await youssef.SubmitAsync(mine, new Dictionary<string, string>(), "form[action*='handler=Withdraw']")).Status);
        Assert.Equal(1, (await EntryAsync(url)).RecommendationCount);
        Assert.DoesNotContain("Encore.", (await author.GetAsync(url)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_category_and_finds_names_without_accents()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var member = await factory.MemberOfAsync(slug, "Nath");
        await member.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Crèche Les Petits Pas", "Creche"));
        await member.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Dr Martin", "Pediatrician"));

        var creches = await member.GetAsync($"/communities/{slug}/addresses?category=Creche");
        var search = await member.GetAsync($"/communities/{slug}/addresses?q=PETITS%20pas");
        var all = await member.GetAsync($"/communities/{slug}/addresses");
        var wrong = await member.GetAsync($"/communities/{slug}/addresses?category=banana");

        Assert.Equal(["Crèche Les Petits Pas"], creches.Document.QuerySelectorAll("main .cards h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Crèche Les Petits Pas"], search.Document.QuerySelectorAll("main .cards h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(2, all.Document.QuerySelectorAll("main .cards > li").Length);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
    }

    [Fact]
    public async Task The_same_name_in_the_same_town_is_offered_for_recommending_instead()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var first = await factory.MemberOfAsync(slug, "Léa");
        using var second = await factory.MemberOfAsync(slug, "Thomas");
        var url = (await first.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Le Café des Familles", "FamilyPlace"))).Location!;

        var again = await second.FillAsync($"/communities/{slug}/addresses/new", EntryFields("le cafe  des familles !", "Other"));

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains(TextsFile.Fr("AddressBook.Duplicate", "Le Café des Familles", "Namur"), again.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(url + "#recommend", again.Document.QuerySelector(".notice a")?.GetAttribute("href"));
        Assert.Equal("le cafe  des familles !", again.FieldValue("Input.Name"));
        Assert.Equal(1, await factory.QueryAsync(db => db.AddressEntries.CountAsync(e => db.Communities.Any(c => c.Id == e.CommunityId && c.Slug == slug))));
    }

    [Fact]
    public async Task Non_members_cannot_read_nor_write_and_members_cannot_touch_anothers_entry()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Aminata");
        var url = (await author.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Dr Diallo", "GeneralPractitioner"))).Location!;
        using var member = await factory.MemberOfAsync(slug, "Thomas");
        using var outsider = await factory.OutsiderAsync();
        using var visitor = factory.NewBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{slug}/addresses")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/communities/{slug}/addresses/new")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/communities/{slug}/addresses")).Status);
        var outsiderToken = (await outsider.GetAsync($"/communities/{slug}")).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostHandlerAsync(url, "Recommend", outsiderToken, ("Comment", "Génial"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/communities/{slug}/addresses/new", [new(Browser.AntiforgeryField, outsiderToken), .. EntryFields("Spam", "Other")])).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url + "/edit")).Status);
        var token = (await member.GetAsync(url)).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(url + "/edit", [new(Browser.AntiforgeryField, token), .. EntryFields("Volé", "Other")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(url, "Hide", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(url, "Delete", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostHandlerAsync(url, "Withdraw", token)).Status);

        var entry = await EntryAsync(url);
        Assert.Equal("Dr Diallo", entry.Name);
        Assert.False(entry.IsHidden);
        Assert.Equal(0, entry.RecommendationCount);
        // The author edits their own entry.
        var edited = await author.FillAsync(url + "/edit", new Dictionary<string, string> { ["Input.Name"] = "Dr Awa Diallo" });
        Assert.True(edited.Status == HttpStatusCode.Redirect, edited.ToString());
        Assert.Equal("Dr Awa Diallo", (await EntryAsync(url)).Name);
    }

    [Fact]
    public async Task Admins_edit_hide_and_remove_any_entry()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var author = await factory.MemberOfAsync(slug, "Camille");
        using var admin = await factory.MemberOfAsync(slug, "Admin", CommunityRole.Admin);
        var url = (await author.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Baby-sitter Julie", "Babysitter", phone: "0470 12 34 56"))).Location!;

        var edited = await admin.FillAsync(url + "/edit", new Dictionary<string, string> { ["Input.Phone"] = "" });
        Assert.True(edited.Status == HttpStatusCode.Redirect, edited.ToString());
        Assert.Null((await EntryAsync(url)).Phone);

        await admin.SubmitAsync(await admin.GetAsync(url), new Dictionary<string, string>(), "form[action*='handler=Hide']");
        Assert.True((await EntryAsync(url)).IsHidden);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(url)).Status);
        Assert.Empty((await author.GetAsync($"/communities/{slug}/addresses")).Document.QuerySelectorAll("main .cards > li"));
        Assert.Single((await admin.GetAsync($"/communities/{slug}/addresses")).Document.QuerySelectorAll("main .cards > li"));

        var removed = await admin.SubmitAsync(await admin.GetAsync(url), new Dictionary<string, string>(), "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).Status);
    }

    public static TheoryData<string, string, string> WrongEntries => new()
    {
        { "Input.Name", new string('é', 100 * 1024), "Validation.LengthBetween" },
        { "Input.Address", new string('a', 100 * 1024), "Validation.MaxLength" },
        { "Input.Website", "javascript:alert(1)", "AddressBook.WebsiteInvalid" },
        { "Input.Website", "ftp://example.be", "AddressBook.WebsiteInvalid" },
        { "Input.Phone", "<script>", "AddressBook.PhoneInvalid" },
        { "Input.Email", "pas une adresse", "Validation.Email" },
        { "Input.Category", "42", "Validation.InvalidValue" },
        { "Input.TownQuery", "", "AddressBook.TownRequired" },
    };

    [Theory]
    [MemberData(nameof(WrongEntries))]
    public async Task A_wrong_entry_is_refused_in_French_and_what_was_typed_comes_back(string field, string value, string messageKey)
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var member = await factory.MemberOfAsync(slug, "Nath");
        var fields = EntryFields("Crèche Les Lutins", "Creche", address: "Rue Haute 3");
        fields[field] = value;

        var page = await member.FillAsync($"/communities/{slug}/addresses/new", fields);

        Assert.True(page.Status == HttpStatusCode.BadRequest, page.ToString());
        Assert.Contains(TextsFile.French[messageKey].Split('{')[0], page.ErrorSummary, StringComparison.Ordinal);
        if (field != "Input.Name")
        {
            Assert.Equal("Crèche Les Lutins", page.FieldValue("Input.Name"));
        }
    }

    [Fact]
    public async Task Hostile_text_in_an_entry_and_a_recommendation_is_stored_and_shown_as_text()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var member = await factory.MemberOfAsync(slug, "Aminata");
        using var other = await factory.MemberOfAsync(slug, "Léa");
        const string name = "<script>alert(1)</script>'; DROP TABLE \"AddressEntries\"; --";
        const string address = "Rue\u202Eevil\u202C 1 \u200B 👶🏽 <img src=x onerror=alert(2)>";
        var url = (await member.FillAsync($"/communities/{slug}/addresses/new", EntryFields(name, "Other", address: address))).Location!;
        const string comment = "<b>gras</b> <a href=\"javascript:alert(3)\">clic</a> Ω≈ç√ 中文 \uFEFF\u0301?";
        var page = await other.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync(page, Comment(comment), "#recommend")).Status);
        var tooLong = await other.SubmitAsync(page, Comment(new string('x', 100 * 1024)), "#recommend");

        var shown = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal(name, shown.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains(address, shown.MainText(), StringComparison.Ordinal);
        Assert.Empty(shown.Document.QuerySelectorAll("main script, main img, main b, main a[href^='javascript']"));
        Assert.Equal(name, (await EntryAsync(url)).Name);
        Assert.True(tooLong.Status == HttpStatusCode.BadRequest, tooLong.ToString());
        Assert.Contains(TextsFile.Fr("Validation.MaxLength", TextsFile.Fr("AddressBook.Comment"), 1000), tooLong.ErrorSummary, StringComparison.Ordinal);
        var list = await member.GetAsync($"/communities/{slug}/addresses");
        Assert.Equal(name, list.Document.QuerySelector("main .cards h2")?.TextContent.Trim());
    }

    [Fact]
    public async Task My_data_lists_entries_recommendations_ideas_and_votes_and_deleting_the_account_leaves_them_unsigned()
    {
        var slug = (await factory.CommunityAsync()).Slug;
        using var member = factory.NewBrowser();
        var email = await member.SignedInMemberAsync(factory, displayName: "Partante");
        await member.SubmitAsync(await member.GetAsync($"/communities/{slug}"), new Dictionary<string, string>(), "form[action*='handler=Join']");
        using var reader = await factory.MemberOfAsync(slug, "Lecteur");
        var url = (await reader.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Halte-garderie Pom'", "Creche"))).Location!;
        await member.FillAsync($"/communities/{slug}/addresses/new", EntryFields("Ludothèque du centre", "FamilyPlace"));
        await member.SubmitAsync(await member.GetAsync(url), Comment("Souple sur les horaires."), "#recommend");
        var idea = await member.FillAsync($"/communities/{slug}/ideas", new Dictionary<string, string> { ["Input.Title"] = "Atelier portage", ["Input.Body"] = "Avec une monitrice." }, "#new-idea");
        await member.SubmitAsync(await member.GetAsync(idea.Location!), new Dictionary<string, string>(), "form[action*='handler=Vote']");

        var export = await member.GetAsync("/account/data?handler=Download");
        using (var json = JsonDocument.Parse(export.Text))
        {
            Assert.Equal("Ludothèque du centre", json.RootElement.GetProperty("addresses")[0].GetProperty("Name").GetString());
            Assert.Equal("Souple sur les horaires.", json.RootElement.GetProperty("recommendations")[0].GetProperty("Comment").GetString());
            Assert.Equal("Atelier portage", json.RootElement.GetProperty("ideas")[0].GetProperty("Title").GetString());
            Assert.Equal("Atelier portage", json.RootElement.GetProperty("ideaVotes")[0].GetString());
        }

        var deleted = await member.FillAsync("/account/data", new Dictionary<string, string> { ["Delete.Password"] = AccountSteps.Password, ["Delete.Confirm"] = "true" }, "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        var page = await reader.GetAsync(url);
        Assert.Contains("Souple sur les horaires.", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Partante", page.MainText(), StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Post.FormerMember"), page.MainText(), StringComparison.Ordinal);
        Assert.Equal(1, (await EntryAsync(url)).RecommendationCount);
        var ideaPage = await reader.GetAsync(idea.Location!);
        Assert.Contains(TextsFile.Fr("Idea.VoteCount.One", 1), ideaPage.MainText(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    private static Dictionary<string, string> EntryFields(
        string name, string category, string town = "Namur", string address = "", string phone = "", string website = "") => new()
        {
            ["Input.Name"] = name,
            ["Input.Category"] = category,
            ["Input.TownQuery"] = town,
            ["Input.Address"] = address,
            ["Input.Phone"] = phone,
            ["Input.Website"] = website,
        };

    private static Dictionary<string, string> Comment(string text) => new() { ["Comment"] = text };

    private Task<AddressEntry> EntryAsync(string url)
    {
        var id = Guid.Parse(url.Split('/')[^1].Split('#')[0]);
        return factory.QueryAsync(db => db.AddressEntries.AsNoTracking().SingleAsync(e => e.Id == id));
    }
}

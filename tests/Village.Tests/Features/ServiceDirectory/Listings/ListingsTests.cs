using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.ServiceDirectory;
using Village.Web.Features.ServiceDirectory.Listings;

namespace Village.Tests.Features.ServiceDirectory.Listings;

/// <summary>A service applies online, a moderator publishes it, its professionals keep it up to date and are
/// reminded every six months; and what others may not do.</summary>
public sealed class ListingsTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task An_application_waits_for_a_moderator_who_publishes_it_and_makes_the_applicant_its_professional()
    {
        using var applicant = factory.NewBrowser();
        var email = await applicant.SignedInMemberAsync(factory, displayName: "Claire");
        var name = $"Maison verte {Guid.NewGuid():N}"[..22];

        var sent = await applicant.FillAsync("/services/apply", ApplyFields(name));

        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ToString());
        var mine = await applicant.GetAsync(sent.Location!);
        Assert.Contains(TextsFile.Fr("Listing.Sent"), mine.MainText(), StringComparison.Ordinal);
        Assert.Contains(name, mine.MainText(), StringComparison.Ordinal);
        var service = await ServiceAsync(name);
        Assert.Equal(ListingStatus.Pending, service.ListingStatus);
        Assert.Null(service.PublishedAt);
        var (phones, hours, languages, free, terms, city, latitude) = await factory.QueryAsync(async db => (
            await db.Phones.Where(p => p.ServiceId == service.Id).Select(p => p.Number).ToListAsync(),
            await db.Schedules.Where(s => s.ServiceId == service.Id).OrderBy(s => s.ValidFrom).ThenBy(s => s.ByDay).ToListAsync(),
            await db.ServiceLanguages.Where(l => l.ServiceId == service.Id).Select(l => l.Code).ToListAsync(),
            await db.CostOptions.AnyAsync(c => c.ServiceId == service.Id && c.Amount == 0),
            await db.ServiceTerms.Where(t => t.ServiceId == service.Id).Select(t => t.TaxonomyTermId).ToListAsync(),
            await db.ServiceAtLocations.Where(s => s.ServiceId == service.Id).Join(db.Addresses, s => s.LocationId, a => a.LocationId, (s, a) => a.City).SingleAsync(),
            await db.ServiceAtLocations.Where(s => s.ServiceId == service.Id).Join(db.Locations, s => s.LocationId, l => l.Id, (s, l) => l.Latitude).SingleAsync()));
        Assert.Equal(["+32 81 00 00 01"], phones);
        Assert.Equal(2, hours.Count);
        Assert.Contains(hours, h => h.ByDay == "SA" && h.OpensAt == new TimeOnly(9, 0) && h.ClosesAt == new TimeOnly(12, 0));
        Assert.Contains(hours, h => h.Freq is null && h.ValidFrom == new DateOnly(2027, 7, 15) && h.ValidTo == new DateOnly(2027, 8, 15));
        Assert.Equal(["ar"], languages);
        Assert.True(free);
        Assert.Equal([VillageTaxonomy.ByCode("drop-in")!.Id, VillageTaxonomy.ByCode("young-children")!.Id], terms.Order());
        Assert.Equal("Namur", city);
        Assert.InRange(latitude!.Value, 50.4, 50.5);
        Assert.Equal(OrganizationMemberStatus.Pending, (await LinkAsync(service.OrganizationId, email)).Status);

        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var queue = await moderator.GetAsync("/moderation/services");
        Assert.Contains(name, queue.MainText(), StringComparison.Ordinal);
        Assert.Contains("+32 81 00 00 01", queue.MainText(), StringComparison.Ordinal);
        var published = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["publish"] = "true" }, $"form[action*='{service.Id}']");
        Assert.True(published.Status == HttpStatusCode.Redirect, published.ToString());

        service = await ServiceAsync(name);
        Assert.Equal(ListingStatus.Published, service.ListingStatus);
        Assert.NotNull(service.PublishedAt);
        Assert.Equal(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), service.AssuredDate);
        Assert.Equal(OrganizationMemberStatus.Verified, (await LinkAsync(service.OrganizationId, email)).Status);
        Assert.Contains(await factory.EmailsToAsync(email), e => e.Subject == TextsFile.Fr("Email.ListingPublished.Subject"));
        Assert.DoesNotContain(name, (await moderator.GetAsync("/moderation/services")).MainText(), StringComparison.Ordinal);

        // Signed in again, the applicant is a professional who keeps the listing.
        await applicant.SignOutAsync();
        await applicant.SignInAsync(email);
        var pro = await applicant.GetAsync("/pro/services");
        Assert.Equal(HttpStatusCode.OK, pro.Status);
        Assert.Contains(name, pro.MainText(), StringComparison.Ordinal);
        var edit = await applicant.GetAsync($"/pro/services/{service.Id}/edit");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal("+32 81 00 00 01", edit.FieldValue("Input.Phones[0]"));
        Assert.Equal("2027-07-15", edit.FieldValue("Input.Closures[0].From"));
    }

    [Fact]
    public async Task Declining_needs_a_note_the_applicant_reads_and_a_parent_cannot_moderate()
    {
        using var applicant = factory.NewBrowser();
        var email = await applicant.SignedInMemberAsync(factory, displayName: "Paul");
        var name = $"Halte {Guid.NewGuid():N}"[..16];
        await applicant.FillAsync("/services/apply", ApplyFields(name));
        var service = await ServiceAsync(name);

        var token = (await applicant.GetAsync("/services/apply")).AntiforgeryToken;
        var byParent = await applicant.PostAsync($"/moderation/services?id={service.Id}", [new(Browser.AntiforgeryField, token), new("publish", "true")]);
        Assert.True(byParent.Status is HttpStatusCode.Forbidden || byParent.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, byParent.ToString());
        Assert.Equal(ListingStatus.Pending, (await ServiceAsync(name)).ListingStatus);

        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var form = $"form[action*='{service.Id}']";
        var withoutNote = await moderator.SubmitAsync(await moderator.GetAsync("/moderation/services"), new Dictionary<string, string> { ["publish"] = "false" }, form);
        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.Status);
        Assert.Contains(TextsFile.Fr("Listing.DeclineNeedsNote"), withoutNote.ErrorSummary, StringComparison.Ordinal);

        var note = "<script>alert(1)</script> Il manque les horaires.";
        var declined = await moderator.SubmitAsync(await moderator.GetAsync("/moderation/services"), new Dictionary<string, string> { ["publish"] = "false", ["Note"] = note }, form);
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        Assert.Equal(ListingStatus.Declined, (await ServiceAsync(name)).ListingStatus);
        Assert.Equal(OrganizationMemberStatus.Refused, (await LinkAsync(service.OrganizationId, email)).Status);
        Assert.Contains(await factory.EmailsToAsync(email), e => e.Subject == TextsFile.Fr("Email.ListingDeclined.Subject"));
        var page = await applicant.GetAsync("/services/apply");
        Assert.Contains(note, page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_comes_back_with_localized_messages_and_what_was_typed_and_a_visitor_is_sent_to_sign_in()
    {
        using var visitor = factory.NewBrowser();
        var anonymous = await visitor.GetAsync("/services/apply");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/account/signin", new Uri(new Uri("http://localhost"), anonymous.Location!).AbsolutePath, StringComparison.Ordinal);

        using var applicant = factory.NewBrowser();
        await applicant.SignedInMemberAsync(factory, displayName: "Inès");
        var fields = ApplyFields("Un nom bien à moi\u202e");
        fields["Input.Categories"] = "pas-une-categorie";
        fields["Input.Phones[0]"] = "appelle-moi";
        fields["Input.Hours[0].Opens"] = "25:99";
        fields["Input.Closures[0].To"] = "2027-07-01";
        fields["Input.MinimumAge"] = "6";
        fields["Input.MaximumAge"] = "3";
        fields["Input.Description"] = new string('a', 100 * 1024);

        var page = await applicant.FillAsync("/services/apply", fields);

        Assert.True(page.Status == HttpStatusCode.BadRequest, page.ToString());
        Assert.True(page.ErrorSummary is not null, page.MainText());
        foreach (var key in new[] { "Validation.InvalidValue", "Listing.PhoneInvalid", "Listing.HoursInvalid", "Listing.ClosureInvalid", "Listing.AgesInOrder" })
        {
            Assert.Contains(TextsFile.Fr(key), page.ErrorSummary, StringComparison.Ordinal);
        }

        Assert.Equal("appelle-moi", page.FieldValue("Input.Phones[0]"));
        Assert.Equal("Maison de quartier", page.FieldValue("Input.OrganizationName"));
        Assert.Equal(0, await factory.QueryAsync(db => db.Services.CountAsync(s => s.Name.StartsWith("Un nom bien à moi"))));

        var noOrganization = ApplyFields("Sans organisation");
        noOrganization["Input.OrganizationName"] = "";
        noOrganization["Input.OrganizationId"] = Guid.NewGuid().ToString();
        var refused = await applicant.FillAsync("/services/apply", noOrganization);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(TextsFile.Fr("Validation.InvalidValue"), refused.ErrorSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_sends_at_most_three_requests_a_day()
    {
        using var applicant = factory.NewBrowser();
        await applicant.SignedInMemberAsync(factory, displayName: "Rapide");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await applicant.FillAsync("/services/apply", ApplyFields($"Service {i} {Guid.NewGuid():N}"))).Status);
        }

        var page = await applicant.GetAsync("/services/apply");
        Assert.Contains(TextsFile.Fr("Listing.TooMany", 3), page.MainText(), StringComparison.Ordinal);
        var token = page.AntiforgeryToken;
        var fourth = await applicant.PostAsync("/services/apply", [new(Browser.AntiforgeryField, token), .. ApplyFields("Un de trop")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.Services.CountAsync(s => s.Name == "Un de trop")));
    }

    [Fact]
    public async Task A_professional_edits_and_confirms_only_their_organisations_services()
    {
        var (organization, service) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec($"LAEP {Guid.NewGuid():N}"[..13], (50.46, 4.87)), s => s.AssuredDate = new DateOnly(2020, 1, 1));
        var (_, other) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec($"Autre {Guid.NewGuid():N}"[..14], (50.46, 4.87)));
        using var pro = await factory.StaffAsync(Roles.Professional);
        await factory.LinkProfessionalAsync(organization.Id, await MemberIdAsync(pro));
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

        var list = await pro.GetAsync("/pro/services");
        Assert.Contains(service.Name, list.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, list.MainText(), StringComparison.Ordinal);

        // Another organisation's service: not found, neither to read nor to write.
        var token = list.AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await pro.GetAsync($"/pro/services/{other.Id}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await pro.PostAsync($"/pro/services/{other.Id}/edit", [new(Browser.AntiforgeryField, token), .. ApplyFields("Volé")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await pro.PostAsync($"/pro/services/{other.Id}/edit?handler=Confirm", [new(Browser.AntiforgeryField, token)])).Status);
        Assert.Equal(other.Name, (await ServiceAsync(other.Name)).Name);

        // Nothing changed: only the date it was checked.
        var confirmed = await pro.SubmitAsync(await pro.GetAsync($"/pro/services/{service.Id}/edit"), new Dictionary<string, string>(), "form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var stored = await ServiceAsync(service.Name);
        Assert.Equal(today, stored.AssuredDate);
        Assert.Equal(service.LastModified, stored.LastModified, TimeSpan.FromMilliseconds(1));

        // The search keeps what it read of the service (its hours among them) until the listing is edited.
        var saturday = $"/services?Input.TownQuery={Uri.EscapeDataString("Namur (BE)")}&day=Saturday&part=Morning";
        Assert.DoesNotContain(service.Name, (await pro.GetAsync(saturday)).MainText(), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        try
        {
            var edit = await pro.GetAsync($"/pro/services/{service.Id}/edit");
            Assert.Equal("MO", edit.Document.QuerySelector("select[name='Input.Hours[0].Day'] option[selected]")?.GetAttribute("value"));
            var saved = await pro.SubmitAsync(edit, new Dictionary<string, string>
            {
                ["Input.Description"] = "Nouveau : ouvert aussi le samedi matin, venez comme vous êtes.",
                ["Input.TownQuery"] = "Namur (BE)",
                ["Input.Hours[5].Day"] = "SA",
                ["Input.Hours[5].Opens"] = "09:00",
                ["Input.Hours[5].Closes"] = "12:00",
            }, "main form.stack");
            Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        }
        finally
        {
            factory.Clock.Reset();
        }

        Assert.Contains(service.Name, (await pro.GetAsync(saturday)).MainText(), StringComparison.Ordinal);
        stored = await ServiceAsync(service.Name);
        Assert.StartsWith("Nouveau", stored.Description, StringComparison.Ordinal);
        Assert.True(stored.LastModified > service.LastModified);
        Assert.Equal(today, stored.AssuredDate);
        Assert.Contains(await factory.QueryAsync(db => db.Schedules.Where(s => s.ServiceId == service.Id).ToListAsync()), s => s.ByDay == "SA");

        // A parent without the professional role has no professional space.
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: "Parent");
        var denied = await parent.GetAsync($"/pro/services/{service.Id}/edit");
        Assert.True(denied.Status is HttpStatusCode.Forbidden || denied.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, denied.ToString());
    }

    [Fact]
    public async Task A_professional_asks_to_be_linked_to_an_organisation_and_a_moderator_verifies_it()
    {
        var name = $"Planning familial {Guid.NewGuid():N}"[..26];
        var (organization, service) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec(name, (50.46, 4.87)));
        using var pro = await factory.StaffAsync(Roles.Professional);
        var found = await pro.GetAsync($"/pro/services?q={Uri.EscapeDataString(name[..20].ToUpperInvariant())}");
        Assert.Contains(organization.Name, found.MainText(), StringComparison.Ordinal);
        var asked = await pro.SubmitAsync(found, new Dictionary<string, string>(), $"form[action*='{organization.Id}']");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var memberId = await MemberIdAsync(pro);
        Assert.Equal(OrganizationMemberStatus.Pending, (await factory.QueryAsync(db => db.OrganizationMembers.SingleAsync(m => m.MemberId == memberId))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await pro.GetAsync($"/pro/services/{service.Id}/edit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await pro.GetAsync($"/pro/services?q={Uri.EscapeDataString("%_\\' OR 1=1 --")}")).Status);

        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var queue = await moderator.GetAsync("/moderation/services");
        var verified = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["verify"] = "true" }, $"form[action*='memberId={memberId}']");
        Assert.Equal(HttpStatusCode.Redirect, verified.Status);

        Assert.Equal(HttpStatusCode.OK, (await pro.GetAsync($"/pro/services/{service.Id}/edit")).Status);
        Assert.Contains(name, (await pro.GetAsync("/pro/services")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_unchecked_for_six_months_are_reminded_once_a_month_by_their_professionals_or_their_own_address()
    {
        var (organization, withPro) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec($"Rappel {Guid.NewGuid():N}"[..15], (50.46, 4.87)));
        var serviceEmail = AccountSteps.NewAddress("service");
        var (_, withoutPro) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec($"Seul {Guid.NewGuid():N}"[..13], (50.46, 4.87)), s => s.Email = serviceEmail);
        var proEmail = AccountSteps.NewAddress("pro");
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountCreation>().CreateConfirmedAsync(proEmail, AccountSteps.Password, "Pro", [Roles.Professional]);
        }

        var proId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == proEmail).Select(u => u.Id).SingleAsync());
        await factory.LinkProfessionalAsync(organization.Id, proId);
        var reminders = factory.Services.GetRequiredService<ListingReminders>();

        try
        {
            factory.Clock.Advance(TimeSpan.FromDays(150));
            await reminders.SendDueAsync(CancellationToken.None);
            Assert.Empty(await factory.EmailsToAsync(proEmail));

            factory.Clock.Advance(TimeSpan.FromDays(40));
            await reminders.SendDueAsync(CancellationToken.None);
            var toPro = Assert.Single(await factory.EmailsToAsync(proEmail));
            Assert.Equal(TextsFile.Fr("Email.ListingReview.Subject"), toPro.Subject);
            Assert.Contains($"/pro/services/{withPro.Id}/edit", toPro.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/pro/services/{withoutPro.Id}/edit", Assert.Single(await factory.EmailsToAsync(serviceEmail)).TextBody, StringComparison.Ordinal);

            // Not again within 30 days; again after, if still unchecked.
            factory.Clock.Advance(TimeSpan.FromDays(20));
            await reminders.SendDueAsync(CancellationToken.None);
            Assert.Single(await factory.EmailsToAsync(proEmail));
            factory.Clock.Advance(TimeSpan.FromDays(15));
            await reminders.SendDueAsync(CancellationToken.None);
            Assert.Equal(2, (await factory.EmailsToAsync(proEmail)).Count);
        }
        finally
        {
            factory.Clock.Reset();
        }
    }

    [Fact]
    public async Task My_data_lists_links_and_requests_and_a_deleted_account_leaves_its_listings_unsigned()
    {
        using var applicant = factory.NewBrowser();
        var email = await applicant.SignedInMemberAsync(factory, displayName: "Bientôt partie");
        var name = $"Ecoute parents {Guid.NewGuid():N}"[..24];
        await applicant.FillAsync("/services/apply", ApplyFields(name));
        var service = await ServiceAsync(name);

        var export = await applicant.GetAsync("/account/data?handler=Download");
        Assert.Contains(name, export.Text, StringComparison.Ordinal);
        Assert.Contains("Maison de quartier", export.Text, StringComparison.Ordinal);

        var deleted = await applicant.FillAsync(
            "/account/data",
            new Dictionary<string, string> { ["Delete.Password"] = AccountSteps.Password, ["Delete.Confirm"] = "true" },
            "form[action*='handler=Delete']");
        Assert.Equal("/account/deleted", deleted.Location);

        var kept = await ServiceAsync(name);
        Assert.Null(kept.SubmittedById);
        Assert.False(await factory.QueryAsync(db => db.OrganizationMembers.AnyAsync(m => m.OrganizationId == service.OrganizationId)));
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task The_directory_seed_lists_the_real_services_to_complete_without_inventing_contacts_and_runs_twice()
    {
        await factory.QueryAsync(async db =>
        {
            var seed = new DirectorySeed(db, factory.Services.GetRequiredService<Village.Web.Infrastructure.Geo.Gazetteer>(), factory.Clock);
            await seed.SeedAsync(null);
            await seed.SeedAsync(null);
            return 0;
        });

        var real = await factory.QueryAsync(db => db.Services.Where(s => s.ToComplete)
            .Join(db.Organizations.Where(o => !o.IsFictional), s => s.OrganizationId, o => o.Id, (s, o) => s).ToListAsync());
        foreach (var name in new[] { "Ulysse", "Bébé Accueil", "Accordages", "Chrysalide", "Écholine", "Apalem Seconde Peau", "Tabane", "Aquarelle" })
        {
            Assert.Single(real, s => s.Name == name);
        }

        var ids = real.Select(s => s.Id).ToList();
        Assert.False(await factory.QueryAsync(db => db.Phones.AnyAsync(p => p.ServiceId != null && ids.Contains(p.ServiceId.Value))));
        Assert.False(await factory.QueryAsync(db => db.Schedules.AnyAsync(p => p.ServiceId != null && ids.Contains(p.ServiceId.Value))));
        Assert.All(real, s => Assert.Null(s.Email));
        Assert.Equal(8, real.Count(s => s.ListingStatus == ListingStatus.Published));

        var fictional = await factory.QueryAsync(db => db.Organizations.Where(o => o.IsFictional).Select(o => o.Name).ToListAsync());
        Assert.True(fictional.Count >= 6);
        Assert.All(fictional, n => Assert.Contains("démo", n, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> ApplyFields(string name) => new()
    {
        ["Input.OrganizationName"] = "Maison de quartier",
        ["Input.Name"] = name,
        ["Input.Description"] = "Un lieu où venir avec son bébé, sans rendez-vous, pour jouer et parler.",
        ["Input.Categories"] = "drop-in",
        ["Input.Publics"] = "young-children",
        ["Input.MinimumAge"] = "0",
        ["Input.MaximumAge"] = "3",
        ["Input.Street"] = "Rue de Fer 10",
        ["Input.PostalCode"] = "5000",
        ["Input.TownQuery"] = "Namur (BE)",
        ["Input.Phones[0]"] = "+32 81 00 00 01",
        ["Input.Email"] = "accueil@example.org",
        ["Input.Website"] = "https://example.org",
        ["Input.Hours[0].Day"] = "SA",
        ["Input.Hours[0].Opens"] = "09:00",
        ["Input.Hours[0].Closes"] = "12:00",
        ["Input.Closures[0].From"] = "2027-07-15",
        ["Input.Closures[0].To"] = "2027-08-15",
        ["Input.Languages"] = "ar",
        ["Input.IsFree"] = "true",
        ["Input.ApplicationProcess"] = "Venez sans rendez-vous.",
        ["Input.Accessibility"] = "Entrée sans marche.",
    };

    private Task<Service> ServiceAsync(string name) => factory.QueryAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Name == name));

    private async Task<OrganizationMember> LinkAsync(Guid organizationId, string email)
    {
        var memberId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return await factory.QueryAsync(db => db.OrganizationMembers.AsNoTracking().SingleAsync(m => m.OrganizationId == organizationId && m.MemberId == memberId));
    }

    private async Task<Guid> MemberIdAsync(Browser browser)
    {
        var page = await browser.GetAsync("/account/data?handler=Download");
        using var json = System.Text.Json.JsonDocument.Parse(page.Text);
        return json.RootElement.GetProperty("account").GetProperty("Id").GetGuid();
    }
}

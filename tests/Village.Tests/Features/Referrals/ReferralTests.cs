using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.Referrals;
using Village.Web.Features.ServiceDirectory;

namespace Village.Tests.Features.Referrals;

/// <summary>Accompanied referrals and contact requests through the real pages: the whole flow, what each party sees,
/// and everyone else seeing nothing; the note protected at rest and never in an email.</summary>
public sealed class ReferralTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private const string Note = "Maman seule, bébé de 3 mois, pleure beaucoup ; besoin de souffler et de parler.";

    private sealed record Pro(Browser Browser, Guid Id, string Email) : IDisposable
    {
        public void Dispose() => Browser.Dispose();
    }

    [Fact]
    public async Task A_professional_relays_a_parent_who_consents_then_the_service_accepts_contacts_and_closes_with_the_door_open()
    {
        var (referrer, service, receiver) = await SetUpAsync("Maison verte Les Galets");
        using var _ = referrer;
        using var __ = receiver;
        using var parent = factory.NewBrowser();
        var parentEmail = await parent.SignedInMemberAsync(factory, displayName: "Camille");

        var proposed = await referrer.Browser.FillAsync($"/pro/referrals/new?service={service.Id}", new Dictionary<string, string>
        {
            ["Input.ParentEmail"] = parentEmail,
            ["Input.Note"] = Note,
        });
        Assert.True(proposed.Status == HttpStatusCode.Redirect, proposed.ToString());
        var proUrl = proposed.Location!;
        var id = Guid.Parse(proUrl.Split('/')[^1]);
        var stored = await ReferralAsync(id);
        Assert.Equal((ReferralStatus.Proposed, ReferralKind.Accompanied, referrer.Id), (stored.Status, stored.Kind, stored.ReferrerId));

        // The note is not stored in clear, and no email carries it (nor the service's name).
        Assert.DoesNotContain("souffler", stored.ProtectedNote, StringComparison.Ordinal);
        Assert.Equal(Note, factory.Services.GetRequiredService<ReferralNotes>().Unprotect(stored.ProtectedNote));
        Assert.Equal($"/referrals/{id}", await factory.LinkAsync(parentEmail, "/referrals/"));

        // The service sees nothing before consent: not in its list, not the page.
        Assert.DoesNotContain(id.ToString(), (await receiver.Browser.GetAsync("/pro/referrals")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.Browser.GetAsync(proUrl)).Status);
        Assert.Empty(await factory.EmailsToAsync(receiver.Email));

        // The parent sees the note, and on the home page that an answer is awaited.
        var home = await parent.GetAsync("/");
        Assert.Equal($"/referrals/{id}", home.Document.QuerySelector("#referral-notice a")?.GetAttribute("href"));
        var page = await parent.GetAsync($"/referrals/{id}");
        Assert.Contains("souffler", page.MainText(), StringComparison.Ordinal);

        // The preview shows exactly the card; nothing saved yet.
        var preview = await parent.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Consent.ContactEmail"] = "camille.perso@example.org",
            ["Consent.ContactPhone"] = "+32 470 12 34 56",
        }, "#choices");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var card = preview.Document.QuerySelector("#shared-card")!.TextContent.Normalized();
        Assert.Contains("camille.perso@example.org", card, StringComparison.Ordinal);
        Assert.Contains("+32 470 12 34 56", card, StringComparison.Ordinal);
        Assert.Contains("souffler", card, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Proposed, (await ReferralAsync(id)).Status);

        var consented = await parent.SubmitAsync(preview, new Dictionary<string, string>(), "#consent");
        Assert.True(consented.Status == HttpStatusCode.Redirect, consented.ToString());
        stored = await ReferralAsync(id);
        Assert.Equal((ReferralStatus.Consented, "camille.perso@example.org", "+32 470 12 34 56", true), (stored.Status, stored.ContactEmail, stored.ContactPhone, stored.ShareNote));
        Assert.Null((await parent.GetAsync("/")).Document.QuerySelector("#referral-notice"));

        // Now the service sees the shared card and accepts.
        Assert.Contains(proUrl, (await receiver.Browser.GetAsync("/pro/referrals")).Document.QuerySelector("#received")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(proUrl, await factory.LinkAsync(receiver.Email, "/pro/referrals/"));
        var servicePage = await receiver.Browser.GetAsync(proUrl);
        Assert.Contains("camille.perso@example.org", servicePage.Document.QuerySelector("#shared-card")!.TextContent, StringComparison.Ordinal);
        var accepted = await receiver.Browser.SubmitAsync(servicePage, new Dictionary<string, string>(), "form[action*='handler=Accept']");
        Assert.True(accepted.Status == HttpStatusCode.Redirect, accepted.ToString());
        Assert.Equal(ReferralStatus.Accepted, (await ReferralAsync(id)).Status);

        var withoutHow = await receiver.Browser.FillAsync(proUrl, new Dictionary<string, string> { ["FirstContactHow"] = "" }, "#first-contact");
        Assert.Equal(HttpStatusCode.BadRequest, withoutHow.Status);
        var contacted = await receiver.Browser.FillAsync(proUrl, new Dictionary<string, string>
        {
            ["FirstContactOn"] = "2026-11-20",
            ["FirstContactHow"] = "Appel téléphonique",
        }, "#first-contact");
        Assert.True(contacted.Status == HttpStatusCode.Redirect, contacted.ToString());
        stored = await ReferralAsync(id);
        Assert.Equal((ReferralStatus.FirstContactMade, new DateOnly(2026, 11, 20), "Appel téléphonique"), (stored.Status, stored.FirstContactOn, stored.FirstContactHow));

        var closed = await receiver.Browser.FillAsync(proUrl, new Dictionary<string, string>
        {
            ["ClosingMessage"] = "Vous pouvez revenir le mardi matin sans rendez-vous, on sera contents de vous revoir.",
        }, "#close");
        Assert.True(closed.Status == HttpStatusCode.Redirect, closed.ToString());
        Assert.Equal(ReferralStatus.Closed, (await ReferralAsync(id)).Status);

        // The parent sees the door open and how to come back; the referrer follows the status.
        var end = await parent.GetAsync($"/referrals/{id}");
        Assert.Contains("mardi matin", end.Document.QuerySelector("#door-open")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(end.Document.QuerySelector($"#door-open a[href='/services/{service.Id}/contact-me']"));
        Assert.Contains(TextsFile.Fr("Referral.Status.Closed"), (await referrer.Browser.GetAsync(proUrl)).Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        var timeline = end.Document.QuerySelectorAll("#timeline li").Select(li => li.TextContent.Normalized()).ToList();
        Assert.Equal(5, timeline.Count);
        var events = await factory.QueryAsync(db => db.ReferralEvents.Where(e => e.ReferralId == id).OrderBy(e => e.At).Select(e => e.Action).ToListAsync());
        Assert.Equal([ReferralAction.Proposed, ReferralAction.Consented, ReferralAction.Accepted, ReferralAction.FirstContactMade, ReferralAction.Closed], events);

        // No email to anyone carries the note.
        var all = await factory.QueryAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.ToAddress == parentEmail || e.ToAddress == receiver.Email || e.ToAddress == referrer.Email).ToListAsync());
        Assert.True(all.Count >= 4, all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(all, e => Assert.DoesNotContain("souffler", e.TextBody + e.HtmlBody + e.Subject, StringComparison.Ordinal));
        Assert.All(all, e => Assert.DoesNotContain("Les Galets", e.TextBody + e.HtmlBody + e.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nobody_else_sees_a_referral_and_the_service_loses_it_when_the_parent_withdraws()
    {
        var (referrer, service, receiver) = await SetUpAsync("Écholine test");
        using var _ = referrer;
        using var __ = receiver;
        using var parent = factory.NewBrowser();
        var parentEmail = await parent.SignedInMemberAsync(factory, displayName: "Sofia");
        var id = await ProposeAsync(referrer, service.Id, parentEmail);
        var proUrl = $"/pro/referrals/{id}";
        var (otherOrg, _) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec("Autre service", OutingData.NewSpot()));
        using var outsider = await ProfessionalAsync(otherOrg.Id);
        using var otherParent = factory.NewBrowser();
        await otherParent.SignedInMemberAsync(factory, displayName: "Youssef");
        using var moderator = await factory.StaffAsync(Roles.Moderator);
        using var visitor = factory.NewBrowser();

        await ConsentAsync(parent, id);
        Assert.Equal(HttpStatusCode.OK, (await receiver.Browser.GetAsync(proUrl)).Status);

        // Another organisation's professional, another parent, a moderator: nothing, and no action.
        var token = (await outsider.Browser.GetAsync("/pro/referrals")).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync(proUrl)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.PostAsync(proUrl + "?handler=Accept", [new(Browser.AntiforgeryField, token)])).Status);
        Assert.DoesNotContain(id.ToString(), (await outsider.Browser.GetAsync("/pro/referrals")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Browser.GetAsync($"/referrals/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.GetAsync($"/referrals/{id}")).Status);
        var otherToken = (await otherParent.GetAsync("/referrals")).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.PostAsync($"/referrals/{id}?handler=Withdraw", [new(Browser.AntiforgeryField, otherToken)])).Status);
        Assert.DoesNotContain(id.ToString(), (await otherParent.GetAsync("/referrals")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetAsync($"/referrals/{id}")).Status);
        var modPro = await moderator.GetAsync(proUrl);
        Assert.True(modPro.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || modPro.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, modPro.ToString());
        var anonymous = await visitor.GetAsync($"/referrals/{id}");
        Assert.True(anonymous.Location?.StartsWith("/account/signin", StringComparison.Ordinal) == true, anonymous.ToString());
        // The parent, on the professional side, and the referrer on the parent side: nothing either.
        Assert.Equal(HttpStatusCode.NotFound, (await referrer.Browser.GetAsync($"/referrals/{id}")).Status);
        Assert.Equal(ReferralStatus.Consented, (await ReferralAsync(id)).Status);

        // The parent withdraws: the service loses everything.
        var withdrawn = await parent.SubmitAsync(await parent.GetAsync($"/referrals/{id}"), new Dictionary<string, string>(), "#withdraw");
        Assert.True(withdrawn.Status == HttpStatusCode.Redirect, withdrawn.ToString());
        var stored = await ReferralAsync(id);
        Assert.Equal((ReferralStatus.Withdrawn, null, null, false), (stored.Status, stored.ContactEmail, stored.ContactPhone, stored.ShareNote));
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.Browser.GetAsync(proUrl)).Status);
        Assert.DoesNotContain(id.ToString(), (await receiver.Browser.GetAsync("/pro/referrals")).Text, StringComparison.Ordinal);
        var receiverToken = (await receiver.Browser.GetAsync("/pro/referrals")).AntiforgeryToken;
        Assert.Equal(HttpStatusCode.NotFound, (await receiver.Browser.PostAsync(proUrl + "?handler=Accept", [new(Browser.AntiforgeryField, receiverToken)])).Status);
        Assert.Contains(TextsFile.Fr("Referral.Status.Withdrawn"), (await referrer.Browser.GetAsync(proUrl)).Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_professional_verified_for_an_organisation_may_propose_and_only_to_an_existing_account()
    {
        var (_, service) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec("Lieu d'accueil Les Lucioles", OutingData.NewSpot()));
        using var parent = factory.NewBrowser();
        var parentEmail = await parent.SignedInMemberAsync(factory, displayName: "Nath");
        var url = $"/pro/referrals/new?service={service.Id}";
        var fields = new Dictionary<string, string>
        {
            [Browser.AntiforgeryField] = (await parent.GetAsync("/referrals")).AntiforgeryToken,
            ["Input.ParentEmail"] = parentEmail,
            ["Input.ServiceId"] = service.Id.ToString(),
            ["Input.Note"] = Note,
        };

        // A parent (no professional role) is refused.
        var byParent = await parent.PostAsync(url, fields);
        Assert.True(byParent.Status is HttpStatusCode.Forbidden || byParent.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true, byParent.ToString());

        // A professional not verified (pending) for an organisation sees the notice and cannot post.
        using var pending = await ProfessionalAsync(service.OrganizationId, OrganizationMemberStatus.Pending);
        var form = await pending.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains(TextsFile.Fr("Referral.NotVerified"), form.MainText(), StringComparison.Ordinal);
        fields[Browser.AntiforgeryField] = form.AntiforgeryToken;
        Assert.Equal(HttpStatusCode.Forbidden, (await pending.Browser.PostAsync(url, fields)).Status);
        Assert.False(await factory.QueryAsync(db => db.Referrals.AnyAsync(r => r.ServiceId == service.Id)));

        // A verified one: an unknown address is refused with a clear message, their typing kept.
        using var verified = await ProfessionalAsync(service.OrganizationId);
        var unknown = await verified.Browser.FillAsync(url, new Dictionary<string, string>
        {
            ["Input.ParentEmail"] = "personne-" + Guid.NewGuid().ToString("N") + "@example.org",
            ["Input.Note"] = Note,
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains(TextsFile.Fr("Referral.ParentNotFound"), unknown.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(Note, unknown.Document.QuerySelector("textarea[name='Input.Note']")?.TextContent.Trim());

        // An unpublished service cannot be chosen.
        var (_, hidden) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec("Service en attente", OutingData.NewSpot()) { Listing = ListingStatus.Pending });
        fields[Browser.AntiforgeryField] = unknown.AntiforgeryToken;
        fields["Input.ServiceId"] = hidden.Id.ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await verified.Browser.PostAsync("/pro/referrals/new", fields)).Status);
        Assert.False(await factory.QueryAsync(db => db.Referrals.AnyAsync(r => r.ReferrerId == verified.Id)));

        // Search by name finds the published service only.
        var search = await verified.Browser.GetAsync("/pro/referrals/new?q=lucioles");
        Assert.Contains($"/pro/referrals/new?service={service.Id}", search.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Id.ToString(), (await verified.Browser.GetAsync("/pro/referrals/new?q=attente")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_asks_a_service_to_contact_them_and_the_service_sees_it_at_once()
    {
        var (org, service) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec("Planning familial du Centre", OutingData.NewSpot()));
        using var receiver = await ProfessionalAsync(org.Id);
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory, displayName: "Grace");
        var hostile = "<script>alert('x')</script> ' OR 1=1 -- \u202Eevil\u0301 " + new string('é', 50);
        var url = $"/services/{service.Id}/contact-me";

        var form = await parent.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.NotNull(form.Document.QuerySelector("#consent-notice"));
        var noMeans = await parent.SubmitAsync(form, new Dictionary<string, string> { ["Input.Message"] = "Bonjour", ["Input.ContactEmail"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noMeans.Status);
        Assert.Contains(TextsFile.Fr("Referral.ContactNeeded"), noMeans.ErrorSummary, StringComparison.Ordinal);
        var tooLong = await parent.SubmitAsync(form, new Dictionary<string, string> { ["Input.Message"] = new string('a', 100_000) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        var badPhone = await parent.SubmitAsync(form, new Dictionary<string, string> { ["Input.Message"] = "Bonjour", ["Input.ContactPhone"] = "<b>123</b>" });
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.Status);

        var sent = await parent.SubmitAsync(form, new Dictionary<string, string> { ["Input.Message"] = hostile, ["Input.ContactPhone"] = "0470 12 34 56" });
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.ErrorSummary ?? sent.ToString());
        var id = Guid.Parse(sent.Location!.Split('/')[^1]);
        var stored = await ReferralAsync(id);
        Assert.Equal((ReferralKind.ContactRequest, ReferralStatus.Consented, (Guid?)null), (stored.Kind, stored.Status, stored.ReferrerId));
        Assert.DoesNotContain("script", stored.ProtectedNote, StringComparison.Ordinal);

        var seen = await receiver.Browser.GetAsync($"/pro/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Contains("<script>alert", seen.Document.QuerySelector("#shared-card")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", seen.Text, StringComparison.Ordinal);
        Assert.Contains(await factory.EmailsToAsync(receiver.Email), e => e.Subject == TextsFile.Fr("Referral.Email.ContactRequested.Subject") && !e.TextBody.Contains("OR 1=1", StringComparison.Ordinal));

        // The service page offers it, since a professional of the service is there to receive it.
        Assert.NotNull((await parent.GetAsync($"/services/{service.Id}")).Document.QuerySelector($"a[href='{url}']"));

        // A service not published: nothing to ask.
        var (_, hidden) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec("Pas encore publié", OutingData.NewSpot()) { Listing = ListingStatus.Pending });
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/services/{hidden.Id}/contact-me")).Status);

        // A published service with nobody on Village to receive it: no button, no form, nothing a professional can
        // relay there either, so no request waits where nobody looks.
        var (_, unattended) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec("Personne pour recevoir", OutingData.NewSpot()));
        var page = await parent.GetAsync($"/services/{unattended.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector($"a[href='/services/{unattended.Id}/contact-me']"));
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/services/{unattended.Id}/contact-me")).Status);
        var relayPage = await receiver.Browser.GetAsync($"/pro/referrals/new?service={unattended.Id}");
        Assert.Null(relayPage.Document.QuerySelector("main form[method=post]"));
        var relay = await receiver.Browser.PostAsync("/pro/referrals/new", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = relayPage.AntiforgeryToken,
            ["Input.ServiceId"] = unattended.Id.ToString(),
            ["Input.ParentEmail"] = await factory.QueryAsync(db => db.Users.Where(u => u.Id != receiver.Id).Select(u => u.Email!).FirstAsync()),
            ["Input.Note"] = Note,
        });
        Assert.NotEqual(HttpStatusCode.Redirect, relay.Status);
        Assert.False(await factory.QueryAsync(db => db.Referrals.AnyAsync(r => r.ServiceId == unattended.Id)));
        using var visitor = factory.NewBrowser();
        Assert.True((await visitor.GetAsync(url)).Location?.StartsWith("/account/signin", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_parent_exports_their_referrals_with_the_note_and_deleting_an_account_removes_or_unsigns_them()
    {
        var (referrer, service, receiver) = await SetUpAsync("Accordages test");
        using var _ = referrer;
        using var __ = receiver;
        using var parent = factory.NewBrowser();
        var parentEmail = await parent.SignedInMemberAsync(factory, displayName: "Julie");
        var id = await ProposeAsync(referrer, service.Id, parentEmail);

        var export = await parent.GetAsync("/account/data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        using var json = JsonDocument.Parse(export.Text);
        var referral = json.RootElement.GetProperty("referrals")[0];
        Assert.Equal(Note, referral.GetProperty("note").GetString());
        Assert.Equal("Proposed", referral.GetProperty("events")[0].GetProperty("action").GetString());

        // The referrer's account goes: the referral stays, unsigned.
        await DeleteAccountAsync(referrer.Browser);
        Assert.Null((await ReferralAsync(id)).ReferrerId);
        // The parent's account goes: their referrals and trail go too.
        await DeleteAccountAsync(parent);
        Assert.False(await factory.QueryAsync(db => db.Referrals.AnyAsync(r => r.Id == id)));
        Assert.False(await factory.QueryAsync(db => db.ReferralEvents.AnyAsync(e => e.ReferralId == id)));
    }

    private async Task DeleteAccountAsync(Browser browser)
    {
        var deleted = await browser.FillAsync("/account/data", new Dictionary<string, string>
        {
            ["Delete.Password"] = AccountSteps.Password,
            ["Delete.Confirm"] = "true",
        }, "form[action*='handler=Delete']");
        Assert.True(deleted.Status == HttpStatusCode.Redirect, deleted.ToString());
    }

    private async Task<(Pro Referrer, Service Service, Pro Receiver)> SetUpAsync(string serviceName)
    {
        var (referrerOrg, _) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec("ONE consultation " + serviceName, OutingData.NewSpot()));
        var (org, service) = await factory.AddServiceAsync(new DirectoryData.ServiceSpec(serviceName, OutingData.NewSpot()));
        return (await ProfessionalAsync(referrerOrg.Id), service, await ProfessionalAsync(org.Id));
    }

    private async Task<Pro> ProfessionalAsync(Guid organizationId, OrganizationMemberStatus status = OrganizationMemberStatus.Verified)
    {
        var email = AccountSteps.NewAddress("pro");
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountCreation>()
                .CreateConfirmedAsync(email, AccountSteps.Password, "Claire", [Roles.Professional])).Succeeded);
        }

        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        if (status == OrganizationMemberStatus.Verified)
        {
            await factory.LinkProfessionalAsync(organizationId, id);
        }
        else
        {
            await factory.QueryAsync(db =>
            {
                db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, MemberId = id, Status = status, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime });
                return db.SaveChangesAsync();
            });
        }

        var browser = factory.NewBrowser();
        await browser.SignInAsync(email);
        return new Pro(browser, id, email);
    }

    private async Task<Guid> ProposeAsync(Pro referrer, Guid serviceId, string parentEmail)
    {
        var proposed = await referrer.Browser.FillAsync($"/pro/referrals/new?service={serviceId}", new Dictionary<string, string>
        {
            ["Input.ParentEmail"] = parentEmail,
            ["Input.Note"] = Note,
        });
        Assert.True(proposed.Status == HttpStatusCode.Redirect, proposed.ToString());
        return Guid.Parse(proposed.Location!.Split('/')[^1]);
    }

    private static async Task ConsentAsync(Browser parent, Guid id)
    {
        var preview = await parent.FillAsync($"/referrals/{id}", new Dictionary<string, string> { ["Consent.ContactPhone"] = "0470 11 22 33" }, "#choices");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var consented = await parent.SubmitAsync(preview, new Dictionary<string, string>(), "#consent");
        Assert.True(consented.Status == HttpStatusCode.Redirect, consented.ToString());
    }

    private Task<Referral> ReferralAsync(Guid id) => factory.QueryAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));
}

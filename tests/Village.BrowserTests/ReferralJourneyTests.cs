using Microsoft.Extensions.DependencyInjection;
using Village.BrowserTests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.ServiceDirectory;

namespace Village.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReferralJourneyTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_professional_relays_a_parent_to_a_drop_in_place_the_parent_consents_the_service_accepts_and_all_three_see_it()
    {
        await using var journey = new Journey(app, output, "referrals");
        var server = journey.Server;
        var placeName = $"Maison verte Les Petits Pas {Guid.NewGuid():N}"[..34];
        var (referrerOrg, _) = await AddServiceAsync(server, "Consultation ONE de Jambes");
        var (placeOrg, placeId) = await AddServiceAsync(server, placeName);
        var referrerEmail = await ProfessionalAsync(server, referrerOrg, "Claire");
        var receiverEmail = await ProfessionalAsync(server, placeOrg, "Anne");
        var parentEmail = Members.NewAddress("referral");
        await server.CreateConfirmedParentAsync(parentEmail, "Camille");

        // The professional relays Camille.
        var referrer = await journey.NewPageAsync();
        await Members.SignInAsync(referrer, referrerEmail);
        await referrer.GotoAsync($"/pro/referrals/new?service={placeId}");
        await journey.CheckAsync(referrer, "referral-new");
        await referrer.GetByLabel("Adresse e-mail du parent").FillAsync(parentEmail);
        await referrer.GetByLabel("Ce dont la famille a besoin").FillAsync("Maman seule la journée avec un bébé de 3 mois ; a besoin de souffler et de rencontrer d'autres parents.");
        await Members.SubmitAsync(referrer, "Proposer au parent");
        await Assertions.Expect(referrer.Locator("#status")).ToHaveTextAsync("Proposé");
        await journey.CheckAsync(referrer, "referral-sent");
        var referralPath = new Uri(referrer.Url).AbsolutePath.Replace("/pro", "", StringComparison.Ordinal);

        // The parent sees the proposal on the home page, previews exactly what will be shared, and consents.
        var parent = await journey.NewPageAsync();
        await Members.SignInAsync(parent, parentEmail);
        await Members.ClickAndWaitForLoadAsync(parent, parent.GetByRole(AriaRole.Link, new() { Name = "Voir la proposition" }));
        await Members.ExpectPathAsync(parent, referralPath);
        await journey.CheckAsync(parent, "referral-proposed");
        await parent.GetByLabel("Téléphone pour vous joindre").FillAsync("+32 470 12 34 56");
        await Members.SubmitAsync(parent, "Voir ce qui sera partagé");
        await Assertions.Expect(parent.Locator("#shared-card")).ToContainTextAsync("+32 470 12 34 56");
        await journey.CheckAsync(parent, "referral-preview");
        await Members.SubmitAsync(parent, "Je donne mon accord");
        await Assertions.Expect(parent.Locator("#status")).ToHaveTextAsync("Accord donné");

        // The drop-in place's professional finds it and accepts.
        var receiver = await journey.NewPageAsync();
        await Members.SignInAsync(receiver, receiverEmail);
        await receiver.GotoAsync("/pro/referrals");
        await journey.CheckAsync(receiver, "referrals-received");
        await Members.ClickAndWaitForLoadAsync(receiver, receiver.Locator("#received").GetByRole(AriaRole.Link, new() { Name = placeName }));
        await Assertions.Expect(receiver.Locator("#shared-card")).ToContainTextAsync("+32 470 12 34 56");
        await Members.SubmitAsync(receiver, "Accepter le relais");
        await Assertions.Expect(receiver.Locator("#status")).ToHaveTextAsync("Accepté par le service");
        await journey.CheckAsync(receiver, "referral-accepted");

        // All three see the status.
        await parent.ReloadAsync();
        await Assertions.Expect(parent.Locator("#status")).ToHaveTextAsync("Accepté par le service");
        await journey.CheckAsync(parent, "referral-parent-accepted");
        await referrer.ReloadAsync();
        await Assertions.Expect(referrer.Locator("#status")).ToHaveTextAsync("Accepté par le service");

        journey.AssertClean();
    }

    private static async Task<(Guid OrganizationId, Guid ServiceId)> AddServiceAsync(VillageServer server, string name)
    {
        var now = server.Clock.GetUtcNow().UtcDateTime;
        var organization = new Organization { Id = Guid.CreateVersion7(), Name = name + " (asbl)", Description = "Une association.", CreatedAt = now, UpdatedAt = now };
        var service = new Service
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organization.Id,
            Name = name,
            Description = "Un lieu où venir avec son bébé, sans rendez-vous.",
            ListingStatus = ListingStatus.Published,
            LastModified = now,
            CreatedAt = now,
            PublishedAt = now,
        };
        await server.QueryAsync(db =>
        {
            db.Organizations.Add(organization);
            db.Services.Add(service);
            return db.SaveChangesAsync();
        });
        return (organization.Id, service.Id);
    }

    private static async Task<string> ProfessionalAsync(VillageServer server, Guid organizationId, string name)
    {
        var email = Members.NewAddress("pro");
        using (var scope = server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountCreation>()
                .CreateConfirmedAsync(email, Members.Password, name, [Roles.Professional]);
            Assert.True(created.Succeeded);
        }

        var id = await server.MemberIdAsync(email);
        await server.QueryAsync(db =>
        {
            var now = server.Clock.GetUtcNow().UtcDateTime;
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, MemberId = id, Status = OrganizationMemberStatus.Verified, CreatedAt = now, VerifiedAt = now });
            return db.SaveChangesAsync();
        });
        return email;
    }
}

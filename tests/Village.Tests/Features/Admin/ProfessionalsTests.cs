using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Accounts;

namespace Village.Tests.Features.Admin;

/// <summary>Administrators verify professionals; nobody else can.</summary>
public sealed class ProfessionalsTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task An_administrator_verifies_a_professional_who_then_gets_the_role_and_an_email()
    {
        var professional = await PendingProfessionalAsync("Claire, sage-femme à Namur");
        using var admin = await factory.StaffAsync(Roles.Administrator);

        var page = await admin.GetAsync("/admin/professionals");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Claire, sage-femme à Namur", page.Text, StringComparison.Ordinal);
        var form = $"form[action*='{await IdOfAsync(professional)}']";
        var verified = await admin.SubmitAsync(page, new Dictionary<string, string> { ["verify"] = "true" }, form);

        Assert.True(verified.Status == HttpStatusCode.Redirect, verified.ToString());
        var member = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(m => m.Email == professional));
        Assert.Equal(ProfessionalStatus.Verified, member.ProfessionalStatus);
        Assert.Contains(Roles.Professional, await RolesOfAsync(member.Id));
        Assert.Contains(await factory.EmailsToAsync(professional), e => e.Subject == TextsFile.Fr("Email.ProfessionalVerified.Subject"));
    }

    [Fact]
    public async Task Refusing_gives_no_role_and_a_hostile_choice_changes_nothing()
    {
        var professional = await PendingProfessionalAsync("Quelqu'un");
        using var admin = await factory.StaffAsync(Roles.Administrator);
        var page = await admin.GetAsync("/admin/professionals");
        var form = $"form[action*='{await IdOfAsync(professional)}']";

        var hostile = await admin.SubmitAsync(page, new Dictionary<string, string> { ["verify"] = "<script>" }, form);
        Assert.Equal(HttpStatusCode.BadRequest, hostile.Status);
        Assert.Equal(ProfessionalStatus.Pending, await StatusOfAsync(professional));

        var refused = await admin.SubmitAsync(page, new Dictionary<string, string> { ["verify"] = "false" }, form);
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal(ProfessionalStatus.Refused, await StatusOfAsync(professional));
        Assert.DoesNotContain(Roles.Professional, await RolesOfAsync(await IdOfAsync(professional)));
    }

    [Fact]
    public async Task Parents_and_strangers_cannot_open_the_verification_page()
    {
        using var parent = factory.NewBrowser();
        await parent.SignedInMemberAsync(factory);
        using var stranger = factory.NewBrowser();

        var asParent = await parent.GetAsync("/admin/professionals");
        var asStranger = await stranger.GetAsync("/admin/professionals");

        Assert.Equal(HttpStatusCode.Redirect, asParent.Status);
        Assert.StartsWith("/account/denied", asParent.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asStranger.Status);
        Assert.StartsWith("/account/signin", asStranger.Location, StringComparison.Ordinal);
    }

    private async Task<string> PendingProfessionalAsync(string details)
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress("pro");
        var fields = AccountSteps.SignUpFields(email);
        fields["Input.IsProfessional"] = "true";
        fields["Input.ProfessionalDetails"] = details;
        var signUp = await browser.FillAsync("/account/signup", fields);
        Assert.True(signUp.Status == HttpStatusCode.Redirect, signUp.ToString());
        await browser.ConfirmAsync(factory, email);
        return email;
    }

    private Task<Guid> IdOfAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    private Task<ProfessionalStatus> StatusOfAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.ProfessionalStatus).SingleAsync());

    private Task<List<string?>> RolesOfAsync(Guid id) =>
        factory.QueryAsync(db => db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToListAsync());
}

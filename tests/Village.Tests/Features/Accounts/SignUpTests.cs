using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Accounts;

namespace Village.Tests.Features.Accounts;

public sealed class SignUpTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task Signing_up_writes_the_member_and_queues_the_confirmation_email()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();

        var page = await browser.SignUpAsync(email, displayName: "Camille B.");

        Assert.True(page.Status == HttpStatusCode.Redirect, page.ToString());
        Assert.Equal("/account/check-email", page.Location);
        var member = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.False(member.EmailConfirmed);
        Assert.Equal(ProfessionalStatus.NotProfessional, member.ProfessionalStatus);
        Assert.Equal("fr", member.PreferredCulture);
        Assert.NotEqual(AccountSteps.Password, member.PasswordHash);
        var profile = await factory.QueryAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.MemberId == member.Id));
        Assert.Equal("Camille B.", profile.DisplayName);
        Assert.False(profile.VisibleNearby);
        Assert.Equal([Roles.Parent], await RolesAsync(email));

        var queued = Assert.Single(await factory.EmailsToAsync(email));
        Assert.Equal(member.Id, queued.MemberId);
        Assert.Null(queued.SentAt);
        Assert.Equal(TextsFile.Fr("Email.ConfirmAddress.Subject"), queued.Subject);
        Assert.Contains($"http://localhost/account/confirm?userId={member.Id}", queued.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/account/confirm?", queued.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_outbox_writes_a_multipart_email_with_text_and_html()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();
        await browser.SignUpAsync(email);

        Assert.True(await factory.SendOutboxAsync() >= 1);

        var sent = Assert.Single(await factory.EmailsToAsync(email));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        var files = Directory.GetFiles(factory.PickupDirectory, "*.eml")
            .Select(File.ReadAllText)
            .Where(f => f.Contains(email, StringComparison.Ordinal))
            .ToList();
        var eml = Assert.Single(files);
        Assert.Contains("multipart/alternative", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Type: text/plain", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Type: text/html", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("bonjour@village.local", eml, StringComparison.Ordinal);

        // Sent once: a second run finds nothing due.
        Assert.Equal(0, await factory.SendOutboxAsync());
    }

    [Fact]
    public async Task Signing_up_twice_with_one_address_gives_the_same_answer()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();
        var first = await browser.SignUpAsync(email, displayName: "Première");

        using var other = factory.NewBrowser();
        var second = await other.SignUpAsync(email.ToUpperInvariant(), "un tout autre mot de passe", "Imposteur");

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Location, second.Location);
        var normalized = email.ToUpperInvariant();
        var members = await factory.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).ToListAsync());
        var member = Assert.Single(members);
        Assert.Equal("Première", await factory.QueryAsync(db => db.Profiles.Where(p => p.MemberId == member.Id).Select(p => p.DisplayName).SingleAsync()));

        var emails = await factory.EmailsToAsync(email);
        Assert.Equal(2, emails.Count);
        Assert.Equal(TextsFile.Fr("Email.AlreadyRegistered.Subject"), emails[1].Subject);
        Assert.Contains("http://localhost/account/signin", emails[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/confirm?", emails[1].TextBody, StringComparison.Ordinal);

        // The impostor's password does not open the account.
        await browser.ConfirmAsync(factory, email);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.SignInAsync(email, "un tout autre mot de passe")).Status);
    }

    [Fact]
    public async Task A_professional_sign_up_waits_for_verification_without_the_professional_role()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress("pro");
        var fields = AccountSteps.SignUpFields(email, displayName: "Dr Martin");
        fields["Input.IsProfessional"] = "true";
        fields["Input.ProfessionalDetails"] = "  Sage-femme, PMI de Namur  ";

        var page = await browser.FillAsync("/account/signup", fields);

        Assert.True(page.Status == HttpStatusCode.Redirect, page.ToString());
        var member = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(ProfessionalStatus.Pending, member.ProfessionalStatus);
        Assert.Equal("Sage-femme, PMI de Namur", member.ProfessionalDetails);
        var roles = await RolesAsync(email);
        Assert.DoesNotContain(Roles.Professional, roles);
        Assert.DoesNotContain(Roles.Administrator, roles);
        Assert.DoesNotContain(Roles.Moderator, roles);
    }

    [Fact]
    public async Task Signing_up_needs_both_agreements_and_a_long_enough_password()
    {
        using var browser = factory.NewBrowser();
        var email = AccountSteps.NewAddress();
        var fields = AccountSteps.SignUpFields(email, password: "court", displayName: "Alex");
        fields["Input.AcceptPrivacy"] = "false";
        fields["Input.AcceptRules"] = "false";

        var page = await browser.FillAsync("/account/signup", fields);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var summary = page.ErrorSummary;
        Assert.NotNull(summary);
        Assert.Contains(TextsFile.Fr("SignUp.AcceptPrivacyRequired"), summary, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("SignUp.AcceptRulesRequired"), summary, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Validation.PasswordLength", TextsFile.Fr("SignUp.Password"), 200, 8), summary, StringComparison.Ordinal);
        Assert.Equal("Alex", page.FieldValue("Input.DisplayName"));
        Assert.Equal(email, page.FieldValue("Input.Email"));
        Assert.True(string.IsNullOrEmpty(page.FieldValue("Input.Password")), "A password is never sent back.");
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Empty(await factory.EmailsToAsync(email));
    }

    private async Task<List<string>> RolesAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var members = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = await members.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No member {email}.");
        return [.. await members.GetRolesAsync(member)];
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;

namespace Village.Tests.Features.Communities;

/// <summary>Asking for a community, opening it, finding it nearby, joining and leaving.</summary>
public sealed class CommunitiesTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    [Fact]
    public async Task A_parent_asks_a_moderator_opens_and_a_neighbour_finds_and_joins_in_one_tap()
    {
        using var asker = factory.NewBrowser();
        var askerEmail = await ParentInNamurAsync(asker, "Camille");
        var name = $"Parents de Jambes {Guid.NewGuid():N}"[..30];

        var asked = await asker.FillAsync("/communities/new", RequestFields(name));

        Assert.True(asked.Status == HttpStatusCode.Redirect, asked.ToString());
        var slug = asked.Location!.Split('/')[^1];
        var community = await CommunityAsync(slug);
        Assert.Equal(CommunityStatus.Pending, community.Status);
        Assert.Equal("Namur", community.TownName);

        using var neighbour = factory.NewBrowser();
        await ParentInNamurAsync(neighbour, "Youssef");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/communities/{slug}")).Status);
        Assert.DoesNotContain(name, (await neighbour.GetAsync("/communities")).Text, StringComparison.Ordinal);

        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var queue = await moderator.GetAsync("/moderation/communities");
        Assert.Contains(name, queue.Text, StringComparison.Ordinal);
        var opened = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["approve"] = "true" }, $"form[action*='{community.Id}']");
        Assert.True(opened.Status == HttpStatusCode.Redirect, opened.ToString());

        Assert.Equal(CommunityRole.Admin, await RoleAsync(community.Id, askerEmail));
        Assert.Contains(await factory.EmailsToAsync(askerEmail), e => e.Subject == TextsFile.Fr("Email.CommunityApproved.Subject"));

        var home = await neighbour.GetAsync("/");
        Assert.Contains(name, home.Text, StringComparison.Ordinal);
        var joined = await neighbour.SubmitAsync(home, new Dictionary<string, string>(), $"form[action='/communities/{slug}?handler=Join']");
        Assert.True(joined.Status == HttpStatusCode.Redirect, joined.ToString());
        var page = await neighbour.GetAsync($"/communities/{slug}");
        Assert.Contains(TextsFile.Fr("Community.YouAreMember"), page.Text, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("Community.MemberCount.Other", 2), page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_needs_a_word_that_the_asker_reads()
    {
        using var asker = factory.NewBrowser();
        var askerEmail = await ParentInNamurAsync(asker, "Sofia");
        var asked = await asker.FillAsync("/communities/new", RequestFields("Un groupe en double", CommunityKind.Themed));
        var slug = asked.Location!.Split('/')[^1];
        var community = await CommunityAsync(slug);
        using var moderator = await factory.StaffAsync(Roles.Moderator);
        var queue = await moderator.GetAsync("/moderation/communities");
        var form = $"form[action*='{community.Id}']";

        var withoutNote = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["approve"] = "false" }, form);
        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.Status);
        Assert.Contains(TextsFile.Fr("Moderation.DeclineNeedsNote"), withoutNote.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(CommunityStatus.Pending, (await CommunityAsync(slug)).Status);

        var declined = await moderator.SubmitAsync(queue, new Dictionary<string, string> { ["approve"] = "false", ["Note"] = "Papas ensemble existe déjà : rejoignez-la !" }, form);
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        var page = await asker.GetAsync($"/communities/{slug}");
        Assert.Contains("Papas ensemble existe déjà : rejoignez-la !", page.Text, StringComparison.Ordinal);
        Assert.Contains(await factory.EmailsToAsync(askerEmail), e => e.Subject == TextsFile.Fr("Email.CommunityDeclined.Subject"));
        Assert.Null(await RoleAsync(community.Id, askerEmail));
    }

    [Fact]
    public async Task Parents_cannot_moderate_and_strangers_cannot_join()
    {
        using var parent = factory.NewBrowser();
        await ParentInNamurAsync(parent, "Thomas");
        var slug = await OpenCommunityAsync();
        using var stranger = factory.NewBrowser();

        var queue = await parent.GetAsync("/moderation/communities");
        var forged = await parent.PostAsync(
            $"/moderation/communities?id={(await CommunityAsync(slug)).Id}",
            [new(Browser.AntiforgeryField, (await parent.GetAsync("/account/settings")).AntiforgeryToken), new("approve", "false"), new("Note", "non")]);
        var page = await stranger.GetAsync($"/communities/{slug}");
        var join = await stranger.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Join']");

        Assert.Equal(HttpStatusCode.Redirect, queue.Status);
        Assert.StartsWith("/account/denied", queue.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forged.Status);
        Assert.Equal(CommunityStatus.Approved, (await CommunityAsync(slug)).Status);
        Assert.Equal(HttpStatusCode.Redirect, join.Status);
        Assert.StartsWith("/account/signin", join.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_admin_stays_while_others_are_members_and_a_member_can_leave()
    {
        using var admin = factory.NewBrowser();
        var adminEmail = await ParentInNamurAsync(admin, "Léa");
        var slug = await OpenCommunityAsync(adminEmail);
        using var member = factory.NewBrowser();
        var memberEmail = await ParentInNamurAsync(member, "Aminata");
        var page = await member.GetAsync($"/communities/{slug}");
        await member.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Join']");
        var again = await member.PostAsync($"/communities/{slug}?handler=Join", [new(Browser.AntiforgeryField, (await member.GetAsync("/account/settings")).AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var id = (await CommunityAsync(slug)).Id;
        Assert.Equal(2, await factory.QueryAsync(db => db.CommunityMembers.CountAsync(m => m.CommunityId == id)));

        var adminPage = await admin.GetAsync($"/communities/{slug}");
        var refused = await admin.SubmitAsync(adminPage, new Dictionary<string, string>(), "form[action*='handler=Leave']", followRedirects: true);
        Assert.Equal(CommunityRole.Admin, await RoleAsync(id, adminEmail));
        Assert.Equal(TextsFile.Fr("Community.LastAdmin"), refused.Document.QuerySelector("main .success")?.TextContent.Trim());

        var memberPage = await member.GetAsync($"/communities/{slug}");
        await member.SubmitAsync(memberPage, new Dictionary<string, string>(), "form[action*='handler=Leave']");
        Assert.Null(await RoleAsync(id, memberEmail));
    }

    public static TheoryData<string, string, string> HostileRequests => new()
    {
        { "Input.Name", "<script>alert(1)</script>", "" },
        { "Input.Description", new string('x', 100 * 1024), "Validation.LengthBetween" },
        { "Input.Kind", "banana", "Validation.Invalid" },
        { "Input.RadiusKm", "7", "Validation.InvalidValue" },
        { "Input.TownChoice", "'; DROP TABLE \"Communities\";--", "Profile.TownNotFound" },
        { "Input.Theme", "99", "Validation.InvalidValue" },
    };

    [Theory]
    [MemberData(nameof(HostileRequests))]
    public async Task A_hostile_request_is_refused_in_French_or_stored_as_plain_text(string field, string value, string messageKey)
    {
        using var parent = factory.NewBrowser();
        await ParentInNamurAsync(parent, "Nath");
        var fields = RequestFields("Parents de Bouge");
        fields[field] = value;

        var page = await parent.FillAsync("/communities/new", fields);

        Assert.True((int)page.Status < 500, page.ToString());
        if (messageKey.Length == 0)
        {
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            var shown = await parent.GetAsync(page.Location!);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", shown.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)</script>", shown.Text, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(TextsFile.French[messageKey].Split('{')[0], page.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal("Parents de Bouge", page.FieldValue("Input.Name"));
    }

    [Fact]
    public async Task A_parent_has_at_most_three_requests_waiting()
    {
        using var parent = factory.NewBrowser();
        await ParentInNamurAsync(parent, "Pressé");
        for (var i = 0; i < RequestModel.MaxPending; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await parent.FillAsync("/communities/new", RequestFields($"Groupe numéro {i}", CommunityKind.Themed))).Status);
        }

        var fourth = await parent.FillAsync("/communities/new", RequestFields("Groupe de trop", CommunityKind.Themed));

        Assert.Equal(HttpStatusCode.BadRequest, fourth.Status);
        Assert.Contains(TextsFile.Fr("CommunityRequest.TooMany", RequestModel.MaxPending), fourth.ErrorSummary, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> RequestFields(string name, CommunityKind kind = CommunityKind.Local) => new()
    {
        ["Input.Name"] = name,
        ["Input.Description"] = "Pour les parents du quartier qui veulent se rencontrer et s'entraider.",
        ["Input.Kind"] = kind.ToString(),
        ["Input.TownQuery"] = kind == CommunityKind.Local ? "Namur (BE)" : "",
        ["Input.RadiusKm"] = "10",
        ["Input.Theme"] = kind == CommunityKind.Themed ? "Fathers" : "",
    };

    private async Task<string> ParentInNamurAsync(Browser browser, string name)
    {
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        var saved = await browser.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = "Namur (BE)" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        return email;
    }

    /// <summary>A community already approved, with an admin when one is given.</summary>
    private async Task<string> OpenCommunityAsync(string? adminEmail = null)
    {
        var slug = $"ouverte-{Guid.NewGuid():N}";
        await factory.QueryAsync(async db =>
        {
            var community = new Community
            {
                Id = Guid.CreateVersion7(),
                Slug = slug,
                Name = "Communauté ouverte",
                Description = "Une communauté déjà ouverte pour les tests.",
                Kind = CommunityKind.Themed,
                Theme = CommunityTheme.Other,
                Status = CommunityStatus.Approved,
                CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
            };
            db.Communities.Add(community);
            if (adminEmail is not null)
            {
                var adminId = await db.Users.Where(m => m.Email == adminEmail).Select(m => m.Id).SingleAsync();
                db.CommunityMembers.Add(new CommunityMember { CommunityId = community.Id, MemberId = adminId, Role = CommunityRole.Admin, JoinedAt = community.CreatedAt });
            }

            return await db.SaveChangesAsync();
        });
        return slug;
    }

    private Task<Community> CommunityAsync(string slug) =>
        factory.QueryAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug));

    private Task<CommunityRole?> RoleAsync(Guid communityId, string email) =>
        factory.QueryAsync(db => db.CommunityMembers
            .Where(m => m.CommunityId == communityId && db.Users.Any(u => u.Id == m.MemberId && u.Email == email))
            .Select(m => (CommunityRole?)m.Role)
            .SingleOrDefaultAsync());
}

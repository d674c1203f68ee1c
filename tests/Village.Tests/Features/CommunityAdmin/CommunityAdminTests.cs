using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;
using Village.Web.Features.CommunityAdmin;
using Village.Web.Features.Posts;

namespace Village.Tests.Features.CommunityAdmin;

/// <summary>The admin console: who may open it, settings, roster, rota, handover notes and reply templates; and
/// everything members, strangers and other communities' admins may not do there.</summary>
public sealed class CommunityAdminTests(VillageFactory factory) : IClassFixture<VillageFactory>
{
    private static readonly string[] Sections = ["", "/settings", "/members", "/templates"];

    [Fact]
    public async Task Only_the_communitys_admins_and_platform_administrators_open_the_console()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (admin, _) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var (member, _) = await factory.InCommunityAsync(id, "Youssef", CommunityRole.Member);
        var (stranger, _) = await factory.ParentAsync("Dehors");
        using var platform = await factory.StaffAsync(Roles.Administrator);
        using var visitor = factory.NewBrowser();

        foreach (var section in Sections)
        {
            var url = $"/communities/{slug}/admin{section}";
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(url)).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/communities/nowhere/admin")).Status);
        var adminLink = $"main nav a[href='/communities/{slug}/admin']";
        Assert.NotNull((await admin.GetAsync($"/communities/{slug}")).Document.QuerySelector(adminLink));
        Assert.Null((await member.GetAsync($"/communities/{slug}")).Document.QuerySelector(adminLink));

        // A member posting to the console's forms finds nothing and changes nothing.
        var settings = await member.PostHandlerAsync($"/communities/{slug}/admin/settings", "",
            ("Input.Description", "Une description changée par un simple membre."), ("Input.OpenToParentsNearby", "true"));
        Assert.Equal(HttpStatusCode.NotFound, settings.Status);
        var note = await member.PostHandlerAsync($"/communities/{slug}/admin", "Note", ("Note.Body", "Coucou"));
        Assert.Equal(HttpStatusCode.NotFound, note.Status);
        Assert.False((await factory.QueryAsync(db => db.Communities.SingleAsync(c => c.Id == id))).OpenToParentsNearby);
        Assert.False(await factory.QueryAsync(db => db.HandoverNotes.AnyAsync(n => n.CommunityId == id)));
        admin.Dispose();
        member.Dispose();
        stranger.Dispose();
    }

    [Fact]
    public async Task Opening_the_community_to_parents_nearby_lets_a_neighbour_read_and_not_a_far_parent()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (admin, adminId) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        await factory.QueryAsync(db =>
        {
            var post = new Post { Id = Guid.CreateVersion7(), CommunityId = id, AuthorId = adminId, CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime };
            new PostInput { Kind = PostKind.Tip, Title = "Lecture au parc mercredi", Body = "Venez !" }.CopyTo(post);
            db.Posts.Add(post);
            return db.SaveChangesAsync();
        });
        var (neighbour, _) = await factory.ParentAsync("Sofia", "Namur (BE)");
        var (far, _) = await factory.ParentAsync("Léa", "Lille");
        Assert.DoesNotContain("Lecture au parc mercredi", (await neighbour.GetAsync($"/communities/{slug}")).Text, StringComparison.Ordinal);

        var saved = await admin.FillAsync($"/communities/{slug}/admin/settings", new Dictionary<string, string> { ["Input.OpenToParentsNearby"] = "true" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ErrorSummary + saved.ToString());

        Assert.Contains("Lecture au parc mercredi", (await neighbour.GetAsync($"/communities/{slug}")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lecture au parc mercredi", (await far.GetAsync($"/communities/{slug}")).Text, StringComparison.Ordinal);
        var settings = await admin.GetAsync($"/communities/{slug}/admin/settings");
        Assert.True(settings.Document.QuerySelector("#Input_OpenToParentsNearby")!.HasAttribute("checked"));

        // Unticking (the box is then not sent at all) closes it again.
        var closed = await admin.PostHandlerAsync($"/communities/{slug}/admin/settings", "", ("Input.Description", "Une communauté pour tester les outils des admins."));
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.DoesNotContain("Lecture au parc mercredi", (await neighbour.GetAsync($"/communities/{slug}")).Text, StringComparison.Ordinal);
        admin.Dispose();
        neighbour.Dispose();
        far.Dispose();
    }

    [Fact]
    public async Task Admins_make_others_admin_and_step_down_but_never_leave_the_community_without_one()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (first, firstId) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var (second, secondId) = await factory.InCommunityAsync(id, "Youssef", CommunityRole.Member);
        var roster = $"/communities/{slug}/admin/members";

        var alone = await first.PostHandlerAsync(roster, "Demote", ("memberId", firstId.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, alone.Status);
        Assert.Contains(TextsFile.Fr("CommunityAdmin.LastAdmin"), (await first.GetAsync(alone.Location!)).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CommunityRole.Admin, (await factory.MembershipAsync(id, firstId)).Role);

        var page = await first.GetAsync(roster);
        Assert.Contains("Youssef", page.Text, StringComparison.Ordinal);
        var promoted = await first.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='handler=Promote']:has(input[value='{secondId}'])");
        Assert.True(promoted.Status == HttpStatusCode.Redirect, promoted.ToString());
        Assert.Equal(CommunityRole.Admin, (await factory.MembershipAsync(id, secondId)).Role);

        var steppedDown = await first.SubmitAsync(await first.GetAsync(roster), new Dictionary<string, string>(), $"form[action*='handler=Demote']:has(input[value='{firstId}'])");
        Assert.Equal($"/communities/{slug}", steppedDown.Location);
        Assert.Equal(CommunityRole.Member, (await factory.MembershipAsync(id, firstId)).Role);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync(roster)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await first.PostHandlerAsync(roster, "Promote", ("memberId", firstId.ToString()))).Status);

        // Now the last admin, the second cannot step down either, and sees why instead of a button.
        var last = await second.GetAsync(roster);
        Assert.Null(last.Document.QuerySelector("form[action*='handler=Demote']"));
        Assert.Contains(TextsFile.Fr("CommunityAdmin.OnlyAdmin"), last.Document.Body!.TextContent, StringComparison.Ordinal);
        await second.PostHandlerAsync(roster, "Demote", ("memberId", secondId.ToString()));
        Assert.Equal(CommunityRole.Admin, (await factory.MembershipAsync(id, secondId)).Role);
        var leave = await second.SubmitAsync(await second.GetAsync($"/communities/{slug}"), new Dictionary<string, string>(), "form[action*='handler=Leave']");
        Assert.Equal(HttpStatusCode.Redirect, leave.Status);
        Assert.Equal(CommunityRole.Admin, (await factory.MembershipAsync(id, secondId)).Role);
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task The_roster_finds_members_by_name_and_pages_through_a_large_community()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (admin, _) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        await factory.QueryAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            for (var i = 0; i < MembersModel.PageSize + 5; i++)
            {
                var member = new Member { Id = Guid.CreateVersion7(), UserName = $"roster-{Guid.NewGuid():N}", CreatedAt = now };
                db.Users.Add(member);
                db.Profiles.Add(new Village.Web.Features.Profiles.ParentProfile { MemberId = member.Id, DisplayName = $"Parent {i:00}", UpdatedAt = now });
                db.CommunityMembers.Add(new CommunityMember { CommunityId = id, MemberId = member.Id, JoinedAt = now });
            }

            return await db.SaveChangesAsync();
        });

        var first = await admin.GetAsync($"/communities/{slug}/admin/members");
        var second = await admin.GetAsync($"/communities/{slug}/admin/members?p=2");
        var found = await admin.GetAsync($"/communities/{slug}/admin/members?q=parent%2007");
        var wrong = await admin.GetAsync($"/communities/{slug}/admin/members?p=0");

        Assert.Equal(MembersModel.PageSize, first.Document.QuerySelectorAll("main .cards > li").Length);
        Assert.Equal("Camille", first.Document.QuerySelector("main .cards > li h2")?.TextContent);
        Assert.Equal(6, second.Document.QuerySelectorAll("main .cards > li").Length);
        Assert.Single(found.Document.QuerySelectorAll("main .cards > li"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        admin.Dispose();
    }

    [Fact]
    public async Task An_admin_off_duty_is_left_out_of_the_rota_and_nobody_scheduled_means_every_admin_available()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (resting, restingId) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var (working, workingId) = await factory.InCommunityAsync(id, "Youssef", CommunityRole.Admin);
        DateOnly today;
        using (var scope = factory.Services.CreateScope())
        {
            today = scope.ServiceProvider.GetRequiredService<AdminRota>().Today();
        }

        var console = $"/communities/{slug}/admin";

        var everyDay = DutyDaysExtensions.Week.Select(d => ("Rota.Days", d.ToString())).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await resting.PostHandlerAsync(console, "Rota", everyDay)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await working.PostHandlerAsync(console, "Rota", ("Rota.Days", today.DayOfWeek.ToDutyDay().ToString()))).Status);
        Assert.Equal(
            [restingId, workingId],
            (await OnDutyAsync(id, today)).Order());

        var back = today.AddDays(3);
        var off = await resting.FillAsync(console, new Dictionary<string, string> { ["Rota.OffDuty"] = "true", ["Rota.OffDutyUntil"] = back.ToString("yyyy-MM-dd") }, "form[action*='handler=Rota']");
        Assert.True(off.Status == HttpStatusCode.Redirect, off.ToString());
        var membership = await factory.MembershipAsync(id, restingId);
        Assert.True(membership.OffDuty);
        Assert.Equal(DutyDays.Monday | DutyDays.Tuesday | DutyDays.Wednesday | DutyDays.Thursday | DutyDays.Friday | DutyDays.Saturday | DutyDays.Sunday, membership.DutyDays);

        Assert.Equal([workingId], await OnDutyAsync(id, today));
        // Tomorrow nobody available is scheduled: every admin not off duty is told.
        Assert.Equal([workingId], await OnDutyAsync(id, today.AddDays(1)));
        Assert.Contains(restingId, await OnDutyAsync(id, back));
        var page = await working.GetAsync(console);
        Assert.Contains("Youssef", page.Document.QuerySelector("main section strong")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(TextsFile.Fr("CommunityAdmin.OffDutyUntilDate", back.ToString("d", new System.Globalization.CultureInfo("fr"))), page.Document.Body!.TextContent, StringComparison.Ordinal);

        // Off duty with no return date: out of every day's rota, even when nobody else is scheduled.
        await resting.FillAsync(console, new Dictionary<string, string> { ["Rota.OffDuty"] = "true", ["Rota.OffDutyUntil"] = "" }, "form[action*='handler=Rota']");
        await working.FillAsync(console, new Dictionary<string, string> { ["Rota.OffDuty"] = "true" }, "form[action*='handler=Rota']");
        Assert.Empty(await OnDutyAsync(id, today.AddDays(30)));
        Assert.Contains(TextsFile.Fr("CommunityAdmin.NobodyAvailable"), (await working.GetAsync(console)).Document.Body!.TextContent, StringComparison.Ordinal);

        var wrong = await resting.FillAsync(console, new Dictionary<string, string> { ["Rota.OffDuty"] = "true", ["Rota.OffDutyUntil"] = today.AddDays(-1).ToString("yyyy-MM-dd") }, "form[action*='handler=Rota']");
        var nonsense = await resting.PostHandlerAsync(console, "Rota", ("Rota.Days", "Caturday"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains(TextsFile.Fr("CommunityAdmin.ReturnDateInvalid"), wrong.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.Status);
        resting.Dispose();
        working.Dispose();
    }

    [Fact]
    public async Task Handover_notes_are_signed_newest_first_and_only_their_author_deletes_them()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (camille, _) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var (youssef, _) = await factory.InCommunityAsync(id, "Youssef", CommunityRole.Admin);
        var (otherSlug, otherId) = await factory.CommunityAsync("Ailleurs");
        var (elsewhere, _) = await factory.InCommunityAsync(otherId, "Léa", CommunityRole.Admin);
        var console = $"/communities/{slug}/admin";

        await camille.FillAsync(console, new Dictionary<string, string> { ["Note.Body"] = "Le local est réservé samedi." }, "form[action*='handler=Note']");
        await youssef.FillAsync(console, new Dictionary<string, string> { ["Note.Body"] = "Sarah s'occupe du troc de samedi." }, "form[action*='handler=Note']");

        var page = await youssef.GetAsync(console);
        var notes = page.Document.QuerySelectorAll("main .notes > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains("Sarah s'occupe du troc de samedi.", notes[0], StringComparison.Ordinal);
        Assert.Contains("Youssef", notes[0], StringComparison.Ordinal);
        Assert.Contains("Camille", notes[1], StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("form[action*='handler=DeleteNote']"));

        var camillesNote = await factory.QueryAsync(db => db.HandoverNotes.Where(n => n.Body == "Le local est réservé samedi.").Select(n => n.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await youssef.PostHandlerAsync(console, "DeleteNote", ("noteId", camillesNote.ToString()))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostHandlerAsync(console, "DeleteNote", ("noteId", camillesNote.ToString()))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostHandlerAsync($"/communities/{otherSlug}/admin", "DeleteNote", ("noteId", camillesNote.ToString()))).Status);
        Assert.DoesNotContain("Le local est réservé", (await elsewhere.GetAsync($"/communities/{otherSlug}/admin")).Text, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.HandoverNotes.AnyAsync(n => n.Id == camillesNote)));

        var deleted = await camille.SubmitAsync(await camille.GetAsync(console), new Dictionary<string, string>(), "form[action*='handler=DeleteNote']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.False(await factory.QueryAsync(db => db.HandoverNotes.AnyAsync(n => n.Id == camillesNote)));

        var empty = await camille.FillAsync(console, new Dictionary<string, string> { ["Note.Body"] = "  " }, "form[action*='handler=Note']");
        var huge = await camille.FillAsync(console, new Dictionary<string, string> { ["Note.Body"] = new string('é', 100 * 1024) }, "form[action*='handler=Note']");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        Assert.Contains(TextsFile.French["Validation.MaxLength"].Split('{')[0], huge.ErrorSummary, StringComparison.Ordinal);
        camille.Dispose();
        youssef.Dispose();
        elsewhere.Dispose();
    }

    [Fact]
    public async Task Reply_templates_are_written_edited_and_deleted_by_admins_and_stay_in_their_community()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (admin, _) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var (otherSlug, otherId) = await factory.CommunityAsync("Ailleurs");
        var (elsewhere, _) = await factory.InCommunityAsync(otherId, "Léa", CommunityRole.Admin);
        var templates = $"/communities/{slug}/admin/templates";

        var created = await admin.FillAsync(templates, new Dictionary<string, string> { ["Input.Title"] = "Post retiré : publicité", ["Input.Body"] = "Bonjour, nous avons retiré votre annonce." });
        Assert.True(created.Status == HttpStatusCode.Redirect, created.ToString());
        var template = await factory.QueryAsync(db => db.ReplyTemplates.SingleAsync(r => r.CommunityId == id));

        var editing = await admin.GetAsync($"{templates}?edit={template.Id}");
        Assert.Equal("Post retiré : publicité", editing.FieldValue("Input.Title"));
        var edited = await admin.SubmitAsync(editing, new Dictionary<string, string> { ["Input.Body"] = "Bonjour, votre annonce a été retirée : pas de publicité ici." }, "#template-form form");
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        using (var scope = factory.Services.CreateScope())
        {
            var listed = await scope.ServiceProvider.GetRequiredService<ReplyTemplates>().ForCommunityAsync(id);
            Assert.Equal("Bonjour, votre annonce a été retirée : pas de publicité ici.", Assert.Single(listed).Body);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ReplyTemplates>().FindAsync(otherId, template.Id));
        }

        // Another community's admin: not with the id in their own console, nor in this one.
        var otherTemplates = $"/communities/{otherSlug}/admin/templates";
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"{otherTemplates}?edit={template.Id}")).Status);
        var token = (await elsewhere.GetAsync(otherTemplates)).AntiforgeryToken;
        var hijack = await elsewhere.PostAsync(otherTemplates, [new(Browser.AntiforgeryField, token), new("Input.Id", template.Id.ToString()), new("Input.Title", "Volé"), new("Input.Body", "Volé")]);
        Assert.Equal(HttpStatusCode.NotFound, hijack.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostHandlerAsync(otherTemplates, "Delete", ("id", template.Id.ToString()))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostHandlerAsync(templates, "Delete", ("id", template.Id.ToString()))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(templates)).Status);
        Assert.Equal("Post retiré : publicité", (await factory.QueryAsync(db => db.ReplyTemplates.SingleAsync(r => r.Id == template.Id))).Title);

        var wrong = await admin.FillAsync(templates, new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Body"] = "Un texte sans titre." }, "#template-form form");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Un texte sans titre.", wrong.FieldValue("Input.Body"));

        var deleted = await admin.SubmitAsync(await admin.GetAsync(templates), new Dictionary<string, string>(), "form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.False(await factory.QueryAsync(db => db.ReplyTemplates.AnyAsync(r => r.CommunityId == id)));
        admin.Dispose();
        elsewhere.Dispose();
    }

    [Fact]
    public async Task The_communitys_rules_are_on_the_join_card_and_joining_says_so()
    {
        var (slug, id) = await factory.CommunityAsync();
        var (admin, _) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var rules = "Pas de publicité.\nLes premières rencontres dans un lieu public.";
        var saved = await admin.FillAsync($"/communities/{slug}/admin/settings", new Dictionary<string, string> { ["Input.Rules"] = rules });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        var (parent, parentId) = await factory.ParentAsync("Sofia");

        var page = await parent.GetAsync($"/communities/{slug}");
        var card = page.Document.QuerySelector("section[aria-labelledby='join-title']")!;
        Assert.Equal(rules, card.QuerySelector(".community-rules")?.TextContent);
        Assert.NotNull(card.QuerySelector("a[href='/rules']"));
        var button = card.QuerySelector("form[action*='handler=Join'] button")!;
        Assert.Equal(TextsFile.Fr("CommunityAdmin.AcceptAndJoin"), button.TextContent);
        var joined = await parent.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Join']");
        Assert.Equal(HttpStatusCode.Redirect, joined.Status);
        Assert.Equal(CommunityRole.Member, (await factory.MembershipAsync(id, parentId)).Role);
        admin.Dispose();
        parent.Dispose();
    }

    public static TheoryData<string> HostileTexts => new()
    {
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "'; DROP TABLE \"Communities\"; --",
        "\u202Eevil\u200Btext \uD83D\uDC76 \u0301\uFEFF",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Hostile_text_in_every_console_form_is_stored_and_shown_as_text(string hostile)
    {
        var (slug, id) = await factory.CommunityAsync();
        var (admin, _) = await factory.InCommunityAsync(id, "Camille", CommunityRole.Admin);
        var expected = hostile;
        var settings = await admin.FillAsync($"/communities/{slug}/admin/settings", new Dictionary<string, string>
        {
            ["Input.Description"] = "Description : " + expected,
            ["Input.Rules"] = "Règle : " + expected,
        });
        var note = await admin.FillAsync($"/communities/{slug}/admin", new Dictionary<string, string> { ["Note.Body"] = "Note : " + expected }, "form[action*='handler=Note']");
        var template = await admin.FillAsync($"/communities/{slug}/admin/templates", new Dictionary<string, string> { ["Input.Title"] = "Titre " + expected[..Math.Min(expected.Length, 60)], ["Input.Body"] = "Texte : " + expected });

        foreach (var saved in new[] { settings, note, template })
        {
            Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        }

        var (visitor, _) = await factory.ParentAsync("Sofia");
        var pages = new[]
        {
            await visitor.GetAsync($"/communities/{slug}"),
            await admin.GetAsync($"/communities/{slug}/admin"),
            await admin.GetAsync($"/communities/{slug}/admin/templates"),
            await admin.GetAsync($"/communities/{slug}/admin/settings"),
        };
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Empty(page.Document.QuerySelectorAll("main script, main img"));
            Assert.Contains(expected, page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        admin.Dispose();
        visitor.Dispose();
    }

    private async Task<List<Guid>> OnDutyAsync(Guid communityId, DateOnly date)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AdminRota>().OnDutyAsync(communityId, date)).Select(a => a.MemberId).ToList();
    }
}

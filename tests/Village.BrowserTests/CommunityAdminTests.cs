using Village.BrowserTests.Support;
using Village.Web.Features.Communities;
using Village.Web.Features.Posts;

namespace Village.BrowserTests;

/// <summary>A parent reports a post; the community's admin writes a reply template, hides the post with it from the
/// moderation queue and finds the decision in the log; on the way, every admin page passes the accessibility check.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommunityAdminTests(BrowserApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task An_admin_hides_a_reported_post_with_a_reply_template_and_the_admin_pages_are_accessible()
    {
        await using var journey = new Journey(app, output, "admin");
        var server = journey.Server;
        var slug = $"entraide-{Guid.NewGuid():N}"[..20];
        await server.OpenCommunityAsync(slug, "Entraide des parents", "Questions, bons plans et coups de main entre parents.");
        var adminEmail = Members.NewAddress("admin");
        var readerEmail = Members.NewAddress("reader");
        var admin = await server.CreateConfirmedParentAsync(adminEmail, "Camille");
        var author = await server.CreateConfirmedParentAsync(Members.NewAddress("author"), "Vendeur");
        var reader = await server.CreateConfirmedParentAsync(readerEmail, "Léa");
        var postId = Guid.CreateVersion7();
        await server.QueryAsync(db =>
        {
            var community = db.Communities.Single(c => c.Slug == slug);
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            db.CommunityMembers.AddRange(
                new CommunityMember { CommunityId = community.Id, MemberId = admin, Role = CommunityRole.Admin, JoinedAt = now },
                new CommunityMember { CommunityId = community.Id, MemberId = author, Role = CommunityRole.Member, JoinedAt = now },
                new CommunityMember { CommunityId = community.Id, MemberId = reader, Role = CommunityRole.Member, JoinedAt = now });
            db.Posts.Add(new Post
            {
                Id = postId,
                CommunityId = community.Id,
                AuthorId = author,
                Kind = PostKind.Tip,
                Title = "Promo sur les couches",
                Body = "Code promo sur ma boutique en ligne !",
                SearchText = "promo sur les couches",
                CreatedAt = now,
            });
            return db.SaveChangesAsync();
        });

        var page = await journey.NewPageAsync();
        await Members.SignInAsync(page, readerEmail);
        await page.GotoAsync($"/communities/{slug}/posts/{postId}");
        await Members.ClickAndWaitForLoadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Signaler", Exact = true }).First);
        await journey.CheckAsync(page, "report");
        await page.GetByLabel("Spam ou publicité").CheckAsync();
        await Members.SubmitAsync(page, "Envoyer le signalement");
        await Assertions.Expect(page.Locator(".success[role=status]")).ToBeVisibleAsync();
        await page.GotoAsync("/blocks");
        await journey.CheckAsync(page, "blocks");

        var camille = await journey.NewPageAsync();
        await Members.SignInAsync(camille, adminEmail);
        await camille.GotoAsync($"/communities/{slug}");
        await Members.ClickAndWaitForLoadAsync(camille, camille.GetByRole(AriaRole.Link, new() { Name = "Espace admin", Exact = true }));
        await journey.CheckAsync(camille, "admin-today");
        foreach (var section in new[] { "Réglages", "Admins et membres" })
        {
            await Members.ClickAndWaitForLoadAsync(camille, camille.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }));
            await journey.CheckAsync(camille, $"admin-{section}");
        }

        await Members.ClickAndWaitForLoadAsync(camille, camille.GetByRole(AriaRole.Link, new() { Name = "Modèles de réponse", Exact = true }));
        await camille.GetByLabel("Titre", new() { Exact = true }).FillAsync("Publicité");
        await camille.GetByLabel("Texte", new() { Exact = true }).FillAsync("Nous avons masqué ce message : la communauté n'est pas un lieu de publicité.");
        await Members.SubmitAsync(camille, "Enregistrer le modèle");
        await journey.CheckAsync(camille, "admin-templates");

        await Members.ClickAndWaitForLoadAsync(camille, camille.GetByRole(AriaRole.Link, new() { Name = "Modération", Exact = true }));
        await journey.CheckAsync(camille, "moderation-queue");
        var report = camille.Locator("li.report").Filter(new() { HasText = "Promo sur les couches" });
        await report.GetByLabel("Réponse toute prête").SelectOptionAsync(new SelectOptionValue { Label = "Publicité" });
        await Members.ClickAndWaitForLoadAsync(camille, report.GetByRole(AriaRole.Button, new() { Name = "Masquer", Exact = true }));
        await Assertions.Expect(camille.Locator(".success[role=status]")).ToContainTextAsync("journal de modération");
        await Members.ClickAndWaitForLoadAsync(camille, camille.GetByRole(AriaRole.Link, new() { Name = "Journal de modération" }));
        await Assertions.Expect(camille.Locator("main")).ToContainTextAsync("la communauté n'est pas un lieu de publicité");
        await journey.CheckAsync(camille, "moderation-log");

        await camille.GotoAsync($"/communities/{slug}/newsletter");
        await journey.CheckAsync(camille, "newsletter");
        await page.GotoAsync($"/communities/{slug}");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Promo sur les couches");
        journey.AssertClean();
    }
}

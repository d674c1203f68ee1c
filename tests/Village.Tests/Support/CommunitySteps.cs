using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Web.Features.Communities;

namespace Village.Tests.Support;

/// <summary>A themed community of its own for a test, and members (or admins) of it signed in on browsers.</summary>
public static class CommunitySteps
{
    public static async Task<string> NewCommunityAsync(this VillageFactory factory, string prefix = "outils")
    {
        var community = new Community
        {
            Id = Guid.CreateVersion7(),
            Slug = $"{prefix}-{Guid.NewGuid():N}",
            Name = "Parents testeurs",
            Description = "Une communauté pour les tests des outils de la communauté.",
            Kind = CommunityKind.Themed,
            Theme = CommunityTheme.Other,
            Status = CommunityStatus.Approved,
            CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        await factory.QueryAsync(db =>
        {
            db.Communities.Add(community);
            return db.SaveChangesAsync();
        });
        return community.Slug;
    }

    /// <summary>A new member who joined the community through its page (and became admin when asked).</summary>
    public static async Task<Browser> MemberOfAsync(this VillageFactory factory, string slug, string name, CommunityRole role = CommunityRole.Member)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        var page = await browser.GetAsync($"/communities/{slug}");
        var joined = await browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Join']");
        Assert.True(joined.Status == HttpStatusCode.Redirect, joined.ToString());
        if (role == CommunityRole.Admin)
        {
            await factory.QueryAsync(db => db.CommunityMembers
                .Where(m => db.Communities.Any(c => c.Id == m.CommunityId && c.Slug == slug) && db.Users.Any(u => u.Id == m.MemberId && u.Email == email))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, CommunityRole.Admin)));
        }

        return browser;
    }

    /// <summary>A signed-in member of no community.</summary>
    public static async Task<Browser> OutsiderAsync(this VillageFactory factory)
    {
        var browser = factory.NewBrowser();
        await browser.SignedInMemberAsync(factory, displayName: "Dehors");
        return browser;
    }

    /// <summary>Posts a form's handler by hand with a token from a page the browser may read.</summary>
    public static async Task<WebPage> PostHandlerAsync(this Browser browser, string url, string handler, string token, params (string Name, string Value)[] fields)
    {
        var values = new List<KeyValuePair<string, string>> { new(Browser.AntiforgeryField, token) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await browser.PostAsync($"{url}{separator}handler={handler}", values);
    }

    /// <summary>The visible text of the page's main content.</summary>
    public static string MainText(this WebPage page) => page.Document.QuerySelector("main")?.TextContent ?? "";
}

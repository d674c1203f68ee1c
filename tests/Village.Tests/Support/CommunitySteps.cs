using System.Net;
using Microsoft.EntityFrameworkCore;
using Village.Web.Features.Communities;

namespace Village.Tests.Support;

/// <summary>Set-up for tests inside a community: an approved community, and signed-in members who joined it
/// through its page.</summary>
public static class CommunitySteps
{
    public static async Task<(string Slug, Guid Id)> CommunityAsync(this VillageFactory factory, string name = "Parents testeurs")
    {
        var community = new Community
        {
            Id = Guid.CreateVersion7(),
            Slug = $"test-{Guid.NewGuid():N}",
            Name = name,
            Description = "Une communauté pour les tests.",
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
        return (community.Slug, community.Id);
    }

    /// <summary>A new signed-in parent who joined the community (and was then made admin when asked).</summary>
    public static async Task<Browser> MemberOfAsync(this VillageFactory factory, string slug, string name, CommunityRole role = CommunityRole.Member) =>
        (await factory.MemberWithEmailAsync(slug, name, role)).Browser;

    /// <summary>The same, with the parent's address, for tests that look them up.</summary>
    public static async Task<(Browser Browser, string Email)> MemberWithEmailAsync(
        this VillageFactory factory, string slug, string name, CommunityRole role = CommunityRole.Member)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        await browser.JoinAsync(slug);
        if (role == CommunityRole.Admin)
        {
            await factory.QueryAsync(db => db.CommunityMembers
                .Where(m => db.Communities.Any(c => c.Id == m.CommunityId && c.Slug == slug) && db.Users.Any(u => u.Id == m.MemberId && u.Email == email))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, CommunityRole.Admin)));
        }

        return (browser, email);
    }

    public static async Task JoinAsync(this Browser browser, string slug)
    {
        var page = await browser.GetAsync($"/communities/{slug}");
        var joined = await browser.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Join']");
        Assert.True(joined.Status == HttpStatusCode.Redirect, joined.ToString());
    }

    /// <summary>Publishes a post through the form; returns its address.</summary>
    public static async Task<string> PublishAsync(this Browser browser, string slug, string title, string body, string kind = "Question", string mode = "")
    {
        var published = await browser.FillAsync($"/communities/{slug}/posts/new", PostFields(title, body, kind, mode));
        Assert.True(published.Status == HttpStatusCode.Redirect, published.ToString());
        return published.Location!;
    }

    public static Dictionary<string, string> PostFields(string title, string body, string kind = "Question", string mode = "") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.ItemMode"] = mode,
        ["Input.Title"] = title,
        ["Input.Body"] = body,
    };

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

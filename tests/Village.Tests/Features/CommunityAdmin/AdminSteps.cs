using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Communities;
using Village.Web.Infrastructure.Geo;

namespace Village.Tests.Features.CommunityAdmin;

/// <summary>Communities and people for the admin tools' tests: set up in the database, used through the pages.</summary>
internal static class AdminSteps
{
    /// <summary>An approved community around Namur (10 km), with no one in it yet.</summary>
    public static async Task<(string Slug, Guid Id)> CommunityAsync(this VillageFactory factory, string name = "Parents de Namur")
    {
        var namur = factory.Services.GetRequiredService<Gazetteer>().Search("Namur (BE)", 1)[0];
        var community = new Community
        {
            Id = Guid.CreateVersion7(),
            Slug = $"admin-{Guid.NewGuid():N}",
            Name = name,
            Description = "Une communauté pour tester les outils des admins.",
            Kind = CommunityKind.Local,
            TownId = namur.Id,
            TownName = namur.Name,
            Latitude = Coordinates.Round(namur.Latitude),
            Longitude = Coordinates.Round(namur.Longitude),
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

    /// <summary>A signed-in parent, living in the given town when one is given.</summary>
    public static async Task<(Browser Browser, Guid Id)> ParentAsync(this VillageFactory factory, string name, string? town = null)
    {
        var browser = factory.NewBrowser();
        var email = await browser.SignedInMemberAsync(factory, displayName: name);
        if (town is not null)
        {
            var saved = await browser.FillAsync("/profile", new Dictionary<string, string> { ["Input.TownQuery"] = town });
            Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        }

        return (browser, await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
    }

    /// <summary>A signed-in parent who already belongs to the community with this role.</summary>
    public static async Task<(Browser Browser, Guid Id)> InCommunityAsync(this VillageFactory factory, Guid communityId, string name, CommunityRole role)
    {
        var (browser, id) = await factory.ParentAsync(name);
        await factory.QueryAsync(db =>
        {
            db.CommunityMembers.Add(new CommunityMember { CommunityId = communityId, MemberId = id, Role = role, JoinedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        return (browser, id);
    }

    public static Task<CommunityMember> MembershipAsync(this VillageFactory factory, Guid communityId, Guid memberId) =>
        factory.QueryAsync(db => db.CommunityMembers.AsNoTracking().SingleAsync(m => m.CommunityId == communityId && m.MemberId == memberId));

    /// <summary>Posts fields to a console handler by hand, with the page's antiforgery token: what no button offers.</summary>
    public static async Task<WebPage> PostHandlerAsync(this Browser browser, string pageUrl, string handler, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetAsync(pageUrl);
        var token = page.Status == HttpStatusCode.OK ? page.AntiforgeryToken : (await browser.GetAsync("/account/settings")).AntiforgeryToken;
        var separator = pageUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return await browser.PostAsync(
            $"{pageUrl}{separator}handler={handler}",
            [new(Browser.AntiforgeryField, token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Village.Tests.Support;
using Village.Web.Features.Accounts;
using Village.Web.Features.Communities;

namespace Village.BrowserTests.Support;

/// <summary>The real app on Kestrel, on a free loopback port: the integration tests' factory (same settings,
/// same fresh database), listening for a real browser.</summary>
public sealed partial class VillageServer : VillageFactory
{
    public VillageServer()
    {
        UseKestrel(port: 0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        var address = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public string Origin => BaseUrl.GetLeftPart(UriPartial.Authority);

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public Task<Guid> MemberIdAsync(string email) =>
        QueryAsync(db => db.Users.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    /// <summary>A parent whose address is already confirmed, created the way the app's own commands do it.</summary>
    public async Task<Guid> CreateConfirmedParentAsync(string email, string displayName, string password = Members.Password)
    {
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountCreation>()
            .CreateConfirmedAsync(email, password, displayName, [Roles.Parent]);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return await MemberIdAsync(email);
    }

    /// <summary>A themed community already opened by a moderator (or what <paramref name="adjust"/> makes of it).</summary>
    public async Task OpenCommunityAsync(string slug, string name, string description, Action<Community>? adjust = null)
    {
        var community = new Community
        {
            Id = Guid.CreateVersion7(),
            Slug = slug,
            Name = name,
            Description = description,
            Kind = CommunityKind.Themed,
            Theme = CommunityTheme.Other,
            Status = CommunityStatus.Approved,
            CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        adjust?.Invoke(community);
        await QueryAsync(db =>
        {
            db.Communities.Add(community);
            return db.SaveChangesAsync();
        });
    }

    /// <summary>The confirmation link of the newest email to this address, pointed at this server.</summary>
    public Task<string> ConfirmationLinkAsync(string email) => EmailLinkAsync(email, link => link.AbsolutePath == "/account/confirm");

    /// <summary>The newest link to this address that <paramref name="wanted"/> picks, pointed at this server: email
    /// links are absolute and carry the host the request came in on.</summary>
    public async Task<string> EmailLinkAsync(string email, Func<Uri, bool> wanted)
    {
        var bodies = await QueryAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.ToAddress == email)
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.TextBody)
            .ToListAsync());
        var links = bodies.SelectMany(b => LinkPattern().Matches(b).Select(m => new Uri(m.Value)))
            .Where(wanted)
            .ToList();
        Assert.True(links.Count > 0, $"No such link in the {bodies.Count} email(s) to {email}:\n{string.Join("\n---\n", bodies)}");
        return Url(links[^1].PathAndQuery);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}

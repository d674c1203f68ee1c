using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Features.Accounts;

namespace Village.Tests.Infrastructure;

/// <summary>The administrative commands, run as an operator runs them: the app's own executable, a database from
/// settings, no web server.</summary>
public sealed class CommandsTests : IDisposable
{
    private readonly TestDatabase database = TestDatabase.Create();

    [Fact]
    public async Task Create_admin_makes_a_confirmed_administrator_and_moderator()
    {
        var (exit, output) = await RunAsync(["create-admin", "chef@example.org"], ("VILLAGE_ADMIN_PASSWORD", "un mot de passe solide"));

        Assert.True(exit == 0, output);
        using var db = database.NewContext();
        var admin = await db.Users.SingleAsync(m => m.Email == "chef@example.org");
        Assert.True(admin.EmailConfirmed);
        var roles = await db.UserRoles.Where(r => r.UserId == admin.Id)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name)
            .ToListAsync();
        Assert.Equal([Roles.Administrator, Roles.Moderator], roles.Order());
        Assert.True(await db.Profiles.AnyAsync(p => p.MemberId == admin.Id));
    }

    [Fact]
    public async Task Create_admin_refuses_a_short_password_and_a_missing_address()
    {
        var (shortExit, shortOutput) = await RunAsync(["create-admin", "chef@example.org"], ("VILLAGE_ADMIN_PASSWORD", "court"));
        var (usageExit, usageOutput) = await RunAsync(["create-admin"], ("VILLAGE_ADMIN_PASSWORD", "un mot de passe solide"));

        Assert.True(shortExit == 1, shortOutput);
        Assert.True(usageExit == 2, usageOutput);
        using var db = database.NewContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Seed_demo_fills_an_empty_database_once()
    {
        var (first, firstOutput) = await RunAsync(["seed-demo"]);
        var (second, secondOutput) = await RunAsync(["seed-demo"]);

        Assert.True(first == 0, firstOutput);
        Assert.True(second == 0, secondOutput);
        Assert.Contains("camille@village.demo", firstOutput, StringComparison.Ordinal);
        using var db = database.NewContext();
        // 7 parents, the admin and the midwife, 6 more parents visible around Namur (discovery), and the verified
        // professional of the directory's fictional drop-in place.
        Assert.Equal(16, await db.Users.CountAsync());
        // The directory: the 8 real perinatal services to complete, the 6 fictional ones, one request waiting, and the
        // free drop-in places near Camille and Léa (help near the parent).
        Assert.Equal(8, await db.Services.CountAsync(s => s.ToComplete));
        Assert.Equal(17, await db.Services.CountAsync());
        Assert.True(await db.Profiles.CountAsync(p => p.VisibleNearby && p.Latitude != null) >= 13);
        Assert.Equal(1, await db.Hellos.CountAsync(h => h.Status == Village.Web.Features.Parents.HelloStatus.Waiting));
        // The community tools: counts on the parent rows agree with the rows.
        Assert.Equal(3, await db.AddressEntries.CountAsync());
        Assert.True(await db.AddressEntries.AllAsync(e => e.RecommendationCount == db.AddressRecommendations.Count(r => r.EntryId == e.Id)));
        Assert.True(await db.Ideas.AllAsync(i => i.VoteCount == db.IdeaVotes.Count(v => v.IdeaId == i.Id)));
        Assert.True(await db.PollChoices.AllAsync(c => c.VoteCount == db.PollVotes.Count(v => v.ChoiceId == c.Id)));
        Assert.Equal(2, await db.Polls.CountAsync());
    }

    public void Dispose() => database.Dispose();

    private async Task<(int Exit, string Output)> RunAsync(string[] arguments, params (string Name, string Value)[] environment)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(app);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        start.Environment["Email__SendInBackground"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}

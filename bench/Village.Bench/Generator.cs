using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Village.Web.Data;
using Village.Web.Features.Accounts;
using Village.Web.Features.Profiles;
using Village.Web.Infrastructure.Geo;

namespace Village.Bench;

/// <summary>
/// <c>generate</c>: migrates a PostgreSQL database with the app's own migrations, then bulk-loads parents with
/// binary COPY: members, the "parent" role, profiles, children and languages. Deterministic for a given seed
/// and day (ages and timestamps are relative to today, midnight UTC).
/// </summary>
internal static class Generator
{
    /// <summary>The "parent" role, seeded by the Initial migration.</summary>
    private static readonly Guid ParentRoleId = new("0193a000-0000-7000-8000-000000000001");

    public static async Task RunAsync(Arguments args)
    {
        var connection = args.Required("connection");
        var parents = args.Int("parents", 100_000);
        var seed = args.Int("seed", 42);
        var communities = args.Int("communities", 1_000);
        var posts = args.Int("posts", 1_000_000);
        var outings = args.Int("outings", 50_000);
        var services = args.Int("services", 20_000);
        if (parents < 1 || communities < 0 || posts < 0 || outings < 0 || services < 0 || (posts > 0 && communities == 0))
        {
            throw new ArgumentException("--parents must be at least 1; --communities and --posts not negative, and posts need communities.");
        }

        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();

        var options = new DbContextOptionsBuilder<VillageDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, connection);
        await using (var db = new VillageDb(options.Options))
        {
            await db.MigrateAsync();
        }

        Console.WriteLine($"Schema migrated in {step.Elapsed.TotalSeconds:F1} s.");

        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var conn = await dataSource.OpenConnectionAsync();

        step.Restart();
        var deletedOutings = await ExecuteAsync(conn, $"DELETE FROM \"Outings\" WHERE \"TownId\" = '{BenchData.OutingTownId}'", timeoutSeconds: 900);
        if (deletedOutings > 0)
        {
            Console.WriteLine($"Deleted {deletedOutings:N0} earlier bench outings in {step.Elapsed.TotalSeconds:F1} s.");
        }

        await ServiceGenerator.DeleteAsync(conn);

        step.Restart();
        var deletedCommunities = await ExecuteAsync(
            conn, $"DELETE FROM \"Communities\" WHERE \"Slug\" LIKE '{BenchData.CommunityPrefix}%'", timeoutSeconds: 900);
        if (deletedCommunities > 0)
        {
            Console.WriteLine($"Deleted {deletedCommunities:N0} earlier bench communities and their posts in {step.Elapsed.TotalSeconds:F1} s.");
        }

        step.Restart();
        var deleted = await ExecuteAsync(
            conn,
            $"DELETE FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" LIKE '%@{BenchData.EmailDomain.ToUpperInvariant()}'",
            timeoutSeconds: 600);
        if (deleted > 0)
        {
            Console.WriteLine($"Deleted {deleted:N0} earlier bench parents in {step.Elapsed.TotalSeconds:F1} s.");
        }

        step.Restart();
        var gazetteer = Gazetteer.LoadEmbedded();
        var towns = new TownPicker(gazetteer.Towns);
        // One hash for everyone: hashing 100,000 passwords would take minutes and measure nothing.
        var passwordHash = new PasswordHasher<Member>().HashPassword(new Member(), BenchData.Password);
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var dataset = Build(parents, seed, today, towns, passwordHash);
        Console.WriteLine(
            $"Built {parents:N0} parents, {dataset.Children.Count:N0} children, {dataset.Languages.Count:N0} languages "
            + $"in {step.Elapsed.TotalSeconds:F1} s.");

        step.Restart();
        await using (var transaction = await conn.BeginTransactionAsync())
        {
            await CopyMembersAsync(conn, dataset.Members);
            await CopyRolesAsync(conn, dataset.Members);
            await CopyProfilesAsync(conn, dataset.Profiles);
            await CopyChildrenAsync(conn, dataset.Children);
            await CopyLanguagesAsync(conn, dataset.Languages);
            await transaction.CommitAsync();
        }

        Console.WriteLine($"Copied in {step.Elapsed.TotalSeconds:F1} s.");

        if (communities > 0)
        {
            var homes = dataset.Members.Zip(dataset.Profiles, (m, p) => (m.Id, p.Latitude!.Value, p.Longitude!.Value, m.CreatedAt)).ToList();
            await using var transaction = await conn.BeginTransactionAsync();
            await CommunityGenerator.GenerateAsync(conn, homes, communities, posts, seed, today, towns);
            await transaction.CommitAsync();
        }

        if (outings > 0)
        {
            var homes = dataset.Members.Zip(dataset.Profiles, (m, p) => (m.Id, p.Latitude!.Value, p.Longitude!.Value, m.CreatedAt)).ToList();
            await using var transaction = await conn.BeginTransactionAsync();
            await OutingGenerator.GenerateAsync(conn, homes, outings, seed, today);
            await transaction.CommitAsync();
        }

        if (services > 0)
        {
            var homes = dataset.Members.Zip(dataset.Profiles, (m, p) => (m.Id, p.Latitude!.Value, p.Longitude!.Value, m.CreatedAt)).ToList();
            await using var transaction = await conn.BeginTransactionAsync();
            await ServiceGenerator.GenerateAsync(conn, homes, services, seed, today);
            await transaction.CommitAsync();
        }

        step.Restart();
        // VACUUM as well as ANALYZE: it sets the visibility map, as autovacuum would long have done on a live
        // database, so index-only scans are judged as they would be in production. Right after the load a pass
        // can leave pages unmarked (a horizon not yet advanced, pages just emptied by the delete): a few more
        // passes, from a fresh session, finish the job.
        await ExecuteAsync(conn, "VACUUM (ANALYZE)", timeoutSeconds: 600);
        for (var pass = 0; pass < 3 && await AllVisibleShareAsync(conn) < 0.99; pass++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await using var fresh = await dataSource.OpenConnectionAsync();
            await ExecuteAsync(fresh, "VACUUM (ANALYZE)", timeoutSeconds: 600);
        }

        Console.WriteLine($"Vacuumed and analyzed ({await AllVisibleShareAsync(conn):P0} of pages all-visible) in {step.Elapsed.TotalSeconds:F1} s.");
        Console.WriteLine($"Generated {parents:N0} parents, {communities:N0} communities and {posts:N0} posts in {total.Elapsed.TotalSeconds:F1} s (password \"{BenchData.Password}\", "
            + $"emails parent1..parent{parents}@{BenchData.EmailDomain}).");
    }

    private sealed record Dataset(List<Member> Members, List<ParentProfile> Profiles, List<Child> Children, List<ParentLanguage> Languages);

    private static Dataset Build(int parents, int seed, DateTime today, TownPicker towns, string passwordHash)
    {
        var random = new Random(seed);
        var members = new List<Member>(parents);
        var profiles = new List<ParentProfile>(parents);
        var children = new List<Child>(parents * 2);
        var languages = new List<ParentLanguage>(parents * 3 / 2);
        var firstDay = today.AddDays(-730);
        var spacing = TimeSpan.FromDays(730).Ticks / parents;
        var todayMonth = (today.Year * 12) + today.Month - 1;

        for (var n = 1; n <= parents; n++)
        {
            // Accounts created over the last two years, in order, so the version-7 keys are ordered too.
            var createdAt = DateTime.SpecifyKind(firstDay.AddTicks((n - 1) * spacing).AddSeconds(random.Next(0, 60)), DateTimeKind.Utc);
            var email = BenchData.Email(n);
            var member = new Member
            {
                Id = BenchData.Version7(random, createdAt),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = BenchData.Stamp(random),
                ConcurrencyStamp = BenchData.Version7(random, createdAt).ToString(),
                LockoutEnabled = true,
                CreatedAt = createdAt,
                PrivacyAcceptedAt = createdAt,
                RulesAcceptedAt = createdAt,
                PreferredCulture = random.NextDouble() < 0.9 ? "fr" : "en",
                ProfessionalStatus = ProfessionalStatus.NotProfessional,
            };
            members.Add(member);

            var town = towns.Next(random);
            var updatedAt = createdAt.AddMinutes(random.Next(1, 60 * 24 * 30));
            var name = BenchData.FirstNames[random.Next(BenchData.FirstNames.Length)];
            profiles.Add(new ParentProfile
            {
                MemberId = member.Id,
                DisplayName = random.NextDouble() < 0.5 ? name : $"{name} {(char)('A' + random.Next(26))}.",
                TownId = town.Id,
                TownName = town.Name,
                Country = town.Country,
                Latitude = Coordinates.Round(town.Latitude),
                Longitude = Coordinates.Round(town.Longitude),
                About = BenchData.About(random),
                Interests = BenchData.Interests(random),
                Availability = BenchData.Availability(random),
                VisibleNearby = random.NextDouble() < 0.6,
                ChildrenAudience = BenchData.Audience(random),
                LanguagesAudience = BenchData.Audience(random),
                InterestsAudience = BenchData.Audience(random),
                AboutAudience = BenchData.Audience(random),
                UpdatedAt = updatedAt > today ? today : updatedAt,
            });

            var childCount = random.NextDouble() switch
            {
                < 0.5 => 1,
                < 0.85 => 2,
                _ => 3,
            };
            for (var c = 0; c < childCount; c++)
            {
                // Born within the last six years, or (one in ten) a due month up to eight months ahead.
                var expected = random.NextDouble() < 0.1;
                var month = expected ? todayMonth + random.Next(0, 9) : todayMonth - random.Next(0, 72);
                children.Add(new Child
                {
                    Id = BenchData.Version7(random, createdAt),
                    ParentId = member.Id,
                    FirstName = !expected && random.NextDouble() < 0.5 ? BenchData.ChildNames[random.Next(BenchData.ChildNames.Length)] : null,
                    Year = month / 12,
                    Month = (month % 12) + 1,
                    IsExpected = expected,
                    CreatedAt = createdAt,
                });
            }

            foreach (var code in BenchData.LanguageCodes(random))
            {
                languages.Add(new ParentLanguage { ParentId = member.Id, Code = code });
            }
        }

        return new Dataset(members, profiles, children, languages);
    }

    private static async Task CopyMembersAsync(NpgsqlConnection conn, List<Member> members)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """
            COPY "AspNetUsers" ("Id", "CreatedAt", "PreferredCulture", "PrivacyAcceptedAt", "RulesAcceptedAt",
                "ProfessionalStatus", "ProfessionalDetails", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed",
                "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var m in members)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(m.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(m.CreatedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(m.PreferredCulture, NpgsqlDbType.Varchar);
            await writer.WriteAsync(m.PrivacyAcceptedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(m.RulesAcceptedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync((int)m.ProfessionalStatus, NpgsqlDbType.Integer);
            await writer.WriteNullAsync();
            await writer.WriteAsync(m.UserName!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(m.NormalizedUserName!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(m.Email!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(m.NormalizedEmail!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(m.EmailConfirmed, NpgsqlDbType.Boolean);
            await writer.WriteAsync(m.PasswordHash!, NpgsqlDbType.Text);
            await writer.WriteAsync(m.SecurityStamp!, NpgsqlDbType.Text);
            await writer.WriteAsync(m.ConcurrencyStamp!, NpgsqlDbType.Text);
            await writer.WriteNullAsync();
            await writer.WriteAsync(m.PhoneNumberConfirmed, NpgsqlDbType.Boolean);
            await writer.WriteAsync(m.TwoFactorEnabled, NpgsqlDbType.Boolean);
            await writer.WriteNullAsync();
            await writer.WriteAsync(m.LockoutEnabled, NpgsqlDbType.Boolean);
            await writer.WriteAsync(m.AccessFailedCount, NpgsqlDbType.Integer);
        }

        await writer.CompleteAsync();
    }

    private static async Task CopyRolesAsync(NpgsqlConnection conn, List<Member> members)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """COPY "AspNetUserRoles" ("UserId", "RoleId") FROM STDIN (FORMAT BINARY)""");
        foreach (var m in members)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(m.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(ParentRoleId, NpgsqlDbType.Uuid);
        }

        await writer.CompleteAsync();
    }

    private static async Task CopyProfilesAsync(NpgsqlConnection conn, List<ParentProfile> profiles)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """
            COPY "Profiles" ("MemberId", "DisplayName", "TownId", "TownName", "Country", "Latitude", "Longitude", "About",
                "Interests", "Availability", "VisibleNearby", "ChildrenAudience", "LanguagesAudience", "InterestsAudience",
                "AboutAudience", "UpdatedAt") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var p in profiles)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(p.MemberId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(p.DisplayName, NpgsqlDbType.Varchar);
            await writer.WriteAsync(p.TownId!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(p.TownName!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(p.Country!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(p.Latitude!.Value, NpgsqlDbType.Double);
            await writer.WriteAsync(p.Longitude!.Value, NpgsqlDbType.Double);
            await writer.WriteAsync(p.About, NpgsqlDbType.Varchar);
            await writer.WriteAsync((long)p.Interests, NpgsqlDbType.Bigint);
            await writer.WriteAsync((int)p.Availability, NpgsqlDbType.Integer);
            await writer.WriteAsync(p.VisibleNearby, NpgsqlDbType.Boolean);
            await writer.WriteAsync((int)p.ChildrenAudience, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)p.LanguagesAudience, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)p.InterestsAudience, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)p.AboutAudience, NpgsqlDbType.Integer);
            await writer.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    private static async Task CopyChildrenAsync(NpgsqlConnection conn, List<Child> children)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """
            COPY "Children" ("Id", "ParentId", "FirstName", "Year", "Month", "IsExpected", "CreatedAt") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var c in children)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(c.ParentId, NpgsqlDbType.Uuid);
            await writer.WriteNullableAsync(c.FirstName, NpgsqlDbType.Varchar);

            await writer.WriteAsync(c.Year, NpgsqlDbType.Integer);
            await writer.WriteAsync(c.Month, NpgsqlDbType.Integer);
            await writer.WriteAsync(c.IsExpected, NpgsqlDbType.Boolean);
            await writer.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    private static async Task CopyLanguagesAsync(NpgsqlConnection conn, List<ParentLanguage> languages)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """COPY "ParentLanguages" ("ParentId", "Code") FROM STDIN (FORMAT BINARY)""");
        foreach (var l in languages)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(l.ParentId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(l.Code, NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync();
    }

    private static async Task<double> AllVisibleShareAsync(NpgsqlConnection conn)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(relallvisible)::float8 / nullif(sum(relpages), 0), 1)
            FROM pg_class WHERE relname IN ('AspNetUsers', 'AspNetUserRoles', 'Profiles', 'Children', 'ParentLanguages',
                'Communities', 'CommunityMembers', 'Posts', 'Comments', 'PostThanks')
            """,
            conn);
        return (double)(await command.ExecuteScalarAsync() ?? 1.0);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection conn, string sql, int timeoutSeconds)
    {
        await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = timeoutSeconds };
        return await command.ExecuteNonQueryAsync();
    }
}

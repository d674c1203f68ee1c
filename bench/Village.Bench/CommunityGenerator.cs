using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Village.Web.Features.Communities;
using Village.Web.Features.Posts;
using Village.Web.Infrastructure.Geo;

namespace Village.Bench;

/// <summary>
/// The communities part of <c>generate</c>: local communities around towns drawn by population and themed ones,
/// parents joining the local community nearest home (and sometimes a themed one), then posts spread in proportion
/// to each community's members, with real comment and "merci" rows behind the counts kept on each post.
/// </summary>
internal static class CommunityGenerator
{
    /// <summary>The bench accounts the load runner signs in are members of this many of the biggest communities, so
    /// the feed and post scenarios read the busiest feeds.</summary>
    public const int BusiestCommunities = 20;

    private const double ThemedShare = 0.2;

    private sealed record Home(Guid MemberId, double Latitude, double Longitude, DateTime CreatedAt);

    public sealed record Result(int Communities, int Memberships, int Posts, int Comments, int Thanks);

    public static async Task<Result> GenerateAsync(
        NpgsqlConnection conn, IReadOnlyList<(Guid Id, double Latitude, double Longitude, DateTime CreatedAt)> parents,
        int communities, int posts, int seed, DateTime today, TownPicker towns)
    {
        var random = new Random(seed + 1);
        var homes = parents.Select(p => new Home(p.Id, p.Latitude, p.Longitude, p.CreatedAt)).ToList();
        var step = Stopwatch.StartNew();

        var built = BuildCommunities(random, communities, today, towns);
        var members = Join(random, built, homes);
        var order = Enumerable.Range(0, built.Count).OrderByDescending(i => members[i].Count).ToArray();
        foreach (var account in Enumerable.Range(0, LoadRunnerAccounts.Max).Select(i => LoadRunnerAccounts.ParentNumber(i, homes.Count)).Distinct())
        {
            foreach (var c in order.Take(BusiestCommunities).Where(c => !members[c].Contains(homes[account - 1].MemberId)))
            {
                members[c].Add(homes[account - 1].MemberId);
            }
        }

        await CopyCommunitiesAsync(conn, built);
        var memberships = await CopyMembersAsync(conn, built, members, today);
        Console.WriteLine($"Built and copied {built.Count:N0} communities and {memberships:N0} memberships in {step.Elapsed.TotalSeconds:F1} s.");

        step.Restart();
        var (postCount, comments, thanks) = await CopyPostsAsync(conn, random, built, members, posts, today);
        Console.WriteLine($"Copied {postCount:N0} posts, {comments:N0} comments and {thanks:N0} merci in {step.Elapsed.TotalSeconds:F1} s.");
        return new Result(built.Count, memberships, postCount, comments, thanks);
    }

    private static List<Community> BuildCommunities(Random random, int count, DateTime today, TownPicker towns)
    {
        var list = new List<Community>(count);
        var usedTowns = new HashSet<string>();
        var themes = Enum.GetValues<CommunityTheme>();
        for (var n = 1; n <= count; n++)
        {
            var createdAt = today.AddDays(-random.Next(30, 900));
            var community = new Community
            {
                Id = BenchData.Version7(random, createdAt),
                Slug = $"{BenchData.CommunityPrefix}{n}",
                Status = CommunityStatus.Approved,
                CreatedAt = createdAt,
                DecidedAt = createdAt,
                RadiusKm = CommunityConfiguration.DefaultRadiusKm,
                OpenToParentsNearby = random.NextDouble() < 0.2,
            };
            if (random.NextDouble() < ThemedShare)
            {
                var theme = themes[random.Next(themes.Length)];
                community.Kind = CommunityKind.Themed;
                community.Theme = theme;
                community.Name = $"{BenchData.ThemeNames[(int)theme]} ({n})";
                community.Description = "Un groupe pour se soutenir entre parents qui vivent la même chose.";
            }
            else
            {
                Town town;
                do
                {
                    town = towns.Next(random);
                }
                while (!usedTowns.Add(town.Id) && usedTowns.Count < count);
                community.Kind = CommunityKind.Local;
                community.Name = $"Parents de {town.Name}"[..Math.Min(CommunityConfiguration.NameMax, 11 + town.Name.Length)];
                community.Description = $"Entraide, sorties et bons plans entre parents de {town.Name} et des environs.";
                community.TownId = town.Id;
                community.TownName = town.Name;
                community.Latitude = Coordinates.Round(town.Latitude);
                community.Longitude = Coordinates.Round(town.Longitude);
            }

            list.Add(community);
        }

        return list;
    }

    /// <summary>Seven parents in ten join the local community nearest home when one reaches them; three in ten join
    /// a themed one. A community nobody reached gets a handful of parents, so every one has members.</summary>
    private static List<List<Guid>> Join(Random random, List<Community> communities, List<Home> homes)
    {
        var members = communities.Select(_ => new List<Guid>()).ToList();
        var local = communities.Select((c, i) => (Community: c, Index: i)).Where(x => x.Community.Kind == CommunityKind.Local).ToArray();
        var themed = communities.Select((c, i) => i).Where(i => communities[i].Kind == CommunityKind.Themed).ToArray();
        foreach (var home in homes)
        {
            if (random.NextDouble() < 0.7 && Nearest(local, home) is { } nearest)
            {
                members[nearest].Add(home.MemberId);
            }

            if (themed.Length > 0 && random.NextDouble() < 0.3)
            {
                members[themed[random.Next(themed.Length)]].Add(home.MemberId);
            }
        }

        foreach (var list in members.Where(m => m.Count < 5))
        {
            while (list.Count < 5)
            {
                var parent = homes[random.Next(homes.Count)].MemberId;
                if (!list.Contains(parent))
                {
                    list.Add(parent);
                }
            }
        }

        return members;
    }

    private static int? Nearest((Community Community, int Index)[] local, Home home)
    {
        int? nearest = null;
        var best = double.MaxValue;
        foreach (var (community, index) in local)
        {
            var km = Coordinates.DistanceKm(home.Latitude, home.Longitude, community.Latitude!.Value, community.Longitude!.Value);
            if (km <= community.RadiusKm && km < best)
            {
                (nearest, best) = (index, km);
            }
        }

        return nearest;
    }

    private static async Task CopyCommunitiesAsync(NpgsqlConnection conn, List<Community> communities)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """
            COPY "Communities" ("Id", "Slug", "Name", "Description", "Kind", "Theme", "TownId", "TownName", "Latitude",
                "Longitude", "RadiusKm", "Status", "OpenToParentsNearby", "CreatedAt", "DecidedAt") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var c in communities)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(c.Slug, NpgsqlDbType.Varchar);
            await writer.WriteAsync(c.Name, NpgsqlDbType.Varchar);
            await writer.WriteAsync(c.Description, NpgsqlDbType.Varchar);
            await writer.WriteAsync((int)c.Kind, NpgsqlDbType.Integer);
            await writer.WriteNullableAsync(c.Theme is { } theme ? (int)theme : (int?)null, NpgsqlDbType.Integer);
            await writer.WriteNullableAsync(c.TownId, NpgsqlDbType.Varchar);
            await writer.WriteNullableAsync(c.TownName, NpgsqlDbType.Varchar);
            await writer.WriteNullableAsync(c.Latitude, NpgsqlDbType.Double);
            await writer.WriteNullableAsync(c.Longitude, NpgsqlDbType.Double);
            await writer.WriteAsync(c.RadiusKm, NpgsqlDbType.Integer);
            await writer.WriteAsync((int)c.Status, NpgsqlDbType.Integer);
            await writer.WriteAsync(c.OpenToParentsNearby, NpgsqlDbType.Boolean);
            await writer.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(c.DecidedAt!.Value, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    /// <summary>The first member of each community is its admin.</summary>
    private static async Task<int> CopyMembersAsync(NpgsqlConnection conn, List<Community> communities, List<List<Guid>> members, DateTime today)
    {
        await using var writer = await conn.BeginBinaryImportAsync(
            """COPY "CommunityMembers" ("CommunityId", "MemberId", "Role", "JoinedAt") FROM STDIN (FORMAT BINARY)""");
        var count = 0;
        for (var c = 0; c < communities.Count; c++)
        {
            for (var m = 0; m < members[c].Count; m++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(communities[c].Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(members[c][m], NpgsqlDbType.Uuid);
                await writer.WriteAsync((int)(m == 0 ? CommunityRole.Admin : CommunityRole.Member), NpgsqlDbType.Integer);
                await writer.WriteAsync(communities[c].CreatedAt > today ? today : communities[c].CreatedAt, NpgsqlDbType.TimestampTz);
                count++;
            }
        }

        await writer.CompleteAsync();
        return count;
    }

    /// <summary>Posts go to communities in proportion to their members (plus a floor), written in creation order;
    /// comments and merci come from the community's members, after the post.</summary>
    private static async Task<(int Posts, int Comments, int Thanks)> CopyPostsAsync(
        NpgsqlConnection conn, Random random, List<Community> communities, List<List<Guid>> members, int count, DateTime today)
    {
        var cumulative = new long[communities.Count];
        long total = 0;
        for (var c = 0; c < communities.Count; c++)
        {
            total += members[c].Count + 20;
            cumulative[c] = total;
        }

        var comments = new List<Comment>(count * 2);
        var thanks = new List<PostThanks>(count * 2);
        var firstDay = today.AddDays(-730);
        var spacing = TimeSpan.FromDays(729).Ticks / Math.Max(count, 1);
        var pinned = new int[communities.Count];
        await using (var writer = await conn.BeginBinaryImportAsync(
            """
            COPY "Posts" ("Id", "CommunityId", "AuthorId", "Kind", "ItemMode", "PriceCents", "Title", "Body", "SearchText",
                "State", "IsPinned", "CreatedAt", "CommentCount", "ThanksCount") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var n = 0; n < count; n++)
            {
                var index = Array.BinarySearch(cumulative, random.NextInt64(total) + 1);
                var c = index >= 0 ? index : ~index;
                var community = members[c];
                var createdAt = firstDay.AddTicks(n * spacing).AddSeconds(random.Next(0, 60));
                var post = BenchPosts.Next(random, createdAt);
                post.Id = BenchData.Version7(random, createdAt);
                post.CommunityId = communities[c].Id;
                post.AuthorId = community[random.Next(community.Count)];
                post.IsPinned = post.Kind == PostKind.Announcement && pinned[c]++ < 2;
                post.SearchText = Gazetteer.Normalize($"{post.Title} {post.Body}");

                var commentCount = Math.Min(random.Next(0, 3) + random.Next(0, 3), community.Count);
                for (var k = 0; k < commentCount; k++)
                {
                    comments.Add(new Comment
                    {
                        Id = BenchData.Version7(random, createdAt.AddMinutes(k + 1)),
                        PostId = post.Id,
                        AuthorId = community[random.Next(community.Count)],
                        Body = BenchPosts.Comment(random),
                        CreatedAt = createdAt.AddMinutes((k + 1) * random.Next(3, 90)),
                    });
                }

                foreach (var member in community.OrderBy(_ => random.Next()).Take(Math.Min(random.Next(0, 4), community.Count)).Where(m => m != post.AuthorId))
                {
                    thanks.Add(new PostThanks { PostId = post.Id, MemberId = member });
                    post.ThanksCount++;
                }

                post.CommentCount = commentCount;
                await writer.StartRowAsync();
                await writer.WriteAsync(post.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(post.CommunityId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(post.AuthorId.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync((int)post.Kind, NpgsqlDbType.Integer);
                await writer.WriteNullableAsync(post.ItemMode is { } mode ? (int)mode : (int?)null, NpgsqlDbType.Integer);
                await writer.WriteNullableAsync(post.PriceCents, NpgsqlDbType.Integer);
                await writer.WriteAsync(post.Title, NpgsqlDbType.Varchar);
                await writer.WriteAsync(post.Body, NpgsqlDbType.Varchar);
                await writer.WriteAsync(post.SearchText, NpgsqlDbType.Text);
                await writer.WriteAsync((int)post.State, NpgsqlDbType.Integer);
                await writer.WriteAsync(post.IsPinned, NpgsqlDbType.Boolean);
                await writer.WriteAsync(post.CreatedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(post.CommentCount, NpgsqlDbType.Integer);
                await writer.WriteAsync(post.ThanksCount, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await conn.BeginBinaryImportAsync(
            """COPY "Comments" ("Id", "PostId", "AuthorId", "Body", "CreatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var comment in comments)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(comment.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(comment.PostId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(comment.AuthorId!.Value, NpgsqlDbType.Uuid);
                await writer.WriteAsync(comment.Body, NpgsqlDbType.Varchar);
                await writer.WriteAsync(comment.CreatedAt, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await conn.BeginBinaryImportAsync(
            """COPY "PostThanks" ("PostId", "MemberId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var merci in thanks)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(merci.PostId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(merci.MemberId, NpgsqlDbType.Uuid);
            }

            await writer.CompleteAsync();
        }

        return (count, comments.Count, thanks.Count);
    }
}

internal static class BinaryImporterExtensions
{
    public static async Task WriteNullableAsync<T>(this NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await writer.WriteNullAsync();
        }
        else
        {
            await writer.WriteAsync(value, type);
        }
    }
}

using Npgsql;

namespace Village.Bench;

/// <summary>What the feed and post scenarios request: the generated communities the signed-in bench parents belong
/// to (the busiest ones, see <see cref="CommunityGenerator.BusiestCommunities"/>) and a sample of their posts.</summary>
internal sealed record FeedTargets(IReadOnlyList<string> Slugs, IReadOnlyList<string> Posts)
{
    public static async Task<FeedTargets> LoadAsync(string connection, int parentNumber, int seed)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        var slugs = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c."Slug" FROM "Communities" c
            JOIN "CommunityMembers" m ON m."CommunityId" = c."Id"
            JOIN "AspNetUsers" u ON u."Id" = m."MemberId"
            WHERE u."NormalizedEmail" = @email AND c."Slug" LIKE @prefix
            ORDER BY c."Slug"
            """,
            conn))
        {
            command.Parameters.AddWithValue("email", BenchData.Email(parentNumber).ToUpperInvariant());
            command.Parameters.AddWithValue("prefix", BenchData.CommunityPrefix + "%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                slugs.Add(reader.GetString(0));
            }
        }

        if (slugs.Count == 0)
        {
            throw new BenchException($"{BenchData.Email(parentNumber)} is in no generated community: run generate with --communities and --posts.");
        }

        var posts = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c."Slug", p."Id" FROM "Posts" p JOIN "Communities" c ON c."Id" = p."CommunityId"
            WHERE c."Slug" = ANY(@slugs) ORDER BY md5(p."Id"::text || @seed) LIMIT 4096
            """,
            conn))
        {
            command.Parameters.AddWithValue("slugs", slugs.ToArray());
            command.Parameters.AddWithValue("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                posts.Add($"/communities/{reader.GetString(0)}/posts/{reader.GetGuid(1)}");
            }
        }

        Console.WriteLine($"Feed targets: {slugs.Count} communities, {posts.Count:N0} sampled posts.");
        return new FeedTargets(slugs, posts);
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Village.Bench;

/// <summary>
/// With <c>run --connection</c>: what each scenario asked of PostgreSQL, from pg_stat_statements (when the server
/// preloads it; scripts/bench.sh turns it on). Shows statements per request, which is where N+1 queries and
/// missing indexes show up.
/// </summary>
internal sealed partial class DatabaseStats : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private DatabaseStats(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Null (with a note on the console) when pg_stat_statements cannot be used.</summary>
    public static async Task<DatabaseStats?> TryOpenAsync(string? connection)
    {
        if (string.IsNullOrEmpty(connection))
        {
            return null;
        }

        var dataSource = NpgsqlDataSource.Create(connection);
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync();
            await using (var check = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries')", conn))
            {
                var preload = (string?)await check.ExecuteScalarAsync() ?? "";
                if (!preload.Contains("pg_stat_statements", StringComparison.Ordinal))
                {
                    Console.WriteLine("(no per-statement figures: the server does not preload pg_stat_statements)");
                    await dataSource.DisposeAsync();
                    return null;
                }
            }

            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", conn);
            await create.ExecuteNonQueryAsync();
            return new DatabaseStats(dataSource);
        }
        catch (NpgsqlException e)
        {
            Console.WriteLine($"(no per-statement figures: {e.Message})");
            await dataSource.DisposeAsync();
            return null;
        }
    }

    public async Task ResetAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT pg_stat_statements_reset()");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The statements that took the most database time since the last reset, per request of the scenario.</summary>
    public async Task<string> TopAsync(string scenario, int requests, int limit = 5)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT calls, total_exec_time + total_plan_time, total_plan_time, rows, query
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT ILIKE '%pg_stat_statements%'
            ORDER BY total_exec_time DESC
            """);
        var rows = new List<(long Calls, double TotalMs, double PlanMs, long Rows, string Query)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetString(4)));
            }
        }

        var perRequest = Math.Max(requests, 1);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{scenario}: {rows.Sum(r => r.Calls) / (double)perRequest:F2} statements and {rows.Sum(r => r.TotalMs) / perRequest:F3} ms "
            + $"of database time (of which planning {rows.Sum(r => r.PlanMs) / perRequest:F3} ms) per request");
        foreach (var row in rows.Take(limit))
        {
            var query = Whitespace().Replace(row.Query, " ").Trim();
            var calls = Math.Max(row.Calls, 1);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {row.Calls / (double)perRequest,5:F2}/req  {row.TotalMs / calls,7:F3} ms/call (plan {row.PlanMs / calls:F3})  "
                + $"{row.Rows / (double)calls,7:F1} rows/call  {(query.Length > 200 ? query[..200] + "…" : query)}");
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}

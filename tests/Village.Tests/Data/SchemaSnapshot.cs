using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Village.Web.Data;

namespace Village.Tests.Data;

/// <summary>A database's schema as sorted, readable lines ("column AspNetUsers.Email: varchar(256) null"), read from
/// the database itself, so two schemas compare as two sets of lines.</summary>
public static partial class SchemaSnapshot
{
    /// <summary>EF's own bookkeeping tables (__EFMigrationsHistory, and __EFMigrationsLock on SQLite) are not the app's schema.</summary>
    private const string Bookkeeping = "__EFMigrations";

    public static async Task<SortedSet<string>> ReadAsync(VillageDb db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return db.Database.IsSqlite() ? await SqliteAsync(connection) : await PostgresAsync(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<SortedSet<string>> SqliteAsync(DbConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await RowsAsync(connection,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '{Bookkeeping}%'");
        var indexSql = (await RowsAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            var sql = (string)table[1]!;
            lines.Add($"table {name}");

            var autoincrement = AutoincrementPattern().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet();
            var keyColumns = new SortedList<long, string>();
            foreach (var column in await RowsAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{name}')"))
            {
                var columnName = (string)column[0]!;
                var extra = autoincrement.Contains(columnName) ? " autoincrement" : "";
                lines.Add($"column {name}.{columnName}: {((string)column[1]!).ToUpperInvariant()} {((long)column[2]! == 1 ? "not null" : "null")}{extra}");
                if ((long)column[3]! > 0)
                {
                    keyColumns.Add((long)column[3]!, columnName);
                }
            }

            if (keyColumns.Count > 0)
            {
                var keyName = PrimaryKeyNamePattern().Match(sql) is { Success: true } m ? m.Groups[1].Value : "(unnamed)";
                lines.Add($"primary key {name}: {keyName} ({string.Join(", ", keyColumns.Values)})");
            }

            foreach (var index in await RowsAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{name}')"))
            {
                var indexName = (string)index[0]!;
                if ((string)index[2]! == "pk")
                {
                    continue;
                }

                var columns = (await RowsAsync(connection, $"SELECT name FROM pragma_index_info('{indexName}') ORDER BY seqno"))
                    .Select(r => (string?)r[0] ?? "(expression)");
                var filter = indexSql.TryGetValue(indexName, out var definition) && WherePattern().Match(definition) is { Success: true } w
                    ? $" where {w.Groups[1].Value.Trim()}"
                    : "";
                lines.Add($"{((long)index[1]! == 1 ? "unique index" : "index")} {name}.{indexName} ({string.Join(", ", columns)}){filter}");
            }

            var names = ForeignKeyPattern().Matches(sql).ToDictionary(
                m => $"{Unquote(m.Groups[2].Value)}->{m.Groups[3].Value}({Unquote(m.Groups[4].Value)})",
                m => m.Groups[1].Value);
            foreach (var key in (await RowsAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}') ORDER BY id, seq"))
                .GroupBy(r => (long)r[0]!))
            {
                var from = string.Join(", ", key.Select(r => (string)r[3]!));
                var principal = (string)key.First()[2]!;
                var to = string.Join(", ", key.Select(r => (string)r[4]!));
                var keyName = names.TryGetValue($"{from}->{principal}({to})", out var n) ? n : "(unnamed)";
                lines.Add($"foreign key {name}.{keyName} ({from}) -> {principal} ({to}) on delete {((string)key.First()[5]!).ToLowerInvariant()}");
            }
        }

        return lines;
    }

    private static async Task<SortedSet<string>> PostgresAsync(DbConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in await RowsAsync(connection,
            $"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '{Bookkeeping}%'"))
        {
            lines.Add($"table {table[0]}");
        }

        foreach (var column in await RowsAsync(connection, $"""
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, is_identity, identity_generation, column_default
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT LIKE '{Bookkeeping}%'
            """))
        {
            var type = (string)column[2]!;
            if (column[3] is int length)
            {
                type += $"({length})";
            }
            else if (type == "numeric" && column[4] is int precision)
            {
                type += $"({precision},{column[5]})";
            }

            var identity = (string?)column[7] == "YES" ? $" identity {column[8]}".ToLowerInvariant() : "";
            var generated = column[9] is string d && d.StartsWith("nextval(", StringComparison.Ordinal) ? " serial" : "";
            lines.Add($"column {column[0]}.{column[1]}: {type} {((string)column[6]! == "YES" ? "null" : "not null")}{identity}{generated}");
        }

        foreach (var key in await RowsAsync(connection, $"""
            SELECT t.relname, c.conname,
                   array_to_string(array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ', ')
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND c.contype = 'p' AND t.relname NOT LIKE '{Bookkeeping}%'
            """))
        {
            lines.Add($"primary key {key[0]}: {key[1]} ({key[2]})");
        }

        foreach (var index in await RowsAsync(connection, $"""
            SELECT t.relname, i.relname, ix.indisunique,
                   array_to_string(array(SELECT coalesce(a.attname, '(expression)') FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                                         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ', '),
                   pg_get_expr(ix.indpred, ix.indrelid)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname NOT LIKE '{Bookkeeping}%'
            """))
        {
            var filter = index[4] is string predicate ? $" where {predicate}" : "";
            lines.Add($"{((bool)index[2]! ? "unique index" : "index")} {index[0]}.{index[1]} ({index[3]}){filter}");
        }

        foreach (var key in await RowsAsync(connection, """
            SELECT t.relname, c.conname,
                   array_to_string(array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord), ', '),
                   p.relname,
                   array_to_string(array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord), ', '),
                   CASE c.confdeltype WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade'
                                      WHEN 'n' THEN 'set null' WHEN 'd' THEN 'set default' END
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_class p ON p.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND c.contype = 'f'
            """))
        {
            lines.Add($"foreign key {key[0]}.{key[1]} ({key[2]}) -> {key[3]} ({key[4]}) on delete {key[5]}");
        }

        foreach (var check in await RowsAsync(connection, """
            SELECT t.relname, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND c.contype IN ('c', 'u', 'x')
            """))
        {
            lines.Add($"constraint {check[0]}.{check[1]}: {check[2]}");
        }

        return lines;
    }

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Unquote(string columns) =>
        string.Join(", ", columns.Split(',').Select(c => c.Trim().Trim('"')));

    [GeneratedRegex(@"""(\w+)""[^,]*?AUTOINCREMENT", RegexOptions.IgnoreCase)]
    private static partial Regex AutoincrementPattern();

    [GeneratedRegex(@"CONSTRAINT\s+""(\w+)""\s+PRIMARY\s+KEY", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKeyNamePattern();

    [GeneratedRegex(@"CONSTRAINT\s+""(\w+)""\s+FOREIGN\s+KEY\s*\(([^)]*)\)\s*REFERENCES\s+""(\w+)""\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignKeyPattern();

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WherePattern();
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Village.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The provider switch: SQLite by default (no set-up), PostgreSQL in production and in the test suite.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration configuration) =>
        configuration["Database:ConnectionString"] is { Length: > 0 } connection
            ? connection
            : "Data Source=App_Data/village.db";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var provider = Provider(builder.Configuration);
        var connection = ConnectionString(builder.Configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connection);
        }

        builder.Services.AddDbContextPool<VillageDb>(options => Configure(options, provider, connection));
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connection)
    {
        _ = provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(WithPreparedStatements(connection)),
            _ => options.UseSqlite(connection),
        };
        // Migrations are hand-written (no EF design-time package here); the schema drift test guards them instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>Applies the migrations; on SQLite also turns on write-ahead logging so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(this VillageDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Hot queries are prepared once per connection, so PostgreSQL stops planning them on every request;
    /// the app keeps no session state, so pooled connections need no reset round-trip either.</summary>
    private static string WithPreparedStatements(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 50;
            builder.AutoPrepareMinUsages = 2;
        }

        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connection)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

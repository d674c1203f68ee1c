using Microsoft.Data.Sqlite;
using Npgsql;
using Village.Web.Data;

namespace Village.BrowserTests.Support;

/// <summary>A fresh, empty database for the app under test: SQLite in a temp folder by default, or a new
/// PostgreSQL database when VILLAGE_TEST_PROVIDER=postgres (admin connection string in VILLAGE_TEST_POSTGRES).
/// Deleted on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? folder;
    private readonly string? adminConnection;
    private readonly string? databaseName;
    private bool disposed;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.adminConnection = adminConnection;
        this.databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseProvider CurrentProvider =>
        Environment.GetEnvironmentVariable("VILLAGE_TEST_PROVIDER")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"VILLAGE_TEST_PROVIDER={other} is neither sqlite nor postgres."),
        };

    public static TestDatabase Create()
    {
        if (CurrentProvider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("village-browser-db-").FullName;
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "village.db") }.ToString();
            return new TestDatabase(DatabaseProvider.Sqlite, connection, folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("VILLAGE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException("VILLAGE_TEST_PROVIDER=postgres needs VILLAGE_TEST_POSTGRES (an admin connection string).");
        }

        var name = $"village_b_{Guid.NewGuid():N}"[..24];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, admin, name);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder!, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere: the machine cleans its temp folder.
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(adminConnection);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Village.Web.Data;

namespace Village.Tests.Support;

/// <summary>A fresh, empty database on the provider the suite runs on (VILLAGE_TEST_PROVIDER: sqlite by default,
/// or postgres with the admin connection string in VILLAGE_TEST_POSTGRES). Deleted on dispose.</summary>
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

    /// <summary>The provider the suite runs on.</summary>
    public static DatabaseProvider CurrentProvider =>
        Environment.GetEnvironmentVariable("VILLAGE_TEST_PROVIDER")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"VILLAGE_TEST_PROVIDER={other} is neither sqlite nor postgres."),
        };

    public static TestDatabase Create() => Create(CurrentProvider);

    public static TestDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("village-test-db-").FullName;
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "village.db") }.ToString();
            return new TestDatabase(provider, connection, folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("VILLAGE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                "VILLAGE_TEST_PROVIDER=postgres needs VILLAGE_TEST_POSTGRES (an admin connection string); scripts/test.sh sets both.");
        }

        var name = $"village_t_{Guid.NewGuid():N}"[..24];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, admin, name);
    }

    /// <summary>A context on this database, outside any web host.</summary>
    public VillageDb NewContext()
    {
        var options = new DbContextOptionsBuilder<VillageDb>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        return new VillageDb(options.Options);
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
            using (var connection = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            try
            {
                Directory.Delete(folder!, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere: the temp folder is cleaned by the machine.
            }
        }
        else
        {
            using (var connection = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            using var admin = new NpgsqlConnection(adminConnection);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
}

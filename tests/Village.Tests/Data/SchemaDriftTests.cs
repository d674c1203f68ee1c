using Microsoft.EntityFrameworkCore;
using Village.Tests.Support;
using Village.Web.Data;
using Xunit.Abstractions;

namespace Village.Tests.Data;

/// <summary>The migrations are written by hand, so this guards them: the schema they build must be the one EF
/// would create from the model, on the provider the suite runs on.</summary>
public sealed class SchemaDriftTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_migrations_build_the_schema_the_model_describes()
    {
        using var migrated = TestDatabase.Create();
        using var created = TestDatabase.Create();

        SortedSet<string> fromMigrations;
        await using (var db = migrated.NewContext())
        {
            await db.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            fromMigrations = await SchemaSnapshot.ReadAsync(db);
        }

        SortedSet<string> fromModel;
        await using (var db = created.NewContext())
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
            fromModel = await SchemaSnapshot.ReadAsync(db);
        }

        output.WriteLine($"{migrated.Provider}: {fromModel.Count} schema lines from the model.");
        Assert.Contains(fromModel, l => l.StartsWith("table AspNetUsers", StringComparison.Ordinal));
        Assert.Contains(fromModel, l => l.StartsWith("foreign key ", StringComparison.Ordinal));
        Assert.Contains(fromModel, l => l.StartsWith("unique index ", StringComparison.Ordinal));

        var missing = fromModel.Except(fromMigrations).Select(l => $"  + {l}").ToList();
        var extra = fromMigrations.Except(fromModel).Select(l => $"  - {l}").ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"""
            The migrations and the model disagree on {migrated.Provider}.
            + only in the model (a migration is missing or wrong), - only in the migrated database:
            {string.Join("\n", missing.Concat(extra).OrderBy(l => l[4..], StringComparer.Ordinal))}
            """);
    }

    [Fact]
    public async Task The_snapshot_sees_a_column_that_differs()
    {
        // The drift test is only worth something if the snapshot notices a change: prove it on a scratch table.
        using var database = TestDatabase.Create();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"Scratch\" (\"Id\" integer NOT NULL PRIMARY KEY, \"Name\" varchar(10) NULL)");
        var before = await SchemaSnapshot.ReadAsync(db);
        await db.Database.ExecuteSqlRawAsync("CREATE INDEX \"IX_Scratch_Name\" ON \"Scratch\" (\"Name\")");
        var after = await SchemaSnapshot.ReadAsync(db);

        Assert.Contains(before, l => l.StartsWith("column Scratch.Name:", StringComparison.Ordinal) && l.Contains(" null", StringComparison.Ordinal));
        Assert.Equal(["index Scratch.IX_Scratch_Name (Name)"], after.Except(before));
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Playground.Server.Persistence;

namespace Playground.Server.Tests;

/// <summary>A data file made by an earlier version gets the tables, columns and indexes added since, and keeps its sandboxes.</summary>
public sealed class DatabaseUpgradeTests
{
    /// <summary>Turns a fresh file into one the previous version made (<paramref name="downgrade"/>), with one sandbox, then starts the server's setup twice.</summary>
    private static async Task<TempDatabase> UpgradedAsync(string downgrade)
    {
        var database = await TempDatabase.CreateAsync();
        await using (var connection = new SqliteConnection($"Data Source={database.File};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = downgrade + """

                INSERT INTO "Sandboxes" ("Id", "TokenHash", "CreatedAt", "Now", "Revision", "OptionsJson")
                VALUES ('old1', x'00', '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', 7, '{}');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await new DatabaseSetup(database.Databases).StartAsync(CancellationToken.None);
        await new DatabaseSetup(database.Databases).StartAsync(CancellationToken.None);
        return database;
    }

    [Fact]
    public async Task A_data_file_from_before_the_clock_columns_gets_them_and_keeps_its_sandboxes()
    {
        await using var database = await UpgradedAsync("""
            ALTER TABLE "Sandboxes" DROP COLUMN "ClockSpeed";
            ALTER TABLE "Sandboxes" DROP COLUMN "ClockPaused";
            """);

        await using var db = await database.Databases.CreateDbContextAsync();
        var sandbox = await db.Sandboxes.SingleAsync(s => s.Id == "old1");
        Assert.Equal(7, sandbox.Revision);
        Assert.Null(sandbox.ClockSpeed);
        Assert.False(sandbox.ClockPaused);
    }

    [Fact]
    public async Task A_data_file_from_before_names_owners_and_share_links_gets_them_and_keeps_its_sandboxes()
    {
        // No share links, none of the columns of "My sandboxes".
        await using var database = await UpgradedAsync("""
            DROP TABLE "Shares";
            DROP INDEX "IX_Sandboxes_OwnerVisitorHash";
            ALTER TABLE "Sandboxes" DROP COLUMN "ClockSpeed";
            ALTER TABLE "Sandboxes" DROP COLUMN "ClockPaused";
            ALTER TABLE "Sandboxes" DROP COLUMN "SeedManifests";
            ALTER TABLE "Sandboxes" DROP COLUMN "Name";
            ALTER TABLE "Sandboxes" DROP COLUMN "OwnerVisitorHash";
            ALTER TABLE "Sandboxes" DROP COLUMN "LastActivityAt";
            """);

        await using var db = await database.Databases.CreateDbContextAsync();
        var sandbox = await db.Sandboxes.SingleAsync(s => s.Id == "old1");
        Assert.Equal(7, sandbox.Revision);
        Assert.Equal("", sandbox.Name);
        Assert.Null(sandbox.OwnerVisitorHash);
        Assert.Null(sandbox.LastActivityAt);
        Assert.Null(sandbox.SeedManifests);
        db.Shares.Add(new StoredShare { Id = "share1", SandboxId = "old1", TokenHash = new byte[32], Access = "view" });
        await db.SaveChangesAsync();
        Assert.Single(db.Shares);
        var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND name LIKE 'IX_%'").ToListAsync();
        Assert.Contains("IX_Sandboxes_OwnerVisitorHash", indexes);
        Assert.Contains("IX_Shares_TokenHash", indexes);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Playground.Server.Persistence;

namespace Playground.Server.Tests;

public sealed class DatabaseUpgradeTests
{
    [Fact]
    public async Task A_data_file_from_before_the_clock_columns_gets_them_and_keeps_its_sandboxes()
    {
        await using var database = await TempDatabase.CreateAsync();
        await using (var connection = new SqliteConnection($"Data Source={database.File};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The file as the previous version made it: no clock columns, one sandbox.
            command.CommandText = """
                ALTER TABLE "Sandboxes" DROP COLUMN "ClockSpeed";
                ALTER TABLE "Sandboxes" DROP COLUMN "ClockPaused";
                INSERT INTO "Sandboxes" ("Id", "TokenHash", "CreatedAt", "Now", "Revision", "OptionsJson")
                VALUES ('old1', x'00', '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', 7, '{}');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await new DatabaseSetup(database.Databases).StartAsync(CancellationToken.None);
        await new DatabaseSetup(database.Databases).StartAsync(CancellationToken.None);

        await using var db = await database.Databases.CreateDbContextAsync();
        var sandbox = await db.Sandboxes.SingleAsync(s => s.Id == "old1");
        Assert.Equal(7, sandbox.Revision);
        Assert.Null(sandbox.ClockSpeed);
        Assert.False(sandbox.ClockPaused);
    }
}

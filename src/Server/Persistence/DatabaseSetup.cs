using Microsoft.EntityFrameworkCore;

namespace Playground.Server.Persistence;

/// <summary>Creates the schema on first start and switches the file to write-ahead logging.</summary>
internal sealed class DatabaseSetup(IDbContextFactory<PlaygroundDb> databases) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "ClockSpeed", "REAL NULL", cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "ClockPaused", "INTEGER NOT NULL DEFAULT 0", cancellationToken);
        // WAL lets readers work while a sandbox commits, and the setting stays in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// EnsureCreated never changes an existing file's schema: a column added to an entity since the file was made is
    /// added here, with a default that keeps the old rows' meaning.
    /// </summary>
    private static async Task AddColumnAsync(PlaygroundDb db, string table, string column, string definition, CancellationToken cancellationToken)
    {
        // The names are this class's own constants, never input.
        var count = $"SELECT COUNT(*) AS Value FROM pragma_table_info('{table}') WHERE name = '{column}'";
        var exists = await db.Database.SqlQueryRaw<int>(count).SingleAsync(cancellationToken);
        var alter = $"ALTER TABLE \"{table}\" ADD COLUMN \"{column}\" {definition};";
        if (exists == 0) await db.Database.ExecuteSqlRawAsync(alter, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

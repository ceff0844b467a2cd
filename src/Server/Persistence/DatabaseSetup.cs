using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Playground.Server.Persistence;

/// <summary>Creates the schema on first start, brings an older file's schema up to date, and switches the file to write-ahead logging.</summary>
internal sealed partial class DatabaseSetup(IDbContextFactory<PlaygroundDb> databases) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        var schema = Statements(db.Database.GenerateCreateScript());
        await CreateMissingAsync(db, schema.Where(s => s.StartsWith("CREATE TABLE", StringComparison.Ordinal)), cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "ClockSpeed", "REAL NULL", cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "ClockPaused", "INTEGER NOT NULL DEFAULT 0", cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "SeedManifests", "TEXT NULL", cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "Name", "TEXT NOT NULL DEFAULT ''", cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "OwnerVisitorHash", "BLOB NULL", cancellationToken);
        await AddColumnAsync(db, "Sandboxes", "LastActivityAt", "TEXT NULL", cancellationToken);
        await CreateMissingAsync(db, schema.Where(s => s.StartsWith("CREATE", StringComparison.Ordinal) && s.Contains(" INDEX ")), cancellationToken);
        // WAL lets readers work while a sandbox commits, and the setting stays in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// EnsureCreated never changes an existing file's schema: a table or an index added to the model since the file was
    /// made is created here from EF Core's own script, and tables and indexes already there are left as they are.
    /// </summary>
    private static async Task CreateMissingAsync(PlaygroundDb db, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
            await db.Database.ExecuteSqlRawAsync(CreateKeyword().Replace(statement, "$1 IF NOT EXISTS", 1), cancellationToken);
    }

    private static List<string> Statements(string script) =>
        [.. StatementEnd().Split(script).Select(s => s.Trim()).Where(s => s.Length > 0)];

    /// <summary>
    /// A column added to an entity since the file was made is added here, with a default that keeps the old rows' meaning.
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

    [GeneratedRegex(@";\s*(?:\r?\n|$)")]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"^(CREATE (?:UNIQUE )?(?:TABLE|INDEX))")]
    private static partial Regex CreateKeyword();
}

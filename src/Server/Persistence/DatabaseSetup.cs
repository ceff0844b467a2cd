using Microsoft.EntityFrameworkCore;

namespace Playground.Server.Persistence;

/// <summary>Creates the schema on first start and switches the file to write-ahead logging.</summary>
internal sealed class DatabaseSetup(IDbContextFactory<PlaygroundDb> databases) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        // WAL lets readers work while a sandbox commits, and the setting stays in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

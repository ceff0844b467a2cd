using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Playground.Server.Persistence;

namespace Playground.Server.Tests;

/// <summary>A real SQLite file in a temporary directory, set up exactly as the server sets up its own.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("playground-db-tests-").FullName;

    private TempDatabase()
    {
        SqliteBinding.Initialize();
        var options = new DbContextOptionsBuilder<PlaygroundDb>().UseSqlite($"Data Source={File};Pooling=False").Options;
        Databases = new PooledDbContextFactory<PlaygroundDb>(options);
    }

    public IDbContextFactory<PlaygroundDb> Databases { get; }

    public string File => Path.Combine(_directory, "playground.db");

    public static async Task<TempDatabase> CreateAsync()
    {
        var database = new TempDatabase();
        await new DatabaseSetup(database.Databases).StartAsync(CancellationToken.None);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Serialization;
using Playground.Core.Storage;
using Playground.Server.Persistence;

namespace Playground.Server.Tests;

/// <summary>The SQLite file as the server sets it up, with SQLitePCLRaw 2.0.6 bound under EF Core 10.</summary>
public sealed class PersistenceTests : IAsyncLifetime
{
    private TempDatabase _database = null!;

    private IDbContextFactory<PlaygroundDb> Databases => _database.Databases;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        await using var db = await Databases.CreateDbContextAsync();
        db.Sandboxes.Add(new StoredSandbox { Id = "sandbox", TokenHash = new byte[32], OptionsJson = "{}" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_database_is_in_write_ahead_logging_mode()
    {
        await using var connection = new SqliteConnection($"Data Source={_database.File}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_batch_is_committed_whole_log_objects_and_revision()
    {
        var journal = new SqliteJournal("sandbox", Databases, keptWrites: 100);
        var time = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        journal.Commit([Write(1, WriteType.Added, "a"), Write(2, WriteType.Added, "b"), Write(3, WriteType.Modified, "a", "v2"), Write(4, WriteType.Deleted, "b")], time);

        await using var db = await Databases.CreateDbContextAsync();
        Assert.Equal([1L, 2, 3, 4], await db.Writes.OrderBy(w => w.Revision).Select(w => w.Revision).ToListAsync());
        var live = Assert.Single(await db.Objects.ToListAsync());
        Assert.Equal(("a", 3L, "Modified"), (live.Name, live.Revision, live.Type));
        Assert.Contains("v2", live.Json);
        var sandbox = await db.Sandboxes.SingleAsync();
        Assert.Equal((4L, time), (sandbox.Revision, sandbox.Now));
    }

    [Fact]
    public async Task The_write_log_keeps_the_newest_writes_and_prunes_older_ones_as_it_passes_each_thousand()
    {
        var journal = new SqliteJournal("sandbox", Databases, keptWrites: 100);

        for (var revision = 1; revision <= 1200; revision += 50)
            journal.Commit([.. Enumerable.Range(revision, 50).Select(r => Write(r, WriteType.Modified, "a", $"v{r}"))], DateTimeOffset.UnixEpoch);

        await using var db = await Databases.CreateDbContextAsync();
        var kept = await db.Writes.Select(w => w.Revision).ToListAsync();
        Assert.Equal(901, kept.Min());
        Assert.Equal(1200, kept.Max());
        Assert.Equal(1200, await db.Sandboxes.Select(s => s.Revision).SingleAsync());
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_leaves_nothing_behind()
    {
        var journal = new SqliteJournal("sandbox", Databases, keptWrites: 100);
        journal.Commit([Write(1, WriteType.Added, "a")], DateTimeOffset.UnixEpoch);

        // Revision 1 is already in the log, so the insert fails after the object rows were touched.
        Assert.ThrowsAny<DbUpdateException>(() =>
            journal.Commit([Write(1, WriteType.Modified, "a", "changed"), Write(2, WriteType.Added, "b")], DateTimeOffset.UnixEpoch.AddHours(1)));

        await using var db = await Databases.CreateDbContextAsync();
        var live = Assert.Single(await db.Objects.ToListAsync());
        Assert.DoesNotContain("changed", live.Json);
        Assert.Equal((1L, DateTimeOffset.UnixEpoch), (await db.Sandboxes.Select(s => s.Revision).SingleAsync(), await db.Sandboxes.Select(s => s.Now).SingleAsync()));
    }

    [Fact]
    public async Task A_reader_is_not_blocked_by_an_open_write_and_does_not_see_it()
    {
        new SqliteJournal("sandbox", Databases, keptWrites: 100).Commit([Write(1, WriteType.Added, "a")], DateTimeOffset.UnixEpoch);
        await using var writer = await Databases.CreateDbContextAsync();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        await writer.Objects.ExecuteDeleteAsync();

        await using var reader = await Databases.CreateDbContextAsync();
        Assert.Equal(1, await reader.Objects.CountAsync());
        await transaction.CommitAsync();
        Assert.Equal(0, await reader.Objects.CountAsync());
    }

    private static WriteRecord Write(long revision, WriteType type, string name, string value = "v1")
    {
        var map = new ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new ObjectMeta { Name = name, Namespace = "default", ResourceVersion = revision.ToString() } };
        map.Data = new() { ["value"] = value };
        return new WriteRecord(revision, type, new ObjectKey("configmaps", "default", name), "ConfigMap", map, KubeJson.Serialize(map), "kubectl", null, DateTimeOffset.UnixEpoch);
    }
}

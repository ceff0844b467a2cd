using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using Playground.Server.Persistence;

namespace Playground.Server.Sandboxes;

/// <summary>A new sandbox and the only copy of its owner's token.</summary>
public sealed record CreatedSandbox(string Id, string Token);

/// <summary>
/// Creates sandboxes and opens them for callers that hold their token, restoring a sandbox from SQLite on its first
/// use after a restart. Unknown ids and wrong tokens look the same to the caller.
/// </summary>
public sealed class SandboxRegistry(
    IDbContextFactory<PlaygroundDb> databases,
    IOptions<PlaygroundOptions> options,
    TimeProvider time,
    ILogger<SandboxRegistry> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SandboxActor>>> _loaded = new();
    private readonly ResourceRegistry _resources = new();

    public async Task<CreatedSandbox> CreateAsync(CancellationToken cancellationToken = default)
    {
        var id = SandboxTokens.NewId();
        var token = SandboxTokens.NewToken();
        var clusterOptions = options.Value.Cluster with { Limits = options.Value.Limits };
        var sandbox = new StoredSandbox
        {
            Id = id,
            TokenHash = SandboxTokens.Hash(token),
            CreatedAt = time.GetUtcNow(),
            OptionsJson = JsonSerializer.Serialize(clusterOptions),
        };
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            // The row comes first: the journal's writes belong to it.
            db.Sandboxes.Add(sandbox);
            await db.SaveChangesAsync(cancellationToken);
        }

        var actor = Start(sandbox, SimulatedCluster.Create(clusterOptions, new SqliteJournal(id, databases, clusterOptions.HistoryWindow)));
        _loaded[id] = new Lazy<Task<SandboxActor>>(Task.FromResult(actor));
        // An empty command returns once the bootstrap writes (namespaces, nodes) are committed.
        await actor.RunAsync(_ => true);
        return new CreatedSandbox(id, token);
    }

    /// <summary>The sandbox when <paramref name="token"/> is its owner's token; null for an unknown id or any other token.</summary>
    public async Task<SandboxActor?> OpenAsync(string sandboxId, string? token, CancellationToken cancellationToken = default)
    {
        if (token is null || !SandboxTokens.IsWellFormedId(sandboxId)) return null;
        if (!_loaded.TryGetValue(sandboxId, out var loading))
        {
            // The token is checked against the stored hash first, so a wrong guess never costs a restore.
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var stored = await db.Sandboxes.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sandboxId, cancellationToken);
            if (stored is null || !SandboxTokens.Matches(token, stored.TokenHash)) return null;
            loading = _loaded.GetOrAdd(sandboxId, id => new Lazy<Task<SandboxActor>>(() => RestoreAsync(id)));
        }

        SandboxActor actor;
        try
        {
            actor = await loading.Value;
        }
        catch
        {
            _loaded.TryRemove(new(sandboxId, loading));
            throw;
        }
        return SandboxTokens.Matches(token, actor.TokenHash) ? actor : null;
    }

    private async Task<SandboxActor> RestoreAsync(string sandboxId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var sandbox = await db.Sandboxes.AsNoTracking().SingleAsync(s => s.Id == sandboxId);
        // The server's limits of today apply, also to a sandbox made before they changed.
        var clusterOptions = (JsonSerializer.Deserialize<ClusterOptions>(sandbox.OptionsJson) ?? new ClusterOptions()) with { Limits = options.Value.Limits };
        var objects = await db.Objects.AsNoTracking().Where(o => o.SandboxId == sandboxId).ToListAsync();
        var tail = await db.Writes.AsNoTracking()
            .Where(w => w.SandboxId == sandboxId)
            .OrderByDescending(w => w.Revision)
            .Take(clusterOptions.HistoryWindow)
            .ToListAsync();

        var state = new ClusterState(
            sandbox.Now,
            sandbox.Revision,
            objects.Select(ToWriteRecord).ToList(),
            clusterOptions,
            tail.OrderBy(w => w.Revision).Select(ToWriteRecord).ToList());
        logger.LogInformation("Restoring sandbox {SandboxId} at revision {Revision} with {Count} objects", sandboxId, sandbox.Revision, objects.Count);
        return Start(sandbox, SimulatedCluster.Restore(state, new SqliteJournal(sandboxId, databases, clusterOptions.HistoryWindow)));
    }

    private SandboxActor Start(StoredSandbox sandbox, SimulatedCluster cluster)
    {
        var clock = new ClockSettings(sandbox.ClockSpeed ?? options.Value.ClockSpeed, sandbox.ClockPaused);
        var actor = new SandboxActor(sandbox.Id, sandbox.TokenHash, cluster, clock, (settings, now) => SaveClock(sandbox.Id, settings, now), time, logger);
        // A failed actor is forgotten, so the next request restores the sandbox from what SQLite holds.
        actor.Completion.ContinueWith(
            _ => _loaded.TryRemove(sandbox.Id, out var _),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return actor;
    }

    /// <summary>Runs on the sandbox's loop, so saves happen in the order the changes were made.</summary>
    private void SaveClock(string sandboxId, ClockSettings settings, DateTimeOffset now)
    {
        using var db = databases.CreateDbContext();
        db.Sandboxes.Where(s => s.Id == sandboxId).ExecuteUpdate(s => s
            .SetProperty(x => x.Now, now)
            .SetProperty(x => x.ClockSpeed, settings.Speed)
            .SetProperty(x => x.ClockPaused, settings.Paused));
    }

    private WriteRecord ToWriteRecord(StoredObject o) =>
        Decode(o.Revision, Enum.Parse<WriteType>(o.Type), new ObjectKey(o.Resource, o.Namespace.Length == 0 ? null : o.Namespace, o.Name), o.Kind, o.Json, o.Actor, o.Cause, o.Time);

    private WriteRecord ToWriteRecord(StoredWrite w) =>
        Decode(w.Revision, Enum.Parse<WriteType>(w.Type), new ObjectKey(w.Resource, w.Namespace, w.Name), w.Kind, w.Json, w.Actor, w.Cause, w.Time);

    private WriteRecord Decode(long revision, WriteType type, ObjectKey key, string kind, string json, string actor, long? cause, DateTimeOffset time)
    {
        var resource = _resources.All.FirstOrDefault(t => t.Plural == key.Resource && t.Kind == kind)
            ?? throw new InvalidDataException($"stored object {key} has an unknown kind {kind}");
        return new WriteRecord(revision, type, key, kind, KubeJson.Deserialize(json, resource.ClrType), json, actor, cause, time);
    }

    /// <summary>Stops every loaded sandbox after its current turn; everything they acknowledged is already committed.</summary>
    public async Task StopAllAsync()
    {
        foreach (var (id, loading) in _loaded)
        {
            _loaded.TryRemove(id, out _);
            if (loading.IsValueCreated && loading.Value.IsCompletedSuccessfully) await loading.Value.Result.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAllAsync();
}

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
public sealed record CreatedSandbox(string Id, string Token, string Name);

/// <summary>One line of "My sandboxes".</summary>
public sealed record SandboxSummary(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, long Revision, bool Hibernated);

/// <summary>
/// Creates, loads, resets, forks and deletes sandboxes. A sandbox is restored from SQLite on its first use after a
/// restart or a hibernation. It checks no credentials: callers go through <see cref="SandboxAccessControl"/>, or check
/// their own (a classroom's instructor) before they call <see cref="LoadAsync"/>.
/// </summary>
public sealed class SandboxRegistry(
    IDbContextFactory<PlaygroundDb> databases,
    IOptions<PlaygroundOptions> options,
    TimeProvider time,
    ILogger<SandboxRegistry> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SandboxActor?>>> _loaded = new();

    /// <summary>Ids deleted since the server started; ids are random and never reused, so this only closes races with a delete.</summary>
    private readonly ConcurrentDictionary<string, bool> _deleted = new();

    private readonly ResourceRegistry _resources = new();

    /// <summary>
    /// A new sandbox built from <paramref name="seed"/> (the server's cluster shape and no manifests when null), owned
    /// by the browser with <paramref name="visitorId"/> when there is one.
    /// </summary>
    /// <exception cref="ArgumentException">The seed's manifests cannot be read or created; nothing was stored.</exception>
    /// <exception cref="SandboxQuotaException">The visitor owns as many sandboxes as it may; nothing was stored.</exception>
    public async Task<CreatedSandbox> CreateAsync(SandboxSeed? seed = null, string? name = null, string? visitorId = null, CancellationToken cancellationToken = default)
    {
        seed ??= new SandboxSeed(options.Value.Cluster);
        var id = SandboxTokens.NewId();
        var token = SandboxTokens.NewToken();
        // Built before the row is stored, so a seed that cannot be planted leaves nothing behind; the journal commits only on the first flush.
        var cluster = Build(seed, new SqliteJournal(id, databases, seed.Cluster.HistoryWindow), afterRevision: 0, start: null);
        var now = time.GetUtcNow();
        var sandbox = new StoredSandbox
        {
            Id = id,
            TokenHash = SandboxTokens.Hash(token),
            CreatedAt = now,
            OptionsJson = JsonSerializer.Serialize(seed.Cluster),
            SeedManifests = seed.Manifests,
            Name = name ?? await DefaultNameAsync(visitorId, cancellationToken),
            OwnerVisitorHash = visitorId is null ? null : SandboxTokens.Hash(visitorId),
            LastActivityAt = now,
        };
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            EnsureRoomFor(db, sandbox.OwnerVisitorHash);
            // The row comes first: the journal's writes belong to it.
            db.Sandboxes.Add(sandbox);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var actor = Start(sandbox, cluster);
        _loaded[id] = new Lazy<Task<SandboxActor?>>(Task.FromResult<SandboxActor?>(actor));
        // An empty command returns once the bootstrap writes (namespaces, nodes, the seed's objects) are committed.
        await actor.RunAsync(_ => true);
        return new CreatedSandbox(id, token, sandbox.Name);
    }

    /// <summary>The sandbox, loading it when needed; null when there is none. For callers that checked access themselves.</summary>
    public async Task<SandboxActor?> LoadAsync(string sandboxId, CancellationToken cancellationToken = default)
    {
        if (!SandboxTokens.IsWellFormedId(sandboxId)) return null;
        while (!_deleted.ContainsKey(sandboxId))
        {
            if (!_loaded.TryGetValue(sandboxId, out var loading))
            {
                // Asked first, so a wrong id never costs a restore.
                await using (var db = await databases.CreateDbContextAsync(cancellationToken))
                    if (!await db.Sandboxes.AnyAsync(s => s.Id == sandboxId, cancellationToken)) return null;
                loading = _loaded.GetOrAdd(sandboxId, id => new Lazy<Task<SandboxActor?>>(() => RestoreAsync(id)));
            }

            SandboxActor? actor;
            try
            {
                actor = await loading.Value;
            }
            catch
            {
                _loaded.TryRemove(new(sandboxId, loading));
                throw;
            }
            if (actor is null)
            {
                _loaded.TryRemove(new(sandboxId, loading));
                return null;
            }
            if (!actor.IsHibernating) return actor;
            // It is being put away: its last commit comes first, then it is restored afresh from what SQLite holds.
            await Ended(actor.Completion);
            _loaded.TryRemove(new(sandboxId, loading));
        }
        return null;
    }

    /// <summary>The sandbox when it is in memory and in service; never loads it.</summary>
    internal SandboxActor? Loaded(string sandboxId) =>
        _loaded.TryGetValue(sandboxId, out var loading) && loading.IsValueCreated && loading.Value.IsCompletedSuccessfully
            && loading.Value.Result is { IsHibernating: false } actor ? actor : null;

    /// <summary>
    /// Puts the sandbox back to its seed: a new cluster whose revisions go on after the old ones, on a clock that does
    /// not run backwards, running at the server's speed. Open subscriptions and watches end and load it again.
    /// </summary>
    /// <returns>False when there is no such sandbox.</returns>
    public async Task<bool> ResetAsync(string sandboxId, CancellationToken cancellationToken = default)
    {
        var actor = await LoadAsync(sandboxId, cancellationToken);
        if (actor is null) return false;
        SandboxSeed seed;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.Sandboxes.AsNoTracking().Where(s => s.Id == sandboxId)
                .Select(s => new { s.OptionsJson, s.SeedManifests }).SingleOrDefaultAsync(cancellationToken);
            if (stored is null) return false;
            seed = new SandboxSeed(ClusterOptionsOf(stored.OptionsJson), stored.SeedManifests);
        }
        // The revision after the old cluster's last stands for the reset itself and is compacted at once: a watch from any
        // old revision gets 410 Gone and relists, instead of missing the deletion of everything it knew.
        var revision = await actor.ResetAsync(
            old => Build(seed, new SqliteJournal(sandboxId, databases, seed.Cluster.HistoryWindow, replaces: true), old.Store.Revision + 1, old.Clock.Now),
            new ClockSettings(options.Value.ClockSpeed, Paused: false));
        logger.LogInformation("Sandbox {SandboxId} was reset; it goes on at revision {Revision}", sandboxId, revision);
        return true;
    }

    /// <summary>What its owner calls the sandbox; null when there is no such sandbox.</summary>
    public async Task<string?> NameAsync(string sandboxId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Sandboxes.Where(s => s.Id == sandboxId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
    }

    /// <returns>False when there is no such sandbox.</returns>
    public async Task<bool> RenameAsync(string sandboxId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Sandboxes.Where(s => s.Id == sandboxId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, name), cancellationToken) > 0;
    }

    /// <summary>Stops the sandbox (its subscribers hear why) and removes it with its writes, objects and share links.</summary>
    /// <returns>False when there is no such sandbox.</returns>
    public async Task<bool> DeleteAsync(string sandboxId, CancellationToken cancellationToken = default)
    {
        if (!SandboxTokens.IsWellFormedId(sandboxId) || !_deleted.TryAdd(sandboxId, true)) return false;
        if (_loaded.TryRemove(sandboxId, out var loading) && await Ended(loading.Value) is { } actor) await actor.EndAsDeletedAsync();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Shares.Where(s => s.SandboxId == sandboxId).ExecuteDeleteAsync(cancellationToken);
        await db.Objects.Where(o => o.SandboxId == sandboxId).ExecuteDeleteAsync(cancellationToken);
        await db.Writes.Where(w => w.SandboxId == sandboxId).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Sandboxes.Where(s => s.Id == sandboxId).ExecuteDeleteAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        if (deleted) logger.LogInformation("Sandbox {SandboxId} was deleted", sandboxId);
        return deleted;
    }

    /// <summary>
    /// A new sandbox that starts as a copy of <paramref name="source"/> as it stands (objects, write history, clock)
    /// and lives on on its own; it keeps the source's seed, so a reset takes it to where the source started.
    /// </summary>
    /// <exception cref="SandboxQuotaException">The visitor owns as many sandboxes as it may; nothing was stored.</exception>
    public async Task<CreatedSandbox> ForkAsync(SandboxActor source, string? visitorId, CancellationToken cancellationToken = default)
    {
        var id = SandboxTokens.NewId();
        var token = SandboxTokens.NewToken();
        var now = time.GetUtcNow();
        // On the source's loop, after a flush, so the rows copied are exactly the state it stands at and nothing commits meanwhile.
        var name = await source.RunAsync(cluster =>
        {
            cluster.Flush(shown: true);
            using var db = databases.CreateDbContext();
            using var transaction = db.Database.BeginTransaction();
            var original = db.Sandboxes.AsNoTracking().Single(s => s.Id == source.Id);
            var fork = new StoredSandbox
            {
                Id = id,
                TokenHash = SandboxTokens.Hash(token),
                CreatedAt = now,
                Now = original.Now,
                Revision = original.Revision,
                ClockSpeed = original.ClockSpeed,
                ClockPaused = original.ClockPaused,
                OptionsJson = original.OptionsJson,
                SeedManifests = original.SeedManifests,
                Name = SandboxNames.ForkOf(original.Name),
                OwnerVisitorHash = visitorId is null ? null : SandboxTokens.Hash(visitorId),
                LastActivityAt = now,
            };
            EnsureRoomFor(db, fork.OwnerVisitorHash);
            db.Sandboxes.Add(fork);
            db.SaveChanges();
            db.Database.ExecuteSql($"""
                INSERT INTO "Objects" ("SandboxId", "Resource", "Namespace", "Name", "Kind", "Revision", "Type", "Actor", "Cause", "Time", "Json")
                SELECT {id}, "Resource", "Namespace", "Name", "Kind", "Revision", "Type", "Actor", "Cause", "Time", "Json" FROM "Objects" WHERE "SandboxId" = {source.Id}
                """);
            db.Database.ExecuteSql($"""
                INSERT INTO "Writes" ("SandboxId", "Revision", "Type", "Resource", "Namespace", "Name", "Kind", "Actor", "Cause", "Time", "Json")
                SELECT {id}, "Revision", "Type", "Resource", "Namespace", "Name", "Kind", "Actor", "Cause", "Time", "Json" FROM "Writes" WHERE "SandboxId" = {source.Id}
                """);
            transaction.Commit();
            return fork.Name;
        });
        logger.LogInformation("Sandbox {SandboxId} was forked from {SourceId}", id, source.Id);
        return new CreatedSandbox(id, token, name);
    }

    /// <summary>The sandboxes the browser with <paramref name="visitorId"/> owns, oldest first.</summary>
    public async Task<IReadOnlyList<SandboxSummary>> ListAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        var hash = SandboxTokens.Hash(visitorId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Sandboxes.AsNoTracking().Where(s => s.OwnerVisitorHash == hash)
            .Select(s => new { s.Id, s.Name, s.CreatedAt, s.LastActivityAt, s.Revision }).ToListAsync(cancellationToken);
        return [.. rows
            .Select(s => Loaded(s.Id) is { } actor
                ? new SandboxSummary(s.Id, s.Name, s.CreatedAt, actor.LastActivity, s.Revision, Hibernated: false)
                : new SandboxSummary(s.Id, s.Name, s.CreatedAt, s.LastActivityAt ?? s.CreatedAt, s.Revision, Hibernated: true))
            .OrderBy(s => s.CreatedAt)];
    }

    /// <summary>
    /// Unloads every sandbox nobody has sent a request for in <see cref="PlaygroundOptions.HibernateAfter"/> and nobody
    /// watches: its loop commits and stops, and the next request restores it as it was.
    /// </summary>
    /// <returns>How many were unloaded.</returns>
    public async Task<int> HibernateIdleAsync()
    {
        var unloaded = 0;
        foreach (var (id, loading) in _loaded)
        {
            if (!loading.IsValueCreated || !loading.Value.IsCompletedSuccessfully || loading.Value.Result is not { } actor) continue;
            if (!actor.TryHibernate(options.Value.HibernateAfter)) continue;
            await Ended(actor.Completion);
            await actor.DisposeAsync();
            _loaded.TryRemove(new(id, loading));
            await SaveActivityAsync(id, actor.LastActivity);
            logger.LogInformation("Sandbox {SandboxId} hibernated: no requests since {LastActivity:O}", id, actor.LastActivity);
            unloaded++;
        }
        return unloaded;
    }

    private async Task<SandboxActor?> RestoreAsync(string sandboxId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var sandbox = await db.Sandboxes.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sandboxId);
        if (sandbox is null) return null;
        var clusterOptions = Limited(ClusterOptionsOf(sandbox.OptionsJson));
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
        var actor = new SandboxActor(sandbox.Id, sandbox.TokenHash, cluster, clock, (settings, now) => SaveClock(sandbox.Id, settings, now),
            () => LoadAsync(sandbox.Id), time, logger);
        // A failed actor is forgotten, so the next request restores the sandbox from what SQLite holds.
        actor.Completion.ContinueWith(_ =>
            {
                if (_loaded.TryGetValue(sandbox.Id, out var loading) && loading.IsValueCreated && loading.Value.IsCompletedSuccessfully && loading.Value.Result == actor)
                    _loaded.TryRemove(new(sandbox.Id, loading));
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return actor;
    }

    /// <summary>A new cluster of the seed's shape with its manifests created; revisions go on after <paramref name="afterRevision"/>.</summary>
    private SimulatedCluster Build(SandboxSeed seed, SqliteJournal journal, long afterRevision, DateTimeOffset? start)
    {
        var shape = Limited(seed.Cluster);
        var cluster = SimulatedCluster.Create(start is null ? shape : shape with { Start = start }, journal, afterRevision);
        if (string.IsNullOrWhiteSpace(seed.Manifests)) return cluster;
        try
        {
            foreach (var manifest in ManifestReader.Read(seed.Manifests)) SandboxSeed.Plant(cluster, manifest);
        }
        catch (Exception e) when (e is ManifestException or ApiException)
        {
            throw new ArgumentException($"the seed's manifests cannot be created: {e.Message}", nameof(seed), e);
        }
        cluster.RunPending();
        return cluster;
    }

    /// <summary>
    /// Refuses a visitor's sandbox past its quota. Called inside the transaction that stores the sandbox, which SQLite
    /// begins IMMEDIATE, so two creations at once cannot both take the last place.
    /// </summary>
    private void EnsureRoomFor(PlaygroundDb db, byte[]? ownerVisitorHash)
    {
        if (ownerVisitorHash is null || options.Value.Limits.SandboxesPerVisitor is not { } limit) return;
        var used = db.Sandboxes.Count(s => s.OwnerVisitorHash == ownerVisitorHash);
        if (used >= limit) throw new SandboxQuotaException(used, limit);
    }

    private async Task<string> DefaultNameAsync(string? visitorId, CancellationToken cancellationToken)
    {
        if (visitorId is null) return "Sandbox";
        var hash = SandboxTokens.Hash(visitorId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return $"Sandbox {await db.Sandboxes.CountAsync(s => s.OwnerVisitorHash == hash, cancellationToken) + 1}";
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

    private async Task SaveActivityAsync(string sandboxId, DateTimeOffset at)
    {
        await using var db = await databases.CreateDbContextAsync();
        await db.Sandboxes.Where(s => s.Id == sandboxId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActivityAt, at));
    }

    /// <summary>The server's limits as configured now, whatever a sandbox was made with, so that no tenant takes the server from the others.</summary>
    private ClusterOptions Limited(ClusterOptions cluster) => cluster with { Limits = options.Value.Limits.PerSandbox };

    private static ClusterOptions ClusterOptionsOf(string json) => JsonSerializer.Deserialize<ClusterOptions>(json) ?? new ClusterOptions();

    /// <summary>Waits for a task that may fail; the failure was logged where it happened.</summary>
    private static async Task<T?> Ended<T>(Task<T?> task) where T : class
    {
        try
        {
            return await task;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static async Task Ended(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Logged by the loop that failed.
        }
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
            if (loading.IsValueCreated && loading.Value.IsCompletedSuccessfully && loading.Value.Result is { } actor)
            {
                await actor.DisposeAsync();
                await SaveActivityAsync(id, actor.LastActivity);
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAllAsync();
}

using Microsoft.EntityFrameworkCore;
using Playground.Core.Storage;

namespace Playground.Server.Persistence;

/// <summary>
/// The persistence port of one sandbox: each batch the cluster flushes becomes one SQLite transaction
/// (write log, current objects, clock and revision), so a restart finds either all of a batch or none of it.
/// The write log keeps the last <paramref name="keptWrites"/> writes, what a restore loads as the watch window;
/// older ones are pruned every thousand revisions, so heartbeats do not grow the file forever.
/// A journal that <paramref name="replaces"/> the sandbox's cluster (a reset) first drops every object and write the
/// sandbox had, in the same transaction as its first batch, so a restart finds the old cluster or the new one, never a mix.
/// </summary>
public sealed class SqliteJournal(string sandboxId, IDbContextFactory<PlaygroundDb> databases, int keptWrites, bool replaces = false) : IClusterJournal
{
    private const long PruneEvery = 1000;

    /// <summary>
    /// SQLite takes one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms before it
    /// tries again: sandboxes queue for it here instead, so one tenant's stream of commits never stalls another's by that much.
    /// </summary>
    private static readonly Lock Writer = new();

    private bool _replacing = replaces;

    public void Commit(IReadOnlyList<WriteRecord> writes, DateTimeOffset now)
    {
        lock (Writer) CommitAlone(writes, now);
    }

    private void CommitAlone(IReadOnlyList<WriteRecord> writes, DateTimeOffset now)
    {
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        if (_replacing)
        {
            db.Objects.Where(o => o.SandboxId == sandboxId).ExecuteDelete();
            db.Writes.Where(w => w.SandboxId == sandboxId).ExecuteDelete();
        }

        var latest = writes.GroupBy(w => w.Key).Select(g => g.MaxBy(w => w.Revision)!).ToList();
        foreach (var write in latest)
        {
            var (resource, ns, name) = (write.Key.Resource, write.Key.Namespace ?? "", write.Key.Name);
            // Replacing the row is this batch's upsert; EF Core has no upsert of its own.
            db.Objects.Where(o => o.SandboxId == sandboxId && o.Resource == resource && o.Namespace == ns && o.Name == name)
                .ExecuteDelete();
        }

        db.Writes.AddRange(writes.Select(ToStoredWrite));
        db.Objects.AddRange(latest.Where(w => w.Type != WriteType.Deleted).Select(ToStoredObject));
        db.SaveChanges();

        var revision = writes.Count > 0 ? writes.Max(w => w.Revision) : (long?)null;
        db.Sandboxes.Where(s => s.Id == sandboxId).ExecuteUpdate(s => s
            .SetProperty(x => x.Now, now)
            .SetProperty(x => x.Revision, x => revision ?? x.Revision));
        if (revision is { } last && last / PruneEvery != (writes.Min(w => w.Revision) - 1) / PruneEvery)
            db.Writes.Where(w => w.SandboxId == sandboxId && w.Revision <= last - keptWrites).ExecuteDelete();

        transaction.Commit();
        _replacing = false;
    }

    private StoredWrite ToStoredWrite(WriteRecord write) => new()
    {
        SandboxId = sandboxId,
        Revision = write.Revision,
        Type = write.Type.ToString(),
        Resource = write.Key.Resource,
        Namespace = write.Key.Namespace,
        Name = write.Key.Name,
        Kind = write.Kind,
        Actor = write.Actor,
        Cause = write.Cause,
        Time = write.Time,
        Json = write.Json,
    };

    private StoredObject ToStoredObject(WriteRecord write) => new()
    {
        SandboxId = sandboxId,
        Resource = write.Key.Resource,
        Namespace = write.Key.Namespace ?? "",
        Name = write.Key.Name,
        Kind = write.Kind,
        Revision = write.Revision,
        Type = write.Type.ToString(),
        Actor = write.Actor,
        Cause = write.Cause,
        Time = write.Time,
        Json = write.Json,
    };
}

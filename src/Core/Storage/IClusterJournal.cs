namespace Playground.Core.Storage;

/// <summary>The persistence port: receives every committed write, in order, with the simulated time they reached.</summary>
public interface IClusterJournal
{
    void Commit(IReadOnlyList<WriteRecord> writes, DateTimeOffset now);
}

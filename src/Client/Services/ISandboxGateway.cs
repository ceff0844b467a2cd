using Playground.Core.Api.Meta;
using Playground.Core.Kubectl;
using Playground.Core.Storage;

namespace Playground.Client.Services;

/// <summary>
/// The workspace's way into a sandbox, implemented by the server. Every call checks that the
/// current visitor (the circuit's cookies) may use the sandbox.
/// </summary>
public interface ISandboxGateway
{
    /// <summary>False when the sandbox does not exist or the visitor holds no credential for it.</summary>
    Task<bool> CanOpenAsync(string sandboxId);

    Task<KubectlResult> RunKubectlAsync(string sandboxId, string command, CancellationToken cancellationToken = default);

    /// <summary>The current objects of the kinds the workspace shows, and the revision they are at.</summary>
    Task<ClusterSnapshot> GetSnapshotAsync(string sandboxId, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onWrites"/> with every batch of writes committed after <paramref name="afterRevision"/>, in order.</summary>
    IDisposable Subscribe(string sandboxId, long afterRevision, Func<IReadOnlyList<WriteRecord>, Task> onWrites);
}

public sealed record ClusterSnapshot(long Revision, DateTimeOffset Now, IReadOnlyList<KubeObject> Objects);

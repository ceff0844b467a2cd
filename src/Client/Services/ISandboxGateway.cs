using Playground.Core.Api.Meta;
using Playground.Core.Kubectl;
using Playground.Core.Simulation;
using Playground.Core.Kubectl.Completion;
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

    /// <summary>
    /// What the visitor may do: <see cref="SandboxAccess.Owner"/> everything; <see cref="SandboxAccess.Viewer"/> (a view
    /// link) only read, so the page shows a read-only workspace: kubectl writes, clock changes and faults are refused.
    /// </summary>
    Task<SandboxAccess> AccessAsync(string sandboxId);

    /// <summary>
    /// Runs a kubectl command line: its "-f -" reads <paramref name="stdin"/>, as POST /api/sandboxes/{id}/kubectl does with
    /// "stdin", and it runs in the terminal's kubeconfig context, whose namespace commands without -n use (null: "default", as in
    /// the downloadable kubeconfig); the result's Namespace is the context's namespace after the command.
    /// </summary>
    Task<KubectlResult> RunKubectlAsync(string sandboxId, string command, string? stdin = null, string? contextNamespace = null, CancellationToken cancellationToken = default);

    /// <summary>What Tab offers for the last word of <paramref name="textBeforeCursor"/>, names from the context's namespace unless the line has -n; reads the cluster, changes nothing.</summary>
    Task<KubectlCompletion> CompleteKubectlAsync(string sandboxId, string textBeforeCursor, string? contextNamespace = null, CancellationToken cancellationToken = default);

    /// <summary>The current objects of the kinds the workspace shows, and the revision they are at.</summary>
    Task<ClusterSnapshot> GetSnapshotAsync(string sandboxId, CancellationToken cancellationToken = default);

    /// <summary>Where the sandbox's clock stands and how it runs.</summary>
    Task<ClockState> GetClockAsync(string sandboxId, CancellationToken cancellationToken = default);

    /// <summary>Pauses, resumes, re-speeds, steps or settles the sandbox's clock, as POST /api/sandboxes/{id}/clock does.</summary>
    Task<ClockState> ChangeClockAsync(string sandboxId, ClockChange change, CancellationToken cancellationToken = default);

    /// <summary>Injects a fault and says what was done; throws the Core ApiException when the fault is refused (nothing changed).</summary>
    Task<string> InjectFaultAsync(string sandboxId, Fault fault, CancellationToken cancellationToken = default);

    /// <summary>The scheduler's recent attempts for the pod with this uid, oldest first; empty when it has none (or forgot them). Reads only.</summary>
    Task<IReadOnlyList<SchedulingAttemptRecord>> GetSchedulingAttemptsAsync(string sandboxId, string podUid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="onWrites"/> with every batch of writes committed after <paramref name="afterRevision"/>, in order.
    /// When writes were missed (no longer in history, or the subscriber fell behind), <paramref name="onGap"/> is called once and
    /// nothing more is delivered: the caller loads a fresh snapshot and subscribes again. Without it the stream logs the gap and goes on.
    /// When the sandbox is reset or deleted, or the view link the visitor came with is revoked, <paramref name="onEnded"/> is called
    /// once with the reason and nothing more is delivered (without it, a reset calls <paramref name="onGap"/>).
    /// </summary>
    IDisposable Subscribe(string sandboxId, long afterRevision, Func<IReadOnlyList<WriteRecord>, Task> onWrites, Func<Task>? onGap = null,
        Func<SandboxStreamEnd, Task>? onEnded = null);
}

public sealed record ClusterSnapshot(long Revision, DateTimeOffset Now, IReadOnlyList<KubeObject> Objects);

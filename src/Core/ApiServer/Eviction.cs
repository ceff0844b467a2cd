using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Policy;
using Playground.Core.Controllers;
using Playground.Core.Controllers.Disruption;

namespace Playground.Core.ApiServer;

/// <summary>
/// The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): a delete that first asks the pod's
/// PodDisruptionBudget, taking one of its allowed disruptions or refusing with 429 TooManyRequests.
/// </summary>
public sealed partial class ApiServer
{
    public const string DisruptionBudgetCause = "DisruptionBudget";

    /// <summary>Evicts a pod: deletes it with <paramref name="options"/> when no budget forbids it; returns the pod's last state.</summary>
    public Pod Evict(string ns, string name, WriteContext context, DeleteOptions? options = null)
    {
        BeforeWrite?.Invoke();
        var pod = Get<Pod>(ns, name);
        // A pod that is not running (or already going) disrupts nothing, so budgets do not apply (canIgnorePDB).
        if (pod.Status?.Phase is "Succeeded" or "Failed" or "Pending" || pod.Metadata.DeletionTimestamp is not null)
            return Delete<Pod>(ns, name, context, options);

        var budgets = List<PodDisruptionBudget>(ns).Where(b => DisruptionController.Selects(b, pod)).ToList();
        if (budgets.Count > 1)
            throw new ApiException(new Status { Code = 500, Reason = "InternalError", Message = "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support." });
        if (budgets.Count == 1) TakeDisruption(budgets[0], pod, context);
        return Delete<Pod>(ns, name, context, options);
    }

    /// <summary>checkAndDecrement: an unhealthy pod may go while the budget is met; otherwise one allowed disruption is spent.</summary>
    private void TakeDisruption(PodDisruptionBudget pdb, Pod pod, WriteContext context)
    {
        var status = pdb.Status ?? new PodDisruptionBudgetStatus();
        var ready = PodReadiness.IsReady(pod);
        if (!ready && (pdb.Spec.UnhealthyPodEvictionPolicy == "AlwaysAllow" || status.CurrentHealthy >= status.DesiredHealthy && status.DesiredHealthy > 0))
            return;
        if ((status.ObservedGeneration ?? 0) < (pdb.Metadata.Generation ?? 0))
            throw TooManyRequests($"The disruption budget {pdb.Metadata.Name} is still being processed by the server.");
        if (status.DisruptionsAllowed < 0)
            throw ApiException.Forbidden("pdb disruptions allowed is negative");
        if (status.DisruptionsAllowed == 0)
            throw TooManyRequests($"The disruption budget {pdb.Metadata.Name} needs {status.DesiredHealthy} healthy pods and has {status.CurrentHealthy} currently");
        status.DisruptionsAllowed--;
        if (status.DisruptionsAllowed == 0 && status.Conditions?.FirstOrDefault(c => c.Type == "DisruptionAllowed") is { } condition)
            (condition.Status, condition.Reason, condition.LastTransitionTime) = ("False", "InsufficientPods", Now);
        (status.DisruptedPods ??= [])[pod.Metadata.Name!] = Now;
        pdb.Status = status;
        UpdateStatus(pdb, context);
    }

    private static ApiException TooManyRequests(string cause) => new(new Status
    {
        Code = 429,
        Reason = "TooManyRequests",
        Message = "Cannot evict pod as it would violate the pod's disruption budget.",
        Details = new StatusDetails { Causes = [new StatusCause { Reason = DisruptionBudgetCause, Message = cause }] },
    });
}

using Playground.Core.Api.Meta;
using Playground.Core.Api.Policy;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>printPodDisruptionBudget: the budget as written (N/A for the unset half) and the disruptions allowed now.</summary>
public sealed class PodDisruptionBudgetTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
        [new("Name"), new("Min Available"), new("Max Unavailable"), new("Allowed Disruptions"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var pdb = (PodDisruptionBudget)obj;
        return
        [
            pdb.Metadata.Name ?? "",
            pdb.Spec.MinAvailable?.ToString() ?? "N/A",
            pdb.Spec.MaxUnavailable?.ToString() ?? "N/A",
            $"{pdb.Status?.DisruptionsAllowed ?? 0}",
            HumanDuration.Since(pdb.Metadata.CreationTimestamp, now),
        ];
    }
}

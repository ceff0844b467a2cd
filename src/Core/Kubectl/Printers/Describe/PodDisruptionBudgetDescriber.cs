using Playground.Core.Api.Core;
using Playground.Core.Api.Policy;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>describePodDisruptionBudget: the budget as written, then the disruption controller's counts.</summary>
public static class PodDisruptionBudgetDescriber
{
    public static string Describe(PodDisruptionBudget pdb, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{pdb.Metadata.Name}");
        w.Line(0, $"Namespace:\t{pdb.Metadata.Namespace}");
        if (pdb.Spec.MinAvailable is { } min) w.Line(0, $"Min available:\t{min}");
        else if (pdb.Spec.MaxUnavailable is { } max) w.Line(0, $"Max unavailable:\t{max}");
        w.Line(0, $"Selector:\t{(pdb.Spec.Selector is null ? "<unset>" : LabelFormat.Selector(pdb.Spec.Selector))}");
        var status = pdb.Status ?? new PodDisruptionBudgetStatus();
        w.Line(0, "Status:");
        w.Line(2, $"Allowed disruptions:\t{status.DisruptionsAllowed}");
        w.Line(2, $"Current:\t{status.CurrentHealthy}");
        w.Line(2, $"Desired:\t{status.DesiredHealthy}");
        w.Line(2, $"Total:\t{status.ExpectedPods}");
        w.Events(events, now);
        return w.ToString();
    }
}

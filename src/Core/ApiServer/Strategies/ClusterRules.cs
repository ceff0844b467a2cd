using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;

namespace Playground.Core.ApiServer.Strategies;

public sealed class NamespaceRules : ResourceStrategy<Namespace>
{
    protected override Func<string, string?> NameRule => Names.Label;

    /// <summary>Runs on create only, as upstream's PrepareForCreate: Active, and the "kubernetes" finalizer the namespace controller removes.</summary>
    protected override void ResetStatus(Namespace ns)
    {
        ns.Status = new NamespaceStatus { Phase = "Active" };
        var finalizers = (ns.Spec ??= new NamespaceSpec()).Finalizers ??= [];
        if (!finalizers.Contains("kubernetes")) finalizers.Add("kubernetes");
    }

    protected override void Default(Namespace ns, StrategyContext context)
    {
        (ns.Metadata.Labels ??= [])["kubernetes.io/metadata.name"] = ns.Metadata.Name ?? "";
    }

    /// <summary>spec.finalizers are qualified names, and one without a prefix must be a standard one (upstream's validateFinalizerName).</summary>
    protected override IEnumerable<FieldError> ValidateObject(Namespace ns)
    {
        foreach (var finalizer in ns.Spec?.Finalizers ?? [])
        {
            if (Labels.QualifiedNameProblem(finalizer) is { } problem) yield return FieldError.Invalid("spec.finalizers", $"\"{finalizer}\"", problem);
            else if (!finalizer.Contains('/') && finalizer is not ("kubernetes" or "orphan" or "foregroundDeletion"))
                yield return FieldError.Invalid("spec.finalizers", $"\"{finalizer}\"", "name is neither a standard finalizer name nor is it fully qualified");
        }
    }
}

public sealed class NodeRules : ResourceStrategy<Node>
{
    /// <summary>Nodes register themselves with their status, so a create keeps it.</summary>
    protected override void ResetStatus(Node node) { }
}

public sealed class EventRules : ResourceStrategy<Event>
{
    protected override void ResetStatus(Event e) { }
}

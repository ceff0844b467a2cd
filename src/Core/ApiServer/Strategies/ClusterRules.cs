using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;

namespace Playground.Core.ApiServer.Strategies;

public sealed class NamespaceRules : ResourceStrategy<Namespace>
{
    protected override Func<string, string?> NameRule => Names.Label;

    protected override void ResetStatus(Namespace ns) => ns.Status = new NamespaceStatus { Phase = "Active" };

    protected override void Default(Namespace ns, StrategyContext context)
    {
        ns.Spec ??= new NamespaceSpec { Finalizers = ["kubernetes"] };
        (ns.Metadata.Labels ??= [])["kubernetes.io/metadata.name"] = ns.Metadata.Name ?? "";
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

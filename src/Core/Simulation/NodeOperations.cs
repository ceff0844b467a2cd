using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;

namespace Playground.Core.Simulation;

/// <summary>
/// What the playground can do to the machines themselves: add one (its kubelet registers it), remove one, cut its
/// power, or bring it back. Everything else — NotReady, taints, evictions, replacements — the control plane does.
/// </summary>
public sealed partial class SimulatedCluster
{
    /// <summary>The actor of writes a person makes to the machines rather than through the API (the fault switch, a node removal).</summary>
    public static readonly WriteContext Operator = new("playground");

    /// <summary>Starts a kubelet for a new machine; it registers the node, named node-N after the highest N in use when no name is given.</summary>
    public string AddNode(string? name = null)
    {
        var names = Api.List<Node>().Select(n => n.Metadata.Name!).ToHashSet();
        name ??= $"node-{names.Select(NodeIdentity.Index).DefaultIfEmpty(0).Max() + 1}";
        if (names.Contains(name) || Kubelets.Any(k => k.NodeName == name)) throw ApiException.AlreadyExists(Resources.For<Node>(), name);
        // Checked here too, because the kubelet registers its node later, where a refusal would reach no one.
        if (Options.Limits?.Nodes is { } max && names.Count >= max)
            throw ApiServer.Admission.SandboxLimitsAdmission.Exceeded("nodes", name, "nodes", names.Count, max);
        var kubelet = new Kubelet.Kubelet(Services, name);
        _components.Add(kubelet);
        kubelet.Start();
        React();
        return name;
    }

    /// <summary>Takes a machine out for good: its kubelet stops and its Node is deleted; the pod garbage collector cleans up its pods.</summary>
    public void RemoveNode(string name)
    {
        var kubelet = Kubelets.FirstOrDefault(k => k.NodeName == name);
        if (kubelet is null) Api.Get<Node>(null, name);
        kubelet?.Stop();
        if (kubelet is not null) _components.Remove(kubelet);
        if (Api.TryGet<Node>(null, name) is not null) Api.Delete<Node>(null, name, Operator);
        React();
    }

    /// <summary>Cuts the machine's power: its kubelet stops heartbeating and acting, and stays so across a restore.</summary>
    public void FailNode(string name) => SetPoweredOff(name, true);

    /// <summary>Powers the machine back on: its kubelet starts, reports Ready and resumes its pods.</summary>
    public void RecoverNode(string name) => SetPoweredOff(name, false);

    private IEnumerable<Kubelet.Kubelet> Kubelets => _components.OfType<Kubelet.Kubelet>();

    private void SetPoweredOff(string name, bool off)
    {
        var node = Api.Get<Node>(null, name);
        var annotations = node.Metadata.Annotations ??= [];
        if (annotations.ContainsKey(Kubelet.Kubelet.PoweredOffAnnotation) == off) return;
        if (off) annotations[Kubelet.Kubelet.PoweredOffAnnotation] = "true";
        else annotations.Remove(Kubelet.Kubelet.PoweredOffAnnotation);
        var written = Api.Update(node, Operator);
        Kubelets.FirstOrDefault(k => k.NodeName == name)?.SetPower(!off, long.Parse(written.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture));
        React();
    }
}

using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Kubelet.Images;
using Playground.Core.Kubelet.Prober;

namespace Playground.Core.Simulation;

/// <summary>
/// One fault to inject: <see cref="Type"/> is one of <see cref="SimulatedCluster.FaultTypes"/>, and the other fields
/// name its target (<see cref="Namespace"/> defaults to "default").
/// </summary>
public sealed record Fault(string Type, string? Node = null, string? Namespace = null, string? Pod = null, string? Deployment = null, string? Probe = null);

/// <summary>
/// Faults a person injects with one click, each made as writes by the "playground" actor, so that the write stream
/// shows the fault and then the control plane's answer to it. A refused fault changes nothing.
/// </summary>
public sealed partial class SimulatedCluster
{
    public static readonly IReadOnlyList<string> FaultTypes =
        ["delete-pod", "fail-node", "recover-node", "add-node", "fail-image-pull", "fail-probe", "recover-probe"];

    /// <summary>Injects <paramref name="fault"/> and lets the control plane react; says what was done. Throws <see cref="ApiException"/> for a bad or impossible fault.</summary>
    public string Inject(Fault fault)
    {
        var ns = string.IsNullOrEmpty(fault.Namespace) ? "default" : fault.Namespace;
        var message = fault.Type switch
        {
            "delete-pod" => DeletePod(ns, Required(fault.Pod, "pod")),
            "fail-node" => SwitchNode(Required(fault.Node, "node"), off: true),
            "recover-node" => SwitchNode(Required(fault.Node, "node"), off: false),
            "add-node" => $"node \"{AddNode(NewNodeName(fault.Node))}\" added",
            "fail-image-pull" => FailImagePull(ns, fault),
            "fail-probe" => FailProbe(ns, Required(fault.Pod, "pod"), fault.Probe),
            "recover-probe" => RecoverProbe(ns, Required(fault.Pod, "pod")),
            _ => throw ApiException.BadRequest($"unknown fault type \"{fault.Type}\": expected one of {string.Join(", ", FaultTypes)}"),
        };
        React();
        return message;
    }

    /// <summary>A name for a node to add, checked before its kubelet starts, so a refused one leaves nothing behind.</summary>
    private string? NewNodeName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        if (Names.Subdomain(name) is { } problem)
            throw ApiException.BadRequest($"node name \"{name}\" is invalid: {problem}");
        if (Api.TryGet<Node>(null, name) is not null) throw ApiException.AlreadyExists(Api.Resources.For<Node>(), name);
        return name;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw ApiException.BadRequest($"{field} is required for this fault") : value;

    private string DeletePod(string ns, string name)
    {
        Api.Delete<Pod>(ns, name, Operator);
        return $"pod \"{name}\" deleted";
    }

    private string SwitchNode(string name, bool off)
    {
        var node = Api.Get<Node>(null, name);
        if (node.Metadata.Annotations?.ContainsKey(Kubelet.Kubelet.PoweredOffAnnotation) == off)
            throw new ApiException(new() { Code = 409, Reason = "Conflict", Message = $"node \"{name}\" is already {(off ? "failed" : "up")}" });
        SetPoweredOff(name, off);
        return off ? $"node \"{name}\" failed: its kubelet stopped" : $"node \"{name}\" recovered: its kubelet is back";
    }

    /// <summary>Points the pod's (or the deployment's template's) containers at a repository that does not exist, as a typo in an image name does.</summary>
    private string FailImagePull(string ns, Fault fault)
    {
        if (fault.Pod is null == fault.Deployment is null) throw ApiException.BadRequest("fail-image-pull needs exactly one of pod or deployment");
        if (fault.Pod is { } podName)
        {
            var pod = Api.Get<Pod>(ns, podName);
            var image = BreakImages(pod.Spec, $"pod \"{podName}\"");
            Api.Update(pod, Operator);
            return $"pod \"{podName}\" now pulls \"{image}\", which does not exist";
        }
        var deployment = Api.Get<Deployment>(ns, fault.Deployment!);
        var broken = BreakImages(deployment.Spec.Template.Spec!, $"deployment \"{fault.Deployment}\"");
        Api.Update(deployment, Operator);
        return $"deployment \"{fault.Deployment}\" now rolls out \"{broken}\", which does not exist";
    }

    private static string BreakImages(PodSpec spec, string what)
    {
        var containers = spec.Containers.Where(c => ImageCatalog.PullError(ImageReference.Parse(c.Image ?? "")) is null).ToList();
        if (containers.Count == 0) throw new ApiException(new() { Code = 409, Reason = "Conflict", Message = $"{what} already has an image that cannot be pulled" });
        foreach (var container in containers)
        {
            var reference = ImageReference.Parse(container.Image ?? "");
            container.Image = $"{reference.ShortName}-missing:{reference.Tag ?? "latest"}";
        }
        return containers[0].Image!;
    }

    private string FailProbe(string ns, string name, string? probe)
    {
        var pod = Api.Get<Pod>(ns, name);
        var has = pod.Spec.Containers
            .SelectMany(c => new[] { c.LivenessProbe is null ? null : "liveness", c.ReadinessProbe is null ? null : "readiness", c.StartupProbe is null ? null : "startup" })
            .OfType<string>().Distinct().ToList();
        if (has.Count == 0) throw ApiException.BadRequest($"pod \"{name}\" has no probes to fail: give a container a livenessProbe or readinessProbe");
        var type = string.IsNullOrEmpty(probe) ? has[0] : probe.ToLowerInvariant();
        if (type is not ("liveness" or "readiness" or "startup")) throw ApiException.BadRequest($"probe must be liveness, readiness or startup, got \"{probe}\"");
        if (!has.Contains(type)) throw ApiException.BadRequest($"pod \"{name}\" has no {type} probe (it has: {string.Join(", ", has)})");
        var annotations = pod.Metadata.Annotations ??= [];
        var failing = annotations.GetValueOrDefault(ProbeFault.Annotation)?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        if (failing.Contains(type)) throw new ApiException(new() { Code = 409, Reason = "Conflict", Message = $"pod \"{name}\" already fails its {type} probe" });
        annotations[ProbeFault.Annotation] = string.Join(',', failing.Append(type));
        Api.Update(pod, Operator);
        return $"pod \"{name}\" now fails its {type} probe";
    }

    private string RecoverProbe(string ns, string name)
    {
        var pod = Api.Get<Pod>(ns, name);
        if (pod.Metadata.Annotations?.Remove(ProbeFault.Annotation) != true)
            throw new ApiException(new() { Code = 409, Reason = "Conflict", Message = $"pod \"{name}\" has no failing probes" });
        Api.Update(pod, Operator);
        return $"pod \"{name}\" passes its probes again";
    }
}

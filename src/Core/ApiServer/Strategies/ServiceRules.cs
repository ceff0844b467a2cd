using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Networking;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Services get their cluster IP and node ports at creation, from the API server's allocators, as upstream's service REST does.</summary>
public sealed class ServiceRules : ResourceStrategy<Service>
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

    protected override Func<string, string?> NameRule => Names.Dns1035Label;

    protected override void ResetStatus(Service service) => service.Status = new ServiceStatus { LoadBalancer = new() };

    protected override void Default(Service service, StrategyContext context)
    {
        var spec = service.Spec;
        spec.Type ??= "ClusterIP";
        spec.SessionAffinity ??= "None";
        if (spec.Type == "ExternalName") return;
        spec.InternalTrafficPolicy ??= "Cluster";
        spec.IpFamilies ??= ["IPv4"];
        spec.IpFamilyPolicy ??= "SingleStack";
        if (spec.Type is "NodePort" or "LoadBalancer") spec.ExternalTrafficPolicy ??= "Cluster";
        if (spec.Type == "LoadBalancer") spec.AllocateLoadBalancerNodePorts ??= true;
        foreach (var port in spec.Ports ?? [])
        {
            port.Protocol ??= "TCP";
            port.TargetPort ??= port.Port;
        }
    }

    protected override IEnumerable<FieldError> ValidateObject(Service service)
    {
        var spec = service.Spec;
        if (spec.Type is { } type && !Types.Contains(type))
            yield return FieldError.NotSupported("spec.type", $"\"{type}\"", Types);
        if (spec.Type == "ExternalName")
        {
            if (string.IsNullOrEmpty(spec.ExternalName)) yield return FieldError.Required("spec.externalName");
            yield break;
        }
        var ports = spec.Ports ?? [];
        if (ports.Count == 0 && spec.ClusterIP != "None") yield return FieldError.Required("spec.ports");
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].Port is < 1 or > 65535)
                yield return FieldError.Invalid($"spec.ports[{i}].port", ports[i].Port.ToString(), "must be between 1 and 65535, inclusive");
            if (ports.Count > 1 && string.IsNullOrEmpty(ports[i].Name))
                yield return FieldError.Required($"spec.ports[{i}].name");
        }
        if (spec.ClusterIP is { } ip && ip is not ("" or "None") && !IpAllocator.InServiceRange(ip))
            yield return FieldError.Invalid("spec.clusterIPs", $"[]string{{\"{ip}\"}}", "failed to allocate IP " + ip + ": the provided IP (" + ip + ") is not in the valid range. The range of valid IPs is 10.96.0.0/12");
    }

    /// <summary>Allocation happens after validation succeeded, so a refused service takes nothing.</summary>
    public static void Allocate(Service service, StrategyContext context)
    {
        var spec = service.Spec;
        if (spec.Type == "ExternalName") return;
        if (string.IsNullOrEmpty(spec.ClusterIP)) spec.ClusterIP = context.Ips.AllocateClusterIp(context.Random);
        else if (spec.ClusterIP != "None") context.Ips.ReserveClusterIp(spec.ClusterIP);
        spec.ClusterIPs ??= [spec.ClusterIP];
        if (spec.Type is not ("NodePort" or "LoadBalancer")) return;
        foreach (var port in spec.Ports ?? [])
        {
            if (port.NodePort is int chosen) context.Ips.ReserveNodePort(chosen);
            else port.NodePort = context.Ips.AllocateNodePort(context.Random);
        }
    }

    protected override void Release(Service service, StrategyContext context) =>
        context.Ips.Release(service.Spec.ClusterIP is "None" ? null : service.Spec.ClusterIP,
            (service.Spec.Ports ?? []).Where(p => p.NodePort.HasValue).Select(p => p.NodePort!.Value));

    protected override IEnumerable<FieldError> ValidateChange(Service updated, Service old)
    {
        if (!string.IsNullOrEmpty(updated.Spec.ClusterIP) && updated.Spec.ClusterIP != old.Spec.ClusterIP)
            yield return FieldError.Invalid("spec.clusterIPs[0]", $"[]string{{\"{updated.Spec.ClusterIP}\"}}", "may not change once set");
    }
}

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
        if (spec.ClusterIP == "None" && spec.Type is "NodePort" or "LoadBalancer")
            yield return FieldError.Invalid("spec.clusterIPs[0]", "\"None\"", $"may not be set to 'None' for {spec.Type} services");
        if (spec.ClusterIP is { } ip && ip is not ("" or "None") && !IpAllocator.InServiceRange(ip))
            yield return FieldError.Invalid("spec.clusterIPs", $"[]string{{\"{ip}\"}}", "failed to allocate IP " + ip + ": the provided IP (" + ip + ") is not in the valid range. The range of valid IPs is 10.96.0.0/12");
    }

    /// <summary>
    /// Allocation happens after validation succeeded, so a refused service takes nothing: a cluster IP unless headless or
    /// ExternalName, node ports for NodePort and LoadBalancer services (kept across updates, given back when the type
    /// stops needing them, as upstream drops type-dependent fields); requested ones must be free and in range.
    /// </summary>
    public static IReadOnlyList<FieldError> Allocate(Service service, Service? old, StrategyContext context)
    {
        var spec = service.Spec;
        var oldPorts = (old?.Spec.Ports ?? []).Where(p => p.NodePort.HasValue).Select(p => p.NodePort!.Value).ToHashSet();
        var errors = new List<FieldError>();
        var needsNodePorts = spec.Type is "NodePort" or "LoadBalancer";
        var ports = spec.Ports ?? [];
        if (old is not null && spec.Type != "ExternalName")
        {
            // An update that leaves allocated values out keeps them, as upstream's patchAllocatedValues does.
            if (string.IsNullOrEmpty(spec.ClusterIP) && !string.IsNullOrEmpty(old.Spec.ClusterIP))
                (spec.ClusterIP, spec.ClusterIPs) = (old.Spec.ClusterIP, old.Spec.ClusterIPs);
            foreach (var port in ports.Where(p => needsNodePorts && p.NodePort is null))
                port.NodePort = old.Spec.Ports?.FirstOrDefault(o => o.Port == port.Port && (o.Protocol ?? "TCP") == (port.Protocol ?? "TCP"))?.NodePort;
        }
        for (var i = 0; i < ports.Count && needsNodePorts; i++)
        {
            if (ports[i].NodePort is not int chosen || oldPorts.Contains(chosen)) continue;
            if (chosen is < 30000 or > 32767)
                errors.Add(FieldError.Invalid($"spec.ports[{i}].nodePort", chosen.ToString(), "provided port is not in the valid range. The range of valid ports is 30000-32767"));
            else if (context.Ips.NodePortInUse(chosen))
                errors.Add(FieldError.Invalid($"spec.ports[{i}].nodePort", chosen.ToString(), "provided port is already allocated"));
        }
        if (old is null && spec.ClusterIP is { Length: > 0 } wanted and not "None" && context.Ips.ClusterIpInUse(wanted))
            errors.Add(FieldError.Invalid("spec.clusterIPs", $"[]string{{\"{wanted}\"}}", $"failed to allocate IP {wanted}: provided IP is already allocated"));
        if (errors.Count > 0) return errors;

        if (spec.Type == "ExternalName")
        {
            if (old?.Spec.ClusterIP is { Length: > 0 } oldIp and not "None") context.Ips.Release(oldIp, []);
            spec.ClusterIP = null;
            spec.ClusterIPs = null;
        }
        else
        {
            if (string.IsNullOrEmpty(spec.ClusterIP)) spec.ClusterIP = context.Ips.AllocateClusterIp(context.Random);
            else if (spec.ClusterIP != "None" && old?.Spec.ClusterIP != spec.ClusterIP) context.Ips.ReserveClusterIp(spec.ClusterIP);
            spec.ClusterIPs ??= [spec.ClusterIP];
        }
        foreach (var port in ports)
        {
            if (!needsNodePorts) port.NodePort = null;
            else if (port.NodePort is int chosen) { if (!oldPorts.Contains(chosen)) context.Ips.ReserveNodePort(chosen); }
            else port.NodePort = context.Ips.AllocateNodePort(context.Random);
        }
        var kept = ports.Where(p => p.NodePort.HasValue).Select(p => p.NodePort!.Value).ToHashSet();
        context.Ips.Release(null, oldPorts.Where(p => !kept.Contains(p)));
        return errors;
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

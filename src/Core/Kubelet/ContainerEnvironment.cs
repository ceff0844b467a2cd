using Playground.Core.Api.Core;
using Playground.Core.ApiServer;

namespace Playground.Core.Kubelet;

/// <summary>
/// The environment a container starts with, built as the kubelet builds it: PATH and HOSTNAME, the container's env
/// and envFrom (resolving fieldRef, configMapKeyRef and secretKeyRef), the service link variables of the pod's namespace, HOME.
/// </summary>
public static class ContainerEnvironment
{
    private const string Path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The variables in the order `env` prints them, or the CreateContainerConfigError message when a reference cannot be resolved.</summary>
    public static (Dictionary<string, string> Variables, string? Error) Build(ApiServer.ApiServer api, Pod pod, Container container)
    {
        var ns = pod.Metadata.Namespace ?? "default";
        var variables = new Dictionary<string, string> { ["PATH"] = Path, ["HOSTNAME"] = pod.Spec.Hostname ?? pod.Metadata.Name ?? "" };
        foreach (var source in container.EnvFrom ?? [])
        {
            var isSecret = source["secretRef"] is not null;
            var reference = source["configMapRef"] ?? source["secretRef"];
            if (reference?["name"]?.GetValue<string>() is not { } name) continue;
            var optional = reference["optional"]?.GetValue<bool>() == true;
            if (ConfigData(api, ns, name, isSecret) is { } data)
            {
                var prefix = source["prefix"]?.GetValue<string>() ?? "";
                foreach (var (key, value) in data) variables[prefix + key] = value;
            }
            else if (!optional) return (variables, $"{(isSecret ? "secret" : "configmap")} \"{name}\" not found");
        }
        foreach (var env in container.Env ?? [])
        {
            if (env.ValueFrom is null)
            {
                variables[env.Name] = Images.ContainerProcesses.Expand(env.Value ?? "", variables);
                continue;
            }
            if (env.ValueFrom["fieldRef"]?["fieldPath"]?.GetValue<string>() is { } field)
            {
                variables[env.Name] = Field(pod, field);
                continue;
            }
            var isSecret = env.ValueFrom["secretKeyRef"] is not null;
            if ((env.ValueFrom["configMapKeyRef"] ?? env.ValueFrom["secretKeyRef"]) is { } keyRef && keyRef["name"]?.GetValue<string>() is { } mapName)
            {
                var key = keyRef["key"]?.GetValue<string>() ?? "";
                var optional = keyRef["optional"]?.GetValue<bool>() == true;
                var data = ConfigData(api, ns, mapName, isSecret);
                if (data?.TryGetValue(key, out var value) == true) variables[env.Name] = value;
                else if (!optional)
                    return (variables, data is null ? $"{(isSecret ? "secret" : "configmap")} \"{mapName}\" not found"
                        : $"couldn't find key {key} in {(isSecret ? "Secret" : "ConfigMap")} {ns}/{mapName}");
            }
        }
        foreach (var (name, value) in ServiceLinks(api, pod)) variables.TryAdd(name, value);
        variables.TryAdd("HOME", "/root");
        return (variables, null);
    }

    /// <summary>A configmap's data, or a secret's data decoded from base64 (as the container sees it); null when missing.</summary>
    public static Dictionary<string, string>? ConfigData(ApiServer.ApiServer api, string ns, string name, bool secret)
    {
        if (!secret) return api.TryGet<ConfigMap>(ns, name) is { } configMap ? configMap.Data ?? [] : null;
        if (api.TryGet<Secret>(ns, name) is not { } found) return null;
        return (found.Data ?? []).ToDictionary(kv => kv.Key, kv => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(kv.Value)));
    }

    /// <summary>A fieldRef's value, as env and downwardAPI volumes resolve it.</summary>
    internal static string Field(Pod pod, string path) => path switch
    {
        "metadata.name" => pod.Metadata.Name ?? "",
        "metadata.namespace" => pod.Metadata.Namespace ?? "",
        "metadata.uid" => pod.Metadata.Uid ?? "",
        "spec.nodeName" => pod.Spec.NodeName ?? "",
        "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "",
        "status.podIP" => pod.Status?.PodIP ?? "",
        "status.hostIP" => pod.Status?.HostIP ?? "",
        _ when path.StartsWith("metadata.labels['", StringComparison.Ordinal) => pod.Metadata.Labels?.GetValueOrDefault(path[17..^2]) ?? "",
        _ when path.StartsWith("metadata.annotations['", StringComparison.Ordinal) => pod.Metadata.Annotations?.GetValueOrDefault(path[22..^2]) ?? "",
        _ => "",
    };

    /// <summary>Docker-link style variables for the kubernetes service and, with enableServiceLinks, every service of the pod's namespace.</summary>
    private static IEnumerable<(string, string)> ServiceLinks(ApiServer.ApiServer api, Pod pod)
    {
        var services = pod.Spec.EnableServiceLinks == false ? [] : api.List<Service>(pod.Metadata.Namespace).ToList();
        if (pod.Metadata.Namespace != "default" && api.TryGet<Service>("default", "kubernetes") is { } kubernetes) services.Add(kubernetes);
        foreach (var service in services.OrderBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            var ip = service.Spec.ClusterIP;
            if (string.IsNullOrEmpty(ip) || ip == "None" || service.Spec.Ports is not { Count: > 0 } ports) continue;
            var prefix = service.Metadata.Name!.ToUpperInvariant().Replace('-', '_');
            yield return ($"{prefix}_SERVICE_HOST", ip);
            yield return ($"{prefix}_SERVICE_PORT", ports[0].Port.ToString());
            foreach (var port in ports.Where(p => !string.IsNullOrEmpty(p.Name)))
                yield return ($"{prefix}_SERVICE_PORT_{port.Name!.ToUpperInvariant().Replace('-', '_')}", port.Port.ToString());
            var protocol = (ports[0].Protocol ?? "TCP").ToLowerInvariant();
            yield return ($"{prefix}_PORT", $"{protocol}://{ip}:{ports[0].Port}");
            foreach (var port in ports)
            {
                var p = (port.Protocol ?? "TCP").ToLowerInvariant();
                var name = $"{prefix}_PORT_{port.Port}_{p.ToUpperInvariant()}";
                yield return (name, $"{p}://{ip}:{port.Port}");
                yield return ($"{name}_PROTO", p);
                yield return ($"{name}_PORT", port.Port.ToString());
                yield return ($"{name}_ADDR", ip);
            }
        }
    }
}

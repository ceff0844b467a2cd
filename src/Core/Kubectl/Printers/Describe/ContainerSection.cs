using System.Text.Json.Nodes;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>The Containers (and Init Containers) section of a pod or pod template, as upstream's describeContainers writes it.</summary>
internal static class ContainerSection
{
    /// <param name="space">"" for a pod, "  " inside a Pod Template (names then get one more space).</param>
    /// <param name="pod">The pod whose fields resolve fieldRef variables; null for templates, where they stay empty.</param>
    public static void Write(DescribeWriter w, string label, IReadOnlyList<Container> containers, IReadOnlyList<ContainerStatus>? statuses, Pod? pod, string space)
    {
        w.Line(0, $"{space}{label}:{(containers.Count == 0 ? " <none>" : "")}");
        foreach (var container in containers)
        {
            var status = statuses?.FirstOrDefault(s => s.Name == container.Name);
            w.Line(1, $"{(space.Length > 0 ? " " : "")}{container.Name}:");
            if (status is not null) w.Line(2, $"Container ID:\t{status.ContainerID}");
            w.Line(2, $"Image:\t{container.Image}");
            if (status is not null) w.Line(2, $"Image ID:\t{status.ImageID}");
            var ports = container.Ports ?? [];
            var portText = string.Join(", ", ports.Select(p => Port(p.Number, p)));
            w.Line(2, ports.Count > 1 ? $"Ports:\t{portText}" : $"Port:\t{OrNone(portText)}");
            var hostPortText = string.Join(", ", ports.Select(p => Port(p.HostPort ?? 0, p)));
            w.Line(2, ports.Count > 1 ? $"Host Ports:\t{hostPortText}" : $"Host Port:\t{OrNone(hostPortText)}");
            Command(w, "Command", container.Command);
            Command(w, "Args", container.Args);
            if (status is not null) State(w, status);
            Resources(w, container.Resources);
            Probe(w, "Liveness", container.LivenessProbe);
            Probe(w, "Readiness", container.ReadinessProbe);
            Probe(w, "Startup", container.StartupProbe);
            if (container.EnvFrom is { Count: > 0 }) EnvFrom(w, container.EnvFrom);
            Environment(w, container.Env ?? [], pod);
            Mounts(w, container.VolumeMounts ?? []);
        }
    }

    private static string Port(int number, ContainerPort port)
    {
        var text = $"{number}/{port.Protocol ?? "TCP"}";
        return string.IsNullOrEmpty(port.Name) ? text : $"{text} ({port.Name})";
    }

    private static string OrNone(string text) => text.Length == 0 ? "<none>" : text;

    private static void Command(DescribeWriter w, string title, IReadOnlyList<string>? parts)
    {
        if (parts is not { Count: > 0 }) return;
        w.Line(2, $"{title}:");
        foreach (var part in parts)
        foreach (var line in part.Split('\n'))
            w.Line(3, line);
    }

    private static void State(DescribeWriter w, ContainerStatus status)
    {
        StateLines(w, "State", status.State);
        if (status.LastState?.Terminated is not null) StateLines(w, "Last State", status.LastState);
        w.Line(2, $"Ready:\t{DescribeWriter.Bool(status.Ready)}");
        w.Line(2, $"Restart Count:\t{status.RestartCount}");
    }

    private static void StateLines(DescribeWriter w, string name, ContainerState? state)
    {
        if (state?.Running is { } running)
        {
            w.Line(2, $"{name}:\tRunning");
            w.Line(3, $"Started:\t{DescribeWriter.Time(running.StartedAt)}");
        }
        else if (state?.Waiting is { } waiting)
        {
            w.Line(2, $"{name}:\tWaiting");
            if (!string.IsNullOrEmpty(waiting.Reason)) w.Line(3, $"Reason:\t{waiting.Reason}");
        }
        else if (state?.Terminated is { } terminated)
        {
            w.Line(2, $"{name}:\tTerminated");
            if (!string.IsNullOrEmpty(terminated.Reason)) w.Line(3, $"Reason:\t{terminated.Reason}");
            if (!string.IsNullOrEmpty(terminated.Message)) w.Line(3, $"Message:\t{terminated.Message}");
            w.Line(3, $"Exit Code:\t{terminated.ExitCode}");
            if (terminated.Signal is > 0) w.Line(3, $"Signal:\t{terminated.Signal}");
            w.Line(3, $"Started:\t{DescribeWriter.Time(terminated.StartedAt)}");
            w.Line(3, $"Finished:\t{DescribeWriter.Time(terminated.FinishedAt)}");
        }
        else
        {
            w.Line(2, $"{name}:\tWaiting");
        }
    }

    private static void Resources(DescribeWriter w, ResourceRequirements? resources)
    {
        foreach (var (title, list) in new[] { ("Limits", resources?.Limits), ("Requests", resources?.Requests) })
        {
            if (list is not { Count: > 0 }) continue;
            w.Line(2, $"{title}:");
            foreach (var (name, quantity) in list.OrderBy(p => p.Key, StringComparer.Ordinal))
                w.Line(3, $"{name}:\t{quantity}");
        }
    }

    private static void Probe(DescribeWriter w, string title, Probe? probe)
    {
        if (probe is not null) w.Line(2, $"{title}:\t{DescribeProbe(probe)}");
    }

    /// <summary>"http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3" and its exec and tcp forms.</summary>
    public static string DescribeProbe(Probe probe)
    {
        var attrs = $"delay={probe.InitialDelaySeconds ?? 0}s timeout={probe.TimeoutSeconds ?? 0}s period={probe.PeriodSeconds ?? 0}s #success={probe.SuccessThreshold ?? 0} #failure={probe.FailureThreshold ?? 0}";
        if (probe.Exec is { } exec)
            return $"exec [{string.Join(' ', (exec["command"] as JsonArray ?? []).Select(c => c?.ToString()))}] {attrs}";
        if (probe.HttpGet is { } http)
        {
            var scheme = (http["scheme"]?.ToString() ?? "HTTP").ToLowerInvariant();
            var host = http["host"]?.ToString() ?? "";
            var port = http["port"]?.ToString() ?? "";
            var authority = port.Length == 0 ? host : host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";
            var path = http["path"]?.ToString() ?? "";
            return $"http-get {scheme}://{authority}{(path.Length > 0 && !path.StartsWith('/') ? "/" : "")}{path} {attrs}";
        }
        if (probe.TcpSocket is { } tcp)
            return $"tcp-socket {tcp["host"]?.ToString() ?? ""}:{tcp["port"]?.ToString() ?? ""} {attrs}";
        if (probe.Grpc is { } grpc)
            return $"grpc <pod>:{grpc["port"]} {grpc["service"]?.ToString() ?? ""} {attrs}";
        return $"unknown {attrs}";
    }

    private static void EnvFrom(DescribeWriter w, IReadOnlyList<JsonObject> sources)
    {
        w.Line(2, "Environment Variables from:");
        foreach (var source in sources)
        {
            var (kind, reference) = source["configMapRef"] is JsonObject cm ? ("ConfigMap", cm) : ("Secret", source["secretRef"] as JsonObject);
            var optional = reference?["optional"]?.GetValue<bool>() == true ? "true" : "false";
            var prefix = source["prefix"]?.ToString();
            var from = string.IsNullOrEmpty(prefix) ? kind : $"{kind} with prefix '{prefix}'";
            w.Line(3, $"{reference?["name"]}\t{from}\tOptional: {optional}");
        }
    }

    private static void Environment(DescribeWriter w, IReadOnlyList<EnvVar> env, Pod? pod)
    {
        w.Line(2, env.Count == 0 ? "Environment:\t<none>" : "Environment:");
        foreach (var e in env)
        {
            if (e.ValueFrom is null)
            {
                var lines = (e.Value ?? "").Split('\n');
                w.Line(3, $"{e.Name}:\t{lines[0]}");
                foreach (var line in lines.Skip(1)) w.Line(3, $"\t{line}");
                continue;
            }
            if (e.ValueFrom["fieldRef"] is JsonObject field)
            {
                var path = field["fieldPath"]?.ToString() ?? "";
                w.Line(3, $"{e.Name}:\t{(pod is null ? "" : FieldValue(pod, path))} ({field["apiVersion"]?.ToString() ?? "v1"}:{path})");
            }
            else if (e.ValueFrom["resourceFieldRef"] is JsonObject resource)
                w.Line(3, $"{e.Name}:\t ({resource["resource"]})");
            else if (e.ValueFrom["secretKeyRef"] is JsonObject secret)
                w.Line(3, $"{e.Name}:\t<set to the key '{secret["key"]}' in secret '{secret["name"]}'>\tOptional: {Optional(secret)}");
            else if (e.ValueFrom["configMapKeyRef"] is JsonObject configMap)
                w.Line(3, $"{e.Name}:\t<set to the key '{configMap["key"]}' of config map '{configMap["name"]}'>\tOptional: {Optional(configMap)}");
        }
    }

    private static string Optional(JsonObject reference) => reference["optional"]?.GetValue<bool>() == true ? "true" : "false";

    /// <summary>The downward API fields a pod's environment can read.</summary>
    private static string FieldValue(Pod pod, string path)
    {
        if (path.StartsWith("metadata.labels['", StringComparison.Ordinal))
            return pod.Metadata.Labels?.GetValueOrDefault(path[17..^2]) ?? "";
        if (path.StartsWith("metadata.annotations['", StringComparison.Ordinal))
            return pod.Metadata.Annotations?.GetValueOrDefault(path[22..^2]) ?? "";
        return path switch
        {
            "metadata.name" => pod.Metadata.Name,
            "metadata.namespace" => pod.Metadata.Namespace,
            "metadata.uid" => pod.Metadata.Uid,
            "spec.nodeName" => pod.Spec.NodeName,
            "spec.serviceAccountName" => pod.Spec.ServiceAccountName,
            "status.hostIP" => pod.Status?.HostIP,
            "status.podIP" => pod.Status?.PodIP,
            _ => null,
        } ?? "";
    }

    private static void Mounts(DescribeWriter w, IReadOnlyList<VolumeMount> mounts)
    {
        w.Line(2, mounts.Count == 0 ? "Mounts:\t<none>" : "Mounts:");
        foreach (var mount in mounts.OrderBy(m => m.MountPath, StringComparer.Ordinal))
        {
            var flags = mount.ReadOnly == true ? "ro" : "rw";
            if (!string.IsNullOrEmpty(mount.SubPath)) flags += $",path=\"{mount.SubPath}\"";
            w.Line(3, $"{mount.MountPath} from {mount.Name} ({flags})");
        }
    }
}

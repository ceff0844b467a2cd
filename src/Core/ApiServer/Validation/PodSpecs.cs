using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Validation;

/// <summary>Defaults and checks for a pod spec, shared by pods and every template that holds one.</summary>
public static class PodSpecs
{
    public static void Default(PodSpec spec)
    {
        spec.RestartPolicy ??= "Always";
        spec.TerminationGracePeriodSeconds ??= 30;
        spec.DnsPolicy ??= "ClusterFirst";
        spec.SchedulerName ??= "default-scheduler";
        foreach (var container in spec.Containers.Concat(spec.InitContainers ?? []))
        {
            container.ImagePullPolicy ??= PullsAlways(container.Image) ? "Always" : "IfNotPresent";
            container.TerminationMessagePath ??= "/dev/termination-log";
            container.TerminationMessagePolicy ??= "File";
            container.Resources ??= new ResourceRequirements();
            foreach (var port in container.Ports ?? []) port.Protocol ??= "TCP";
            foreach (var probe in new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe }) DefaultProbe(probe);
        }
        spec.SecurityContext ??= [];
    }

    /// <summary>SetDefaults_Probe and SetDefaults_HTTPGetAction: 1 s timeout, every 10 s, 1 success, 3 failures, GET / over HTTP.</summary>
    private static void DefaultProbe(Probe? probe)
    {
        if (probe is null) return;
        probe.TimeoutSeconds ??= 1;
        probe.PeriodSeconds ??= 10;
        probe.SuccessThreshold ??= 1;
        probe.FailureThreshold ??= 3;
        if (probe.HttpGet is { } http)
        {
            http["path"] ??= "/";
            http["scheme"] ??= "HTTP";
        }
    }

    /// <summary>Upstream defaults the pull policy to Always for ":latest" or no tag.</summary>
    public static bool PullsAlways(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Contains('@')) return false;
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon < 0 || image[(colon + 1)..] == "latest";
    }

    public static IEnumerable<FieldError> Validate(PodSpec spec, string path)
    {
        if (spec.Containers.Count == 0) yield return FieldError.Required($"{path}.containers");
        var names = new HashSet<string>();
        foreach (var (list, field) in new[] { (spec.InitContainers ?? [], "initContainers"), (spec.Containers, "containers") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var container = list[i];
                var at = $"{path}.{field}[{i}]";
                if (container.Name.Length == 0) yield return FieldError.Required($"{at}.name");
                else if (Names.Label(container.Name) is { } problem) yield return FieldError.Invalid($"{at}.name", $"\"{container.Name}\"", problem);
                else if (!names.Add(container.Name)) yield return FieldError.Duplicate($"{at}.name", $"\"{container.Name}\"");
                if (string.IsNullOrWhiteSpace(container.Image)) yield return FieldError.Required($"{at}.image");
                foreach (var error in ValidatePorts(container, at)) yield return error;
                foreach (var error in ValidateResources(container, at)) yield return error;
            }
        }
        if (spec.RestartPolicy is { } policy && policy is not ("Always" or "OnFailure" or "Never"))
            yield return FieldError.NotSupported($"{path}.restartPolicy", $"\"{policy}\"", ["Always", "OnFailure", "Never"]);
    }

    private static IEnumerable<FieldError> ValidatePorts(Container container, string at)
    {
        var ports = container.Ports ?? [];
        for (var p = 0; p < ports.Count; p++)
        {
            if (ports[p].Number is < 1 or > 65535)
                yield return FieldError.Invalid($"{at}.ports[{p}].containerPort", ports[p].Number.ToString(), "must be between 1 and 65535, inclusive");
            if (ports[p].Protocol is { } protocol && protocol is not ("TCP" or "UDP" or "SCTP"))
                yield return FieldError.NotSupported($"{at}.ports[{p}].protocol", $"\"{protocol}\"", ["SCTP", "TCP", "UDP"]);
        }
    }

    private static IEnumerable<FieldError> ValidateResources(Container container, string at)
    {
        foreach (var (section, values) in new[] { ("limits", container.Resources?.Limits), ("requests", container.Resources?.Requests) })
        {
            foreach (var (resource, value) in values ?? [])
            {
                if (!Quantity.TryParse(value, out _))
                    yield return FieldError.Invalid($"{at}.resources.{section}[{resource}]", $"\"{value}\"", "must match the regex ^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
            }
        }
    }
}

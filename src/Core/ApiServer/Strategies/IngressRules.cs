using Playground.Core.Api.Networking;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Upstream's ingress validation: every path has a supported pathType, an absolute path and exactly one backend.</summary>
public sealed class IngressRules : ResourceStrategy<Ingress>
{
    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];

    protected override bool HasGeneration => true;

    protected override void ResetStatus(Ingress ingress) => ingress.Status = new IngressStatus { LoadBalancer = new() };

    protected override IEnumerable<FieldError> ValidateObject(Ingress ingress)
    {
        var spec = ingress.Spec;
        if (spec.DefaultBackend is null && spec.Rules is not { Count: > 0 })
            yield return FieldError.Invalid("spec", "[]networking.IngressRule(nil)", "either `defaultBackend` or `rules` must be specified");
        if (spec.DefaultBackend is { } fallback)
            foreach (var error in Backend(fallback, "spec.defaultBackend")) yield return error;
        var rules = spec.Rules ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var paths = rules[r].Http?.Paths ?? [];
            for (var p = 0; p < paths.Count; p++)
            {
                var at = $"spec.rules[{r}].http.paths[{p}]";
                var path = paths[p];
                if (path.PathType is null) yield return FieldError.Required($"{at}.pathType", "pathType must be specified");
                else if (!PathTypes.Contains(path.PathType)) yield return FieldError.NotSupported($"{at}.pathType", $"\"{path.PathType}\"", PathTypes);
                if (path.PathType is "Exact" or "Prefix" && !(path.Path ?? "").StartsWith('/'))
                    yield return FieldError.Invalid($"{at}.path", $"\"{path.Path}\"", "must be an absolute path");
                foreach (var error in Backend(path.Backend, $"{at}.backend")) yield return error;
            }
        }
    }

    private static IEnumerable<FieldError> Backend(IngressBackend backend, string at)
    {
        if (backend.Service is null && backend.Resource is null)
        {
            yield return FieldError.Invalid(at, "\"\"", "backend must be specified");
            yield break;
        }
        if (backend.Service is not null && backend.Resource is not null)
            yield return FieldError.Invalid(at, "\"\"", "cannot set both resource and service backends");
        if (backend.Service is not { } service) yield break;
        var port = service.Port;
        var named = !string.IsNullOrEmpty(port?.Name);
        var numbered = port?.Number is > 0;
        if (named && numbered) yield return FieldError.Invalid(at, "\"\"", "cannot set both port name & port number");
        else if (!named && !numbered) yield return FieldError.Required($"{at}.service.port", "port name or number is required");
        else if (port!.Number is > 65535) yield return FieldError.Invalid($"{at}.service.port.number", port.Number.ToString()!, "must be between 1 and 65535, inclusive");
    }
}

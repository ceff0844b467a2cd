using Playground.Core.Api.Networking;

namespace Playground.Core.Networking.Ingresses;

/// <summary>
/// How ingress-nginx picks a backend for a request: rules for the request's host (exact, or a one-label wildcard)
/// win over rules without a host; among paths the longest match wins, Exact before Prefix; Prefix matches whole path
/// elements ("/foo" matches "/foo/bar", not "/foobar"); ImplementationSpecific is a prefix, as nginx's location is.
/// </summary>
public static class IngressRouter
{
    /// <summary>The ingress and backend serving a request, or null (the controller's default backend answers 404).</summary>
    public static (Ingress Ingress, IngressBackend Backend)? Route(IEnumerable<Ingress> ingresses, string host, string path)
    {
        host = host.Split(':')[0].ToLowerInvariant();
        path = path.Split('?')[0];
        var list = ingresses.OrderBy(i => i.Metadata.CreationTimestamp).ThenBy(i => i.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(i => i.Metadata.Name, StringComparer.Ordinal).ToList();
        var candidates = list.SelectMany(i => (i.Spec.Rules ?? []).Select(r => (Ingress: i, Rule: r))).ToList();
        var forHost = candidates.Where(c => HostMatches(c.Rule.Host, host)).ToList();
        var specific = forHost.Where(c => !string.IsNullOrEmpty(c.Rule.Host)).ToList();
        foreach (var group in new[] { specific, forHost.Where(c => string.IsNullOrEmpty(c.Rule.Host)).ToList() })
        {
            var best = group
                .SelectMany(c => (c.Rule.Http?.Paths ?? []).Where(p => PathMatches(p, path)).Select(p => (c.Ingress, Path: p)))
                .OrderByDescending(m => (m.Path.Path ?? "/").Length)
                .ThenBy(m => m.Path.PathType == "Exact" ? 0 : 1)
                .FirstOrDefault();
            if (best.Path is not null) return (best.Ingress, best.Path.Backend);
            // A host that has rules but no matching path goes to that host's default backend, not the catch-all rules.
            if (group == specific && group.Count > 0) break;
        }
        return list.FirstOrDefault(i => i.Spec.DefaultBackend is not null) is { } fallback ? (fallback, fallback.Spec.DefaultBackend!) : null;
    }

    private static bool HostMatches(string? ruleHost, string host)
    {
        if (string.IsNullOrEmpty(ruleHost)) return true;
        if (ruleHost.StartsWith("*.", StringComparison.Ordinal))
            return host.EndsWith(ruleHost[1..], StringComparison.Ordinal) && !host[..^(ruleHost.Length - 1)].Contains('.') && host.Length > ruleHost.Length - 1;
        return ruleHost.Equals(host, StringComparison.OrdinalIgnoreCase);
    }

    private static bool PathMatches(HttpIngressPath rule, string path)
    {
        var rulePath = string.IsNullOrEmpty(rule.Path) ? "/" : rule.Path;
        switch (rule.PathType)
        {
            case "Exact":
                return path == rulePath;
            case "Prefix":
                var prefix = rulePath.TrimEnd('/').Split('/');
                var parts = path.TrimEnd('/').Split('/');
                return rulePath == "/" || (parts.Length >= prefix.Length && prefix.SequenceEqual(parts.Take(prefix.Length)));
            default:
                return path.StartsWith(rulePath, StringComparison.Ordinal);
        }
    }
}

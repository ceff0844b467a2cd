using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Admission;

/// <summary>
/// Upstream's ResourceQuota plugin, last in the chain: a create that would take any matching quota past its hard limit
/// is refused; an admitted one is charged to the quotas' status.used at once, before the quota controller recounts.
/// </summary>
public sealed class ResourceQuotaAdmission : IValidatingAdmission
{
    private static readonly string[] ComputeResources = ["cpu", "limits.cpu", "limits.memory", "memory", "requests.cpu", "requests.memory"];

    public void Validate(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || !a.Type.Namespaced) return;
        var quotas = a.Api.List<ResourceQuota>(a.Namespace);
        if (quotas.Count == 0) return;
        var requested = QuotaUsage.Of(a.Object, a.Type, a.Api.Now);
        var charged = new List<ResourceQuota>();
        foreach (var quota in quotas)
        {
            if (!QuotaUsage.Selects(quota, a.Object)) continue;
            var matched = (quota.Spec?.Hard ?? []).Keys.Where(requested.ContainsKey).Order(StringComparer.Ordinal).ToList();
            if (matched.Count == 0) continue;
            if (quota.Status?.Hard is not { } hard)
                throw a.Forbidden($"status unknown for quota: {quota.Metadata.Name}, resources: {string.Join(",", matched)}");
            if (a.Object is Pod pod && MissingRequests(pod, matched) is { } missing)
                throw a.Forbidden($"failed quota: {quota.Metadata.Name}: must specify {missing}");
            var used = quota.Status.Used ?? [];
            var exceeded = matched.Where(r => hard.ContainsKey(r)
                && Amount.Of(used.GetValueOrDefault(r, "0")).Value + requested[r].Value > Quantity.Parse(hard[r])).ToList();
            if (exceeded.Count > 0)
                throw a.Forbidden($"exceeded quota: {quota.Metadata.Name}, requested: {Pretty(exceeded, r => requested[r].ToString())}, "
                    + $"used: {Pretty(exceeded, r => used.GetValueOrDefault(r, "0"))}, limited: {Pretty(exceeded, r => hard[r])}");
            var status = quota.Status;
            status.Used = new Dictionary<string, string>(used);
            foreach (var r in matched) status.Used[r] = (Amount.Of(used.GetValueOrDefault(r, "0")) + requested[r]).ToString();
            charged.Add(quota);
        }
        foreach (var quota in charged) a.Api.UpdateStatus(quota, a.Context with { Actor = "kube-apiserver" });
    }

    /// <summary>Quota on cpu or memory makes every container state that resource, as upstream still requires for compatibility.</summary>
    private static string? MissingRequests(Pod pod, List<string> matched)
    {
        var missing = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var c in pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []))
            foreach (var resource in matched.Where(ComputeResources.Contains))
            {
                var (list, name) = resource.StartsWith("limits.", StringComparison.Ordinal)
                    ? (c.Resources?.Limits, resource[7..])
                    : (c.Resources?.Requests, resource.Replace("requests.", ""));
                if (list?.ContainsKey(name) != true) (missing.TryGetValue(resource, out var set) ? set : missing[resource] = new(StringComparer.Ordinal)).Add(c.Name);
            }
        return missing.Count == 0 ? null : string.Join("; ", missing.Select(m => $"{m.Key} for: {string.Join(",", m.Value)}"));
    }

    private static string Pretty(List<string> resources, Func<string, string> value) =>
        string.Join(",", resources.Select(r => $"{r}={value(r)}"));
}

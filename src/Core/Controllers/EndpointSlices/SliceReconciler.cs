using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.Endpoints;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.EndpointSlices;

/// <summary>
/// Upstream's endpointslice Reconciler: keeps every endpoint where it is, rewriting only the slices whose endpoints
/// changed; new endpoints go first into slices being rewritten anyway, then into the unchanged slice they fill best,
/// and only then into new slices of at most <paramref name="maxEndpointsPerSlice"/>.
/// </summary>
internal sealed class SliceReconciler(ApiServer.ApiServer api, int maxEndpointsPerSlice)
{

    /// <summary>A desired endpoint and the ports its pod serves, keyed as upstream's endpoint hash (addresses, hostname, pod).</summary>
    public sealed record Desired(EndpointKey Key, string PodName, Endpoint Endpoint, List<EndpointSlicePort> Ports);

    /// <summary>Upstream's endpoint hash: what identifies an endpoint, so a change of its conditions is an update in place.</summary>
    public readonly record struct EndpointKey(string Addresses, string? Hostname, string? Namespace, string? Name)
    {
        public static EndpointKey Of(Endpoint endpoint) => new(
            endpoint.Addresses.Count == 1 ? endpoint.Addresses[0] : string.Join(",", endpoint.Addresses.Order(StringComparer.Ordinal)),
            endpoint.Hostname, endpoint.TargetRef?.Namespace, endpoint.TargetRef?.Name);
    }

    private sealed class Plan
    {
        public List<EndpointSlice> Create { get; } = [];
        public List<EndpointSlice> Update { get; } = [];
        public List<EndpointSlice> Delete { get; } = [];
    }

    public void Reconcile(Service service, IEnumerable<Desired> desired, IReadOnlyList<EndpointSlice> existing,
        DateTimeOffset? triggerTime, WriteContext context)
    {
        var plan = new Plan();
        var labels = EndpointSliceController.Labels(service);
        var existingByPorts = new Dictionary<string, List<EndpointSlice>>(StringComparer.Ordinal);
        foreach (var slice in existing)
        {
            if (slice.AddressType != "IPv4" || !OwnedBy(slice, service)) plan.Delete.Add(slice);
            else Bucket(existingByPorts, PortsKey(slice.Ports)).Add(slice);
        }
        var desiredByPorts = new Dictionary<string, (List<EndpointSlicePort> Ports, Dictionary<EndpointKey, Desired> Endpoints)>(StringComparer.Ordinal);
        var (lastPorts, lastKey) = ((List<EndpointSlicePort>?)null, "");
        foreach (var endpoint in desired)
        {
            // Pods of one template serve the same ports: the key is built once per run of equal port lists.
            var portsKey = lastPorts is not null && SamePorts(lastPorts, endpoint.Ports) ? lastKey : PortsKey(endpoint.Ports);
            (lastPorts, lastKey) = (endpoint.Ports, portsKey);
            if (!desiredByPorts.TryGetValue(portsKey, out var group)) desiredByPorts[portsKey] = group = (endpoint.Ports, []);
            group.Endpoints[endpoint.Key] = endpoint;
        }

        foreach (var (portsKey, group) in desiredByPorts)
            ReconcilePorts(service, labels, existingByPorts.GetValueOrDefault(portsKey) ?? [], group.Ports, group.Endpoints, plan);
        foreach (var (portsKey, slices) in existingByPorts)
            if (!desiredByPorts.ContainsKey(portsKey)) plan.Delete.AddRange(slices);

        // A service with no endpoints keeps one empty slice without ports, as upstream's placeholder.
        if (plan.Delete.Count == existing.Count && plan.Create.Count == 0)
        {
            if (plan.Delete.Count == 1 && IsPlaceholder(plan.Delete[0], service, labels)) plan.Delete.Clear();
            else plan.Create.Add(NewSlice(service, labels, []));
        }
        Finalize(service, plan, triggerTime, context);
    }

    /// <summary>Upstream's reconcileByPortMapping, in a fixed order (slices by name, new endpoints by pod name) so runs repeat.</summary>
    private void ReconcilePorts(Service service, Dictionary<string, string> labels, List<EndpointSlice> existing,
        List<EndpointSlicePort> ports, Dictionary<EndpointKey, Desired> desired, Plan plan)
    {
        var unchanged = new List<EndpointSlice>();
        var updating = new List<EndpointSlice>();
        foreach (var slice in existing)
        {
            var kept = new List<Endpoint>();
            var changed = false;
            foreach (var endpoint in slice.Endpoints ?? [])
            {
                if (!desired.Remove(EndpointKey.Of(endpoint), out var wanted)) continue;
                kept.Add(wanted.Endpoint);
                changed |= !SameBeyondHash(wanted.Endpoint, endpoint);
            }
            var labelsChanged = !ServicePods.SameLabels(slice.Metadata.Labels, labels);
            if (changed || kept.Count != (slice.Endpoints?.Count ?? 0))
            {
                if (kept.Count == 0) plan.Delete.Add(slice);
                else updating.Add(Rewrite(slice, kept, labels));
            }
            else if (labelsChanged) updating.Add(Rewrite(slice, kept, labels));
            else unchanged.Add(slice);
        }

        var left = new Queue<Endpoint>(desired.Values.OrderBy(d => d.PodName, StringComparer.Ordinal).Select(d => d.Endpoint));
        // Slices rewritten anyway take new endpoints first, the fullest first.
        foreach (var slice in updating.OrderByDescending(s => s.Endpoints!.Count))
            while (left.Count > 0 && slice.Endpoints!.Count < maxEndpointsPerSlice) slice.Endpoints.Add(left.Dequeue());

        while (left.Count > 0)
        {
            var fill = left.Count < maxEndpointsPerSlice ? SliceToFill(unchanged, left.Count) : null;
            EndpointSlice slice;
            if (fill is null) plan.Create.Add(slice = NewSlice(service, labels, ports));
            else
            {
                unchanged.Remove(fill);
                updating.Add(slice = Rewrite(fill, [.. fill.Endpoints ?? []], labels));
            }
            while (left.Count > 0 && slice.Endpoints!.Count < maxEndpointsPerSlice) slice.Endpoints!.Add(left.Dequeue());
        }
        plan.Update.AddRange(updating);
    }

    /// <summary>Upstream's getSliceToFill: the unchanged slice closest to full once <paramref name="count"/> endpoints are added.</summary>
    private EndpointSlice? SliceToFill(List<EndpointSlice> slices, int count)
    {
        EndpointSlice? best = null;
        var bestRoom = maxEndpointsPerSlice;
        foreach (var slice in slices)
        {
            var room = maxEndpointsPerSlice - count - (slice.Endpoints?.Count ?? 0);
            if (room < 0 || room >= bestRoom) continue;
            (best, bestRoom) = (slice, room);
            if (room == 0) break;
        }
        return best;
    }

    /// <summary>Upstream's finalize: a slice about to be deleted is reused for one about to be created, then the writes.</summary>
    private void Finalize(Service service, Plan plan, DateTimeOffset? triggerTime, WriteContext context)
    {
        for (var i = 0; i < plan.Delete.Count && plan.Create.Count > 0;)
        {
            var reused = plan.Delete[i];
            if (reused.AddressType != "IPv4" || !OwnedBy(reused, service))
            {
                i++;
                continue;
            }
            var slice = plan.Create[^1];
            plan.Create.RemoveAt(plan.Create.Count - 1);
            plan.Delete.RemoveAt(i);
            slice.Metadata.Name = reused.Metadata.Name;
            plan.Update.Add(slice);
        }
        // No new slices for a service being deleted: the garbage collector is removing them.
        if (service.Metadata.DeletionTimestamp is null)
            foreach (var slice in plan.Create) api.Create(Annotated(slice, triggerTime), context);
        foreach (var slice in plan.Update) api.Update(Annotated(slice, triggerTime), context);
        foreach (var slice in plan.Delete) Delete(slice, context);
    }

    private static EndpointSlice Annotated(EndpointSlice slice, DateTimeOffset? triggerTime)
    {
        if (slice.Endpoints is { Count: 0 }) slice.Endpoints = null;
        var annotations = slice.Metadata.Annotations ?? [];
        if (triggerTime is { } time) annotations[TriggerTimes.Annotation] = KubeJson.FormatTime(time);
        else annotations.Remove(TriggerTimes.Annotation);
        slice.Metadata.Annotations = annotations.Count == 0 ? null : annotations;
        return slice;
    }

    /// <summary>A new slice object for an existing one: its metadata copied, its endpoints replaced (cached objects are shared, never changed).</summary>
    private static EndpointSlice Rewrite(EndpointSlice slice, List<Endpoint> endpoints, Dictionary<string, string> labels)
    {
        var metadata = KubeJson.Deserialize<ObjectMeta>(KubeJson.SerializeValue(slice.Metadata));
        metadata.Labels = new Dictionary<string, string>(labels);
        return new EndpointSlice { Metadata = metadata, AddressType = slice.AddressType, Endpoints = endpoints, Ports = slice.Ports };
    }

    private static EndpointSlice NewSlice(Service service, Dictionary<string, string> labels, List<EndpointSlicePort> ports) => new()
    {
        Metadata = new ObjectMeta
        {
            GenerateName = service.Metadata.Name + "-",
            Namespace = service.Metadata.Namespace,
            Labels = new Dictionary<string, string>(labels),
            OwnerReferences = [new OwnerReference
            {
                ApiVersion = "v1", Kind = "Service", Name = service.Metadata.Name!, Uid = service.Metadata.Uid!,
                Controller = true, BlockOwnerDeletion = true,
            }],
        },
        AddressType = "IPv4",
        Endpoints = [],
        Ports = ports.Count == 0 ? null : ports,
    };

    private static bool IsPlaceholder(EndpointSlice slice, Service service, Dictionary<string, string> labels) =>
        (slice.Endpoints?.Count ?? 0) == 0 && (slice.Ports?.Count ?? 0) == 0 && ServicePods.SameLabels(slice.Metadata.Labels, labels)
        && OwnedBy(slice, service);

    private static bool OwnedBy(EndpointSlice slice, Service service) =>
        slice.Metadata.OwnerReferences?.Any(o => o.Uid == service.Metadata.Uid && o.Kind == "Service" && o.ApiVersion == "v1") == true;

    /// <summary>Upstream's EndpointsEqualBeyondHash.</summary>
    private static bool SameBeyondHash(Endpoint a, Endpoint b) =>
        (a.Conditions?.Ready, a.Conditions?.Serving, a.Conditions?.Terminating) == (b.Conditions?.Ready, b.Conditions?.Serving, b.Conditions?.Terminating)
        && a.NodeName == b.NodeName && a.Zone == b.Zone && EndpointSubsets.ReferencesEqual(a.TargetRef, b.TargetRef);

    /// <summary>Upstream's PortMapKey: the same ports in any order are one group.</summary>
    private static string PortsKey(List<EndpointSlicePort>? ports) =>
        string.Join(";", (ports ?? []).Select(p => $"{p.Name}/{p.Port}/{p.Protocol}/{p.AppProtocol}").Order(StringComparer.Ordinal));

    private static bool SamePorts(List<EndpointSlicePort> a, List<EndpointSlicePort> b) =>
        EndpointSubsets.ListsEqual(a, b, (p, q) => (p.Name, p.Port, p.Protocol, p.AppProtocol) == (q.Name, q.Port, q.Protocol, q.AppProtocol));

    private static List<EndpointSlice> Bucket(Dictionary<string, List<EndpointSlice>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = [];
        return bucket;
    }

    public void Delete(EndpointSlice slice, WriteContext context)
    {
        try
        {
            api.Delete<EndpointSlice>(slice.Metadata.Namespace, slice.Metadata.Name!, context);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone (the garbage collector follows the owner reference too).
        }
    }
}

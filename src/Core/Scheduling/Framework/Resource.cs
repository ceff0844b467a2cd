using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Scheduling.Framework;

/// <summary>Amounts of the resources the scheduler adds up: CPU in millicores, memory and ephemeral storage in bytes, extended resources by name.</summary>
public sealed class Resource
{
    /// <summary>What the scheduler assumes a container without a CPU request uses, for spreading only (DefaultMilliCPURequest).</summary>
    public const long DefaultMilliCpuRequest = 100;

    /// <summary>What the scheduler assumes a container without a memory request uses, for spreading only (DefaultMemoryRequest).</summary>
    public const long DefaultMemoryRequest = 200 * 1024 * 1024;

    public long MilliCpu { get; private set; }
    public long Memory { get; private set; }
    public long EphemeralStorage { get; private set; }
    public SortedDictionary<string, long> Scalar { get; } = new(StringComparer.Ordinal);

    public bool IsZero => MilliCpu == 0 && Memory == 0 && EphemeralStorage == 0 && Scalar.Count == 0;

    /// <summary>A node's allocatable or capacity list; "pods" is not a resource a pod requests, so it is left out.</summary>
    public static Resource From(IReadOnlyDictionary<string, string>? list)
    {
        var resource = new Resource();
        foreach (var (name, value) in list ?? new Dictionary<string, string>())
        {
            if (!Quantity.TryParse(value, out _)) continue;
            switch (name)
            {
                case "cpu": resource.MilliCpu += Quantity.MilliCpu(value); break;
                case "memory": resource.Memory += Quantity.Bytes(value); break;
                case "ephemeral-storage": resource.EphemeralStorage += Quantity.Bytes(value); break;
                default:
                    if (IsScalar(name)) resource.Scalar[name] = resource.Scalar.GetValueOrDefault(name) + Quantity.Bytes(value);
                    break;
            }
        }
        return resource;
    }

    /// <summary>
    /// A pod's effective request, as resourcehelper.PodRequests computes it: the sum of its containers and sidecars,
    /// or the largest init container (plus the sidecars started before it) when that is bigger.
    /// With <paramref name="nonZero"/>, a container that requests no CPU or memory counts the scheduler's defaults.
    /// </summary>
    public static Resource Requests(PodSpec spec, bool nonZero = false)
    {
        var total = new Resource();
        foreach (var container in spec.Containers) total.Add(OfContainer(container, nonZero));
        var sidecars = new Resource();
        var init = new Resource();
        foreach (var container in spec.InitContainers ?? [])
        {
            var request = OfContainer(container, nonZero);
            if (container.RestartPolicy == "Always")
            {
                total.Add(request);
                sidecars.Add(request);
                request = sidecars.Clone();
            }
            else request.Add(sidecars);
            init.SetMax(request);
        }
        total.SetMax(init);
        return total;
    }

    /// <summary>A container's requests; a resource with only a limit requests its limit, as API defaulting would have set it.</summary>
    private static Resource OfContainer(Container container, bool nonZero)
    {
        var requests = new Dictionary<string, string>(container.Resources?.Limits ?? []);
        foreach (var (name, value) in container.Resources?.Requests ?? []) requests[name] = value;
        var resource = From(requests);
        if (nonZero && !requests.ContainsKey("cpu")) resource.MilliCpu = DefaultMilliCpuRequest;
        if (nonZero && !requests.ContainsKey("memory")) resource.Memory = DefaultMemoryRequest;
        return resource;
    }

    public Resource Clone()
    {
        var copy = new Resource { MilliCpu = MilliCpu, Memory = Memory, EphemeralStorage = EphemeralStorage };
        foreach (var (name, value) in Scalar) copy.Scalar[name] = value;
        return copy;
    }

    public void Add(Resource other) => Combine(other, 1);

    public void Subtract(Resource other) => Combine(other, -1);

    private void Combine(Resource other, int sign)
    {
        MilliCpu += sign * other.MilliCpu;
        Memory += sign * other.Memory;
        EphemeralStorage += sign * other.EphemeralStorage;
        foreach (var (name, value) in other.Scalar) Scalar[name] = Scalar.GetValueOrDefault(name) + sign * value;
    }

    private void SetMax(Resource other)
    {
        MilliCpu = Math.Max(MilliCpu, other.MilliCpu);
        Memory = Math.Max(Memory, other.Memory);
        EphemeralStorage = Math.Max(EphemeralStorage, other.EphemeralStorage);
        foreach (var (name, value) in other.Scalar) Scalar[name] = Math.Max(Scalar.GetValueOrDefault(name), value);
    }

    /// <summary>Extended resources (vendor.com/gpu) and hugepages are counted; other native names are not schedulable.</summary>
    private static bool IsScalar(string name) => name.Contains('/') || name.StartsWith("hugepages-", StringComparison.Ordinal);
}

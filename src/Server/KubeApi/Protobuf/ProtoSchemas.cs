namespace Playground.Server.KubeApi.Protobuf;

/// <summary>Every message the decoder knows, by package and name, and the top-level kinds by apiVersion.</summary>
internal static class ProtoSchemas
{
    private static readonly Dictionary<(string Package, string Name), ProtoMessage> Messages =
        new[] { MetaProtos.All, CoreProtos.All, AppsProtos.All, BatchProtos.All, AutoscalingProtos.All, PolicyProtos.All, NetworkingProtos.All }
            .SelectMany(m => m).ToDictionary(m => (m.Package, m.Name));

    /// <summary>The package whose messages encode an apiVersion's kinds: "v1" is core, "apps/v1" is apps, "autoscaling/v2" is autoscalingv2.</summary>
    public static string? PackageOf(string apiVersion) => apiVersion switch
    {
        "v1" => "core",
        "apps/v1" => "apps",
        "batch/v1" => "batch",
        "autoscaling/v1" => "autoscalingv1",
        "autoscaling/v2" => "autoscalingv2",
        "policy/v1" => "policy",
        "networking.k8s.io/v1" => "networking",
        "meta.k8s.io/v1" => "meta",
        _ => null,
    };

    /// <summary>A top-level kind; DeleteOptions and the other meta types belong to every group version, as in upstream's scheme.</summary>
    public static ProtoMessage? Kind(string apiVersion, string kind) =>
        PackageOf(apiVersion) is { } package && (Find(package, kind) ?? Find("meta", kind)) is { } message ? message : null;

    /// <summary>Resolves a field's message name: "core.PodSpec" names its package, a bare name is looked up in the field's own package, then meta, then core.</summary>
    public static ProtoMessage Resolve(ProtoMessage owner, string name)
    {
        var dot = name.IndexOf('.');
        var found = dot > 0
            ? Find(name[..dot], name[(dot + 1)..])
            : Find(owner.Package, name) ?? Find("meta", name) ?? Find("core", name);
        return found ?? throw new InvalidOperationException($"the protobuf schema of {owner.Name} names an unknown message {name}");
    }

    private static ProtoMessage? Find(string package, string name) => Messages.GetValueOrDefault((package, name));

    /// <summary>Every message, for tests that check the tables resolve.</summary>
    public static IEnumerable<ProtoMessage> All => Messages.Values;
}

using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Strategies;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer;

/// <summary>What the API knows about one kind at one served version: where it is served, its names, and its CLR model.</summary>
public sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    Type ClrType,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    IResourceStrategy Strategy)
{
    /// <summary>The verbs of a kind kept in the store, as discovery lists them.</summary>
    public static readonly IReadOnlyList<string> StoredVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The name used in API messages, e.g. "deployments.apps" or "pods".</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The kind as messages qualify it, e.g. "Deployment.apps" or "Pod".</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>What clients may do with the resource (get and list only for what an aggregated API such as metrics-server serves).</summary>
    public IReadOnlyList<string> Verbs { get; init; } = StoredVerbs;

    /// <summary>
    /// Set on a version served besides the one the kind is stored at (autoscaling/v1 beside autoscaling/v2): the API
    /// reads and writes stored objects and converts at its edge, as kube-apiserver converts to the request's version.
    /// </summary>
    public VersionConverter? Conversion { get; init; }

    /// <summary>The model objects of this kind have in the store: <see cref="ClrType"/> unless this is another served version.</summary>
    public Type StoredClrType => Conversion?.StoredType ?? ClrType;

    /// <summary>A stored object as this version shows it.</summary>
    public KubeObject Served(KubeObject stored) => Conversion?.FromStored(stored) ?? stored;

    /// <summary>A stored object as this version's JSON, the form patches and apply merge against.</summary>
    public JsonObject ToNode(KubeObject stored) => KubeJson.ToNode(Served(stored));
}

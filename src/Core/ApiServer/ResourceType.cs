using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Strategies;

namespace Playground.Core.ApiServer;

/// <summary>What the API knows about one kind: where it is served, its names, and its CLR model.</summary>
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
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The name used in API messages, e.g. "deployments.apps" or "pods".</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The kind as messages qualify it, e.g. "Deployment.apps" or "Pod".</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}

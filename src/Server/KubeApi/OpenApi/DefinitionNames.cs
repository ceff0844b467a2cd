using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>Upstream's definition names for our model types ("io.k8s.api.apps.v1.Deployment"), so that tools reading the documents find familiar names.</summary>
public sealed class DefinitionNames
{
    public const string Meta = "io.k8s.apimachinery.pkg.apis.meta.v1";
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string Time = Meta + ".Time";

    /// <summary>C# namespace (Playground.Core.Api.Apps) → upstream package prefix (io.k8s.api.apps.v1), taken from the kinds registered in it.</summary>
    private readonly Dictionary<string, string> _packages;

    public DefinitionNames(ResourceRegistry registry)
    {
        _packages = registry.AllVersions
            .GroupBy(t => t.ClrType.Namespace!)
            .ToDictionary(g => g.Key, g => $"io.k8s.api.{(g.First().Group.Length == 0 ? "core" : g.First().Group.Split('.')[0])}.{g.First().Version}");
        _packages[typeof(Playground.Core.Api.Meta.ObjectMeta).Namespace!] = Meta;
    }

    public string Of(Type type) =>
        type == typeof(Playground.Core.Api.Meta.IntOrString) ? IntOrString
        : _packages.TryGetValue(type.Namespace ?? "", out var package) ? $"{package}.{type.Name}"
        : throw new InvalidOperationException($"{type.FullName} is not an API model type");

    /// <summary>The list kind's definition, which the models have no class for.</summary>
    public string ListOf(ResourceType type) => $"{Of(type.ClrType)}List";
}

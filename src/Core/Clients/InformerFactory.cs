using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Storage;

namespace Playground.Core.Clients;

/// <summary>One informer per kind for the whole sandbox, as client-go's SharedInformerFactory gives.</summary>
public sealed class InformerFactory(Store store, ResourceRegistry resources)
{
    private readonly Dictionary<Type, object> _informers = [];

    public Informer<T> For<T>() where T : KubeObject
    {
        if (!_informers.TryGetValue(typeof(T), out var informer))
            _informers[typeof(T)] = informer = new Informer<T>(store, resources.For<T>().Plural);
        return (Informer<T>)informer;
    }
}

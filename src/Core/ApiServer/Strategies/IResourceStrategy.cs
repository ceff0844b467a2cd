using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Per-kind rules kept apart from storage, as upstream's registry strategies are: defaults, validation, what an update may change.</summary>
public interface IResourceStrategy
{
    void PrepareForCreate(KubeObject obj, StrategyContext context);
    IEnumerable<FieldError> Validate(KubeObject obj);
    /// <summary>Defaults and what an update keeps; <paramref name="old"/> is a private copy of the stored object, so parts of it may be moved into <paramref name="updated"/>.</summary>
    void PrepareForUpdate(KubeObject updated, KubeObject old, StrategyContext context);
    IEnumerable<FieldError> ValidateUpdate(KubeObject updated, KubeObject old);

    /// <summary>A status write keeps everything of the old object but its status; <paramref name="old"/> is a private copy, as for an update.</summary>
    void PrepareForStatusUpdate(KubeObject updated, KubeObject old);

    /// <summary>What a status write may not hold (negative counts, bad annotations), after <see cref="PrepareForStatusUpdate"/>.</summary>
    IEnumerable<FieldError> ValidateStatusUpdate(KubeObject updated);

    /// <summary>Gives back what the object held (addresses, ports) once it is gone from the store.</summary>
    void Released(KubeObject obj, StrategyContext context);
}

/// <summary>What a strategy may use besides the object itself.</summary>
public sealed record StrategyContext(DateTimeOffset Now, Random Random, Networking.IpAllocator Ips);

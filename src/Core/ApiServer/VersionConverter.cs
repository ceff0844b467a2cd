using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer;

/// <summary>
/// Converts a kind between the version it is stored at and another version it is served at (upstream's conversion
/// functions for one group version); objects are copies, never the store's own.
/// </summary>
public abstract class VersionConverter
{
    /// <summary>The model of the stored version.</summary>
    public abstract Type StoredType { get; }

    public abstract KubeObject ToStored(KubeObject served);

    public abstract KubeObject FromStored(KubeObject stored);
}

/// <summary>A converter between two model classes.</summary>
public abstract class VersionConverter<TServed, TStored> : VersionConverter where TServed : KubeObject where TStored : KubeObject
{
    public override Type StoredType => typeof(TStored);

    public override KubeObject ToStored(KubeObject served) => ToStored((TServed)served);

    public override KubeObject FromStored(KubeObject stored) => FromStored((TStored)stored);

    protected abstract TStored ToStored(TServed served);

    protected abstract TServed FromStored(TStored stored);
}

using Playground.Core.Api.Apps;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Upstream's controllerrevision strategy: the data of a revision never changes once written.</summary>
public sealed class ControllerRevisionRules : ResourceStrategy<ControllerRevision>
{
    protected override IEnumerable<FieldError> ValidateObject(ControllerRevision revision)
    {
        if (revision.Revision < 0) yield return FieldError.Invalid("revision", revision.Revision.ToString(), "must be greater than or equal to 0");
    }

    protected override IEnumerable<FieldError> ValidateChange(ControllerRevision updated, ControllerRevision old)
    {
        if (KubeJson.SerializeValue(updated.Data) != KubeJson.SerializeValue(old.Data))
            yield return FieldError.Invalid("data", "", "field is immutable");
    }
}

using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Admission;

public enum AdmissionOperation { Create, Update }

/// <summary>What an admission plugin sees of a request: the object about to be written, the old one on update, and the API to look things up.</summary>
public sealed record AdmissionAttributes(
    AdmissionOperation Operation,
    ResourceType Type,
    KubeObject Object,
    KubeObject? Old,
    ApiServer Api,
    WriteContext Context)
{
    public string Namespace => Object.Metadata.Namespace ?? "";

    /// <summary>Upstream's admission.NewForbidden: `pods "x" is forbidden: reason`.</summary>
    public ApiException Forbidden(string reason) =>
        ApiException.Forbidden($"{Type.QualifiedPlural} \"{Object.Metadata.Name}\" is forbidden: {reason}");
}

/// <summary>A plugin that may change the object before the kind's defaults and validation run.</summary>
public interface IMutatingAdmission
{
    void Admit(AdmissionAttributes attributes);
}

/// <summary>A plugin that may only refuse, after validation, right before the object is stored.</summary>
public interface IValidatingAdmission
{
    void Validate(AdmissionAttributes attributes);
}

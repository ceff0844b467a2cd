using System.Text;
using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Validation;

/// <summary>The metadata every kind validates alike, as upstream's ValidateObjectMeta: label, annotation and finalizer names, and the annotations' size.</summary>
public static class ObjectMetadata
{
    /// <summary>Upstream's TotalAnnotationSizeLimitB: keys and values together.</summary>
    public const int AnnotationsSizeLimit = 256 * 1024;

    public static void Validate(ObjectMeta meta, List<FieldError> errors)
    {
        Labels.Validate(meta.Labels, "metadata.labels", errors);
        var annotations = meta.Annotations ?? [];
        // Annotation keys are qualified names in which case does not matter.
        foreach (var key in annotations.Keys)
            if (Labels.QualifiedNameProblem(key.ToLowerInvariant()) is { } problem) errors.Add(FieldError.Invalid("metadata.annotations", $"\"{key}\"", problem));
        if (annotations.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value)) > AnnotationsSizeLimit)
            errors.Add(FieldError.TooLong("metadata.annotations", AnnotationsSizeLimit));
        foreach (var finalizer in meta.Finalizers ?? [])
            if (Labels.QualifiedNameProblem(finalizer) is { } problem) errors.Add(FieldError.Invalid("metadata.finalizers", $"\"{finalizer}\"", problem));
    }
}

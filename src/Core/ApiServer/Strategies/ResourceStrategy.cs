using System.Reflection;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>The rules every kind shares; a kind overrides only what differs.</summary>
public class ResourceStrategy<T> : IResourceStrategy where T : KubeObject
{
    private static readonly PropertyInfo? StatusProperty = typeof(T).GetProperty("Status");

    /// <summary>Kinds with a spec count changes to it in metadata.generation.</summary>
    protected virtual bool HasGeneration => false;

    /// <summary>How names of this kind are validated (most kinds: an RFC 1123 subdomain).</summary>
    protected virtual Func<string, string?> NameRule => Names.Subdomain;

    public void PrepareForCreate(KubeObject obj, StrategyContext context)
    {
        if (HasGeneration) obj.Metadata.Generation = 1;
        ResetStatus((T)obj);
        Default((T)obj, context);
    }

    public IEnumerable<FieldError> Validate(KubeObject obj)
    {
        var errors = new List<FieldError>();
        var name = obj.Metadata.Name ?? "";
        if (name.Length == 0) errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        else if (NameRule(name) is { } problem) errors.Add(FieldError.Invalid("metadata.name", $"\"{name}\"", problem));
        ObjectMetadata.Validate(obj.Metadata, errors);
        errors.AddRange(ValidateObject((T)obj));
        return errors;
    }

    public void PrepareForUpdate(KubeObject updated, KubeObject old, StrategyContext context)
    {
        StatusProperty?.SetValue(updated, StatusProperty.GetValue(old));
        Default((T)updated, context);
        PrepareUpdate((T)updated, (T)old);
        if (HasGeneration)
            updated.Metadata.Generation = SpecOf(updated) == SpecOf(old) ? old.Metadata.Generation : (old.Metadata.Generation ?? 0) + 1;
    }

    public IEnumerable<FieldError> ValidateUpdate(KubeObject updated, KubeObject old) =>
        Validate(updated).Concat(ValidateChange((T)updated, (T)old));

    public void PrepareForStatusUpdate(KubeObject updated, KubeObject old)
    {
        var status = StatusProperty?.GetValue(updated);
        var annotations = updated.Metadata.Annotations;
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite && p != StatusProperty))
            property.SetValue(updated, property.GetValue(old));
        StatusProperty?.SetValue(updated, status);
        if (StatusWritesAnnotations) updated.Metadata.Annotations = annotations;
    }

    public IEnumerable<FieldError> ValidateStatusUpdate(KubeObject updated)
    {
        var errors = new List<FieldError>();
        ObjectMetadata.Validate(updated.Metadata, errors);
        return errors.Concat(ValidateStatus((T)updated));
    }

    /// <summary>Whether the status subresource also takes annotations (upstream's deployment status strategy resets only spec and labels).</summary>
    protected virtual bool StatusWritesAnnotations => false;

    public void Released(KubeObject obj, StrategyContext context) => Release((T)obj, context);

    protected virtual void Release(T obj, StrategyContext context) { }

    protected virtual void ResetStatus(T obj) => StatusProperty?.SetValue(obj, null);

    protected virtual void Default(T obj, StrategyContext context) { }

    /// <summary>What a kind derives from the old object on update (a daemonset's template generation).</summary>
    protected virtual void PrepareUpdate(T updated, T old) { }

    protected virtual IEnumerable<FieldError> ValidateObject(T obj) => [];

    protected virtual IEnumerable<FieldError> ValidateChange(T updated, T old) => [];

    protected virtual IEnumerable<FieldError> ValidateStatus(T obj) => [];

    /// <summary>Upstream's ValidateNonnegativeField, which status counts share.</summary>
    protected static IEnumerable<FieldError> NonNegative(params (string Field, long? Value)[] fields) =>
        fields.Where(f => f.Value < 0).Select(f => FieldError.Invalid(f.Field, f.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than or equal to 0"));

    /// <summary>Everything but metadata and status: what a generation counts.</summary>
    private static string SpecOf(KubeObject obj)
    {
        var node = KubeJson.ToNode(obj);
        node.Remove("metadata");
        node.Remove("status");
        return node.ToJsonString();
    }
}

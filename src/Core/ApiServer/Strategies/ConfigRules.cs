using System.Text;
using System.Text.RegularExpressions;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Keys of configmaps and secrets, as upstream's IsConfigMapKey checks them.</summary>
public static partial class ConfigKeys
{
    public static void Validate(IEnumerable<string>? keys, string path, List<FieldError> errors)
    {
        foreach (var key in keys ?? [])
            if (key.Length > 253 || !KeyPattern().IsMatch(key) || key is "." or ".." || key.StartsWith("..", StringComparison.Ordinal))
                errors.Add(FieldError.Invalid($"{path}[{key}]", $"\"{key}\"",
                    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex KeyPattern();
}

public sealed class ConfigMapRules : ResourceStrategy<ConfigMap>
{
    protected override IEnumerable<FieldError> ValidateObject(ConfigMap cm)
    {
        var errors = new List<FieldError>();
        ConfigKeys.Validate(cm.Data?.Keys, "data", errors);
        ConfigKeys.Validate(cm.BinaryData?.Keys, "binaryData", errors);
        return errors;
    }

    protected override IEnumerable<FieldError> ValidateChange(ConfigMap updated, ConfigMap old)
    {
        if (old.Immutable != true) yield break;
        if (!SameData(updated.Data, old.Data) || !SameData(updated.BinaryData, old.BinaryData))
            yield return FieldError.Forbidden("data", "field is immutable when `immutable` is set");
        if (updated.Immutable != true) yield return FieldError.Forbidden("immutable", "field is immutable when `immutable` is set");
    }

    internal static bool SameData(Dictionary<string, string>? a, Dictionary<string, string>? b) =>
        (a ?? []).Count == (b ?? []).Count && (a ?? []).All(kv => (b ?? []).TryGetValue(kv.Key, out var v) && v == kv.Value);
}

/// <summary>Secrets: stringData is folded into base64 data on every write, as the v1 conversion does; the type defaults to Opaque and never changes.</summary>
public sealed class SecretRules : ResourceStrategy<Secret>
{
    protected override void Default(Secret secret, StrategyContext context)
    {
        secret.Type ??= "Opaque";
        foreach (var value in (secret.Data ?? []).Values)
            if (InvalidBase64At(value) is { } at)
                throw ApiException.BadRequest($"Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte {at}");
        if (secret.StringData is { } plain)
        {
            secret.Data ??= [];
            foreach (var (key, value) in plain) secret.Data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
            secret.StringData = null;
        }
    }

    /// <summary>Where Go's base64 decoder would stop on a value, or null when it decodes.</summary>
    private static int? InvalidBase64At(string value)
    {
        var body = value.TrimEnd('=');
        for (var i = 0; i < body.Length; i++)
            if (!char.IsAsciiLetterOrDigit(body[i]) && body[i] is not ('+' or '/')) return i;
        var padded = value.Length - body.Length;
        if (value.Length % 4 != 0 || padded > 2 || (body.Length % 4 == 1)) return Math.Max(0, body.Length - body.Length % 4);
        return null;
    }

    protected override IEnumerable<FieldError> ValidateObject(Secret secret)
    {
        var errors = new List<FieldError>();
        ConfigKeys.Validate(secret.Data?.Keys, "data", errors);
        return errors;
    }

    protected override IEnumerable<FieldError> ValidateChange(Secret updated, Secret old)
    {
        if (updated.Type != old.Type) yield return FieldError.Invalid("type", $"\"{updated.Type}\"", "field is immutable");
        if (old.Immutable != true) yield break;
        if (!ConfigMapRules.SameData(updated.Data, old.Data)) yield return FieldError.Forbidden("data", "field is immutable when `immutable` is set");
        if (updated.Immutable != true) yield return FieldError.Forbidden("immutable", "field is immutable when `immutable` is set");
    }
}

public sealed class ServiceAccountRules : ResourceStrategy<ServiceAccount>;

public sealed class LimitRangeRules : ResourceStrategy<LimitRange>
{
    private static readonly string[] Types = ["Container", "Pod", "PersistentVolumeClaim"];

    /// <summary>v1 defaulting of container items: the default limit falls back to max, the default request to the default limit, then to min.</summary>
    protected override void Default(LimitRange range, StrategyContext context)
    {
        foreach (var item in range.Spec.Limits.Where(i => i.Type == "Container"))
        {
            var limits = item.Default ??= [];
            var requests = item.DefaultRequest ??= [];
            foreach (var (k, v) in item.Max ?? []) limits.TryAdd(k, v);
            foreach (var (k, v) in limits) requests.TryAdd(k, v);
            foreach (var (k, v) in item.Min ?? []) requests.TryAdd(k, v);
            if (limits.Count == 0) item.Default = null;
            if (requests.Count == 0) item.DefaultRequest = null;
        }
    }

    protected override IEnumerable<FieldError> ValidateObject(LimitRange range)
    {
        for (var i = 0; i < range.Spec.Limits.Count; i++)
        {
            var item = range.Spec.Limits[i];
            var path = $"spec.limits[{i}]";
            if (!Types.Contains(item.Type)) yield return FieldError.NotSupported($"{path}.type", $"\"{item.Type}\"", Types);
            foreach (var (field, values) in new[] { ("max", item.Max), ("min", item.Min), ("default", item.Default), ("defaultRequest", item.DefaultRequest), ("maxLimitRequestRatio", item.MaxLimitRequestRatio) })
                foreach (var (resource, text) in values ?? [])
                    if (!Quantity.TryParse(text, out _))
                        yield return FieldError.Invalid($"{path}.{field}[{resource}]", $"\"{text}\"", "must be a valid quantity");
        }
    }
}

public sealed class ResourceQuotaRules : ResourceStrategy<ResourceQuota>
{
    protected override IEnumerable<FieldError> ValidateObject(ResourceQuota quota)
    {
        foreach (var (resource, text) in quota.Spec?.Hard ?? [])
        {
            if (!Quantity.TryParse(text, out var value))
                yield return FieldError.Invalid($"spec.hard[{resource}]", $"\"{text}\"", "must be a valid quantity");
            else if (value < 0)
                yield return FieldError.Invalid($"spec.hard[{resource}]", $"\"{text}\"", "must be greater than or equal to 0");
        }
    }
}

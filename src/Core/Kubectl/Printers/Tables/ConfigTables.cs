using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Admission;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class SecretTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Type"), new("Data"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var secret = (Secret)obj;
        return [secret.Metadata.Name ?? "", secret.Type ?? "", $"{secret.Data?.Count ?? 0}", HumanDuration.Since(secret.Metadata.CreationTimestamp, now)];
    }
}

public sealed class ServiceAccountTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Secrets"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var sa = (ServiceAccount)obj;
        return [sa.Metadata.Name ?? "", $"{sa.Secrets?.Count ?? 0}", HumanDuration.Since(sa.Metadata.CreationTimestamp, now)];
    }
}

/// <summary>Used/hard per resource, requests and limits in separate columns, as upstream's printResourceQuota.</summary>
public sealed class ResourceQuotaTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Age"), new("Request"), new("Limit")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var quota = (ResourceQuota)obj;
        var requests = new List<string>();
        var limits = new List<string>();
        foreach (var resource in (quota.Spec?.Hard ?? []).Keys.Order(StringComparer.Ordinal))
        {
            var used = Canonical(quota.Status?.Used?.GetValueOrDefault(resource));
            var hard = Canonical(quota.Status?.Hard?.GetValueOrDefault(resource));
            (resource.Split('.') is ["limits", _, ..] ? limits : requests).Add($"{resource}: {used}/{hard}");
        }
        return [quota.Metadata.Name ?? "", HumanDuration.Since(quota.Metadata.CreationTimestamp, now), string.Join(", ", requests), string.Join(", ", limits)];
    }

    private static string Canonical(string? text) => text is null ? "0" : Amount.Of(text).ToString();
}

public sealed class LimitRangeTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Created At")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now) =>
        [obj.Metadata.Name ?? "", obj.Metadata.CreationTimestamp is { } t ? Serialization.KubeJson.FormatTime(t) : ""];
}

using Playground.Core.Api.Core;

namespace Playground.Core.Kubelet.Volumes;

/// <summary>What a path names inside a container's volume mounts: a file, a directory with its entries, or nothing.</summary>
public abstract record MountedEntry
{
    public sealed record File(string Content) : MountedEntry;

    public sealed record Directory(IReadOnlyList<string> Entries) : MountedEntry;

    public sealed record Missing : MountedEntry;
}

/// <summary>
/// A container's view of its pod's volumes: each volumeMount shows its volume's files under mountPath (or, with
/// subPath, only that file or folder), as the kubelet bind-mounts them. Read live, so a changed ConfigMap shows at once.
/// </summary>
public static class MountedFiles
{
    /// <summary>The entry at an absolute path, or null when the path is not under a mount whose contents are simulated.</summary>
    public static MountedEntry? Resolve(ApiServer.ApiServer api, Pod pod, Container container, string path)
    {
        var normalized = Normalize(path);
        foreach (var mount in (container.VolumeMounts ?? []).OrderByDescending(m => Normalize(m.MountPath).Length))
        {
            var root = Normalize(mount.MountPath);
            if (normalized != root && !normalized.StartsWith(root == "/" ? "/" : root + "/", StringComparison.Ordinal)) continue;
            var volume = pod.Spec.Volumes?.FirstOrDefault(v => v.Name == mount.Name);
            if (volume is null || VolumeSources.Payload(api, pod, volume).Files is not { } files) return null;
            var subPath = (mount.SubPath ?? "").Trim('/');
            var relative = string.Join('/', new[] { subPath, normalized[root.Length..].Trim('/') }.Where(p => p.Length > 0));
            var entry = Find(files, relative);
            // A subPath the volume lacks is created as an empty folder, as the kubelet does.
            return entry is MountedEntry.Missing && subPath.Length > 0 && relative == subPath ? new MountedEntry.Directory([]) : entry;
        }
        return null;
    }

    private static MountedEntry Find(IReadOnlyDictionary<string, string> files, string relative)
    {
        if (files.TryGetValue(relative, out var content)) return new MountedEntry.File(content);
        var prefix = relative.Length == 0 ? "" : relative + "/";
        var entries = files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..].Split('/')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return relative.Length == 0 || entries.Count > 0 ? new MountedEntry.Directory(entries) : new MountedEntry.Missing();
    }

    /// <summary>"/etc//config/" is "/etc/config"; a relative path is taken from the root, the containers' usual working directory.</summary>
    private static string Normalize(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        return "/" + string.Join('/', parts);
    }
}

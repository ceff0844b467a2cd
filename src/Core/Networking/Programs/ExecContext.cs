using Playground.Core.Api.Core;
using Playground.Core.Networking.Traffic;

namespace Playground.Core.Networking.Programs;

/// <summary>Where an exec'd program runs: its pod (for its IP, namespace and DNS search path) and the cluster's network.</summary>
public sealed record ExecContext(Pod Pod, ClusterNetwork Network)
{
    public string Namespace => Pod.Metadata.Namespace ?? "default";
    public string PodIp => Pod.Status?.PodIP ?? "";
}

/// <summary>What a program printed (stdout and stderr, in order) and its exit code.</summary>
public sealed record ProgramResult(string Output, int ExitCode);

/// <summary>A URL as curl and wget take it: scheme optional, host, port (80 or 443 by default), path.</summary>
public sealed record Url(string Host, int Port, string Path)
{
    public static Url? Parse(string text)
    {
        var https = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var rest = https ? text[8..] : text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? text[7..] : text;
        var slash = rest.IndexOfAny(['/', '?']);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "/" : rest[slash] == '?' ? "/" + rest[slash..] : rest[slash..];
        var colon = authority.LastIndexOf(':');
        var port = https ? 443 : 80;
        if (colon >= 0)
        {
            if (!int.TryParse(authority[(colon + 1)..], out port) || port is < 1 or > 65535) return null;
            authority = authority[..colon];
        }
        return authority.Length == 0 ? null : new Url(authority, port, path);
    }
}

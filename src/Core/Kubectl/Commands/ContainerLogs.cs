using System.Globalization;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// What a simulated container has written: the startup log of the images the playground knows (nginx), stamped
/// with the container's start time. Containers run no real processes, so other images have written nothing.
/// </summary>
public static class ContainerLogs
{
    public static IReadOnlyList<(DateTimeOffset Time, string Line)> For(Container container, ContainerState? state)
    {
        var started = state?.Running?.StartedAt ?? state?.Terminated?.StartedAt;
        if (started is not { } time) return [];
        var image = container.Image ?? "";
        var name = image.Split('/')[^1].Split('@')[0];
        var tag = name.Contains(':') ? name[(name.IndexOf(':') + 1)..] : "latest";
        return name.Split(':')[0] == "nginx" ? Nginx(time, tag) : [];
    }

    private static List<(DateTimeOffset, string)> Nginx(DateTimeOffset started, string tag)
    {
        var version = tag.Length > 0 && char.IsAsciiDigit(tag[0]) ? tag.Split('-')[0] : "1.27.3";
        if (version.Count(c => c == '.') == 1) version += ".0";
        var stamp = started.UtcDateTime.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
        string[] entrypoint =
        [
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
            "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
        ];
        string[] server =
        [
            "using the \"epoll\" event method",
            $"nginx/{version}",
            "built by gcc 12.2.0 (Debian 12.2.0-14) ",
            "OS: Linux 6.8.0-playground",
            "getrlimit(RLIMIT_NOFILE): 1048576:1048576",
            "start worker processes",
            "start worker process 29",
            "start worker process 30",
        ];
        return [.. entrypoint.Select(l => (started, l)), .. server.Select(l => (started, $"{stamp} [notice] 1#1: {l}"))];
    }
}

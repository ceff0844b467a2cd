using Playground.Core.Networking.Traffic;

namespace Playground.Core.Networking.Programs;

/// <summary>BusyBox wget (busybox and alpine images): -q, -O FILE or -O- for stdout, -S, --spider; BusyBox's messages.</summary>
public static class Wget
{
    public static ProgramResult Run(IReadOnlyList<string> args, ExecContext context)
    {
        bool quiet = false, spider = false, showHeaders = false;
        string? output = null, urlText = null, hostHeader = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--spider") spider = true;
            else if (arg.StartsWith("-O", StringComparison.Ordinal) && !arg.StartsWith("--", StringComparison.Ordinal)) output = arg.Length > 2 ? arg[2..] : i + 1 < args.Count ? args[++i] : "";
            else if (arg == "--header" && i + 1 < args.Count)
            {
                var header = args[++i].Split(':', 2);
                if (header.Length == 2 && header[0].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase)) hostHeader = header[1].Trim();
            }
            else if (arg is "-T" or "-U") i++;
            else if (arg.StartsWith('-') && arg.Length > 1 && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                for (var j = 1; j < arg.Length; j++)
                {
                    if (arg[j] == 'q') quiet = true;
                    else if (arg[j] == 'S') showHeaders = true;
                    else if (arg[j] == 'O') { output = j + 1 < arg.Length ? arg[(j + 1)..] : i + 1 < args.Count ? args[++i] : ""; break; }
                }
            }
            else urlText ??= arg;
        }
        if (urlText is null) return new("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n", 1);
        if (Url.Parse(urlText) is not { } url) return new($"wget: bad address '{urlText}'\n", 1);
        if (Resolver.Address(url.Host, context) is not { } ip) return new($"wget: bad address '{url.Host}'\n", 1);

        var file = output ?? (url.Path.TrimEnd('/').Split('/')[^1] is { Length: > 0 } last ? last.Split('?')[0] : "index.html");
        var toStdout = file == "-";
        var log = quiet ? "" : $"Connecting to {url.Host} ({ip}:{url.Port})\n";
        var host = hostHeader ?? (url.Port is 80 or 443 ? url.Host : $"{url.Host}:{url.Port}");
        var outcome = context.Network.Send(ip, url.Port, new HttpRequest(spider ? "HEAD" : "GET", host, url.Path, "Wget", context.PodIp, context.Network.EphemeralPort()), context.Pod);
        if (outcome.TimedOut) return new(log + $"wget: can't connect to remote host ({ip}): Connection timed out\n", 1);
        if (!outcome.Connected) return new(log + $"wget: can't connect to remote host ({ip}): Connection refused\n", 1);
        if (outcome.Response is not { } response) return new(log + "wget: error getting response: Connection reset by peer\n", 1);
        if (showHeaders) log += $"  HTTP/1.1 {response.Status} {response.Reason}\n" + string.Concat(response.Headers.Select(h => $"  {h.Name}: {h.Value}\n"));
        if (response.Status >= 400) return new(log + $"wget: server returned error: HTTP/1.1 {response.Status} {response.Reason}\n", 1);
        if (spider) return new(log + (quiet ? "" : "remote file exists\n"), 0);
        if (!toStdout) return new(log + (quiet ? "" : $"saving to '{file}'\n{Progress(file, response.Body.Length)}'{file}' saved\n"), 0);
        return new(quiet ? response.Body : log + "writing to stdout\n" + response.Body + Progress("-", response.Body.Length) + "written to stdout\n", 0);
    }

    private static string Progress(string name, int bytes) =>
        $"{name,-20} 100% |********************************| {bytes,5}  0:00:00 ETA\n";
}

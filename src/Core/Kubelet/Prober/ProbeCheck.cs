using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Kubelet.Images;

namespace Playground.Core.Kubelet.Prober;

/// <summary>
/// One probe run against the simulated container, worded as the kubelet's exec, HTTP and TCP probers report it:
/// exec commands read the files the process touched and removed, HTTP and TCP checks reach the ports its server
/// listens on, and a path the server does not serve answers 404.
/// </summary>
public static class ProbeCheck
{
    /// <summary>Tools whose checks succeed while the image's server is up (redis-cli ping, pg_isready, …).</summary>
    private static readonly string[] ServerClients = ["redis-cli", "pg_isready", "mysqladmin", "mysql", "psql", "curl", "wget", "nginx", "httpd", "apachectl"];

    public static (bool Success, string Output) Run(Probe probe, Container container, ContainerProcess process, TimeSpan elapsed, string? podIp, bool busybox)
    {
        if (probe.Exec is { } exec) return Exec(exec, process, elapsed, busybox);
        var ip = podIp ?? "";
        if (probe.HttpGet is { } http)
        {
            var port = Port(http["port"], container);
            var host = http["host"]?.GetValue<string>() ?? ip;
            var path = http["path"]?.GetValue<string>() ?? "/";
            var scheme = (http["scheme"]?.GetValue<string>() ?? "HTTP").ToLowerInvariant();
            var url = $"{scheme}://{host}:{port}{(path.StartsWith('/') ? path : "/" + path)}";
            if (!Listening(process, elapsed, port)) return (false, $"Get \"{url}\": dial tcp {host}:{port}: connect: connection refused");
            var served = process.Listens!.HttpPaths;
            if (served is null) return (false, $"Get \"{url}\": EOF");
            return served.Contains(path.Split('?')[0]) ? (true, "") : (false, "HTTP probe failed with statuscode: 404");
        }
        if (probe.TcpSocket is { } tcp)
        {
            var port = Port(tcp["port"], container);
            var host = tcp["host"]?.GetValue<string>() ?? ip;
            return Listening(process, elapsed, port) ? (true, "") : (false, $"dial tcp {host}:{port}: connect: connection refused");
        }
        if (probe.Grpc is { } grpc)
        {
            var port = grpc["port"]?.GetValue<int>() ?? 0;
            return Listening(process, elapsed, port)
                ? (true, "")
                : (false, $"timeout: failed to connect service \"{ip}:{port}\" within {probe.TimeoutSeconds ?? 1}s: context deadline exceeded");
        }
        return (true, "");
    }

    private static bool Listening(ContainerProcess process, TimeSpan elapsed, int port) =>
        process.Listens is { } listens && elapsed >= listens.From && listens.Ports.Contains(port);

    /// <summary>A port given by number or by the name of one of the container's ports.</summary>
    private static int Port(JsonNode? port, Container container)
    {
        if (port is null) return 0;
        if (port.GetValueKind() == System.Text.Json.JsonValueKind.Number) return port.GetValue<int>();
        var text = port.GetValue<string>();
        return int.TryParse(text, out var number) ? number : container.Ports?.FirstOrDefault(p => p.Name == text)?.Number ?? 0;
    }

    /// <summary>The command's first word decides: file checks read the simulated files, server clients need the server up.</summary>
    private static (bool, string) Exec(JsonObject exec, ContainerProcess process, TimeSpan elapsed, bool busybox)
    {
        var argv = (exec["command"] as JsonArray ?? []).Select(a => a?.GetValue<string>() ?? "").ToList();
        if (argv.Count > 2 && Path.GetFileName(argv[0]) is "sh" or "bash" or "ash" && argv[1] == "-c")
            argv = argv[2].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'', '"')).ToList();
        if (argv.Count == 0) return (true, "");
        var args = argv.Skip(1).Where(a => !a.StartsWith('-') && a is not ("[" or "]")).ToList();
        var missing = args.FirstOrDefault(a => !process.FileExists(a, elapsed));
        switch (Path.GetFileName(argv[0]))
        {
            case "cat":
                return missing is null ? (true, "") : (false, busybox ? $"cat: can't open '{missing}': No such file or directory\n" : $"cat: {missing}: No such file or directory\n");
            case "ls":
                return missing is null ? (true, string.Join('\n', args) + "\n") : (false, busybox ? $"ls: {missing}: No such file or directory\n" : $"ls: cannot access '{missing}': No such file or directory\n");
            case "test" or "[":
                return (missing is null, "");
            case "false":
                return (false, "");
            case "exit":
                return (argv.ElementAtOrDefault(1) is null or "0", "");
            case var tool when ServerClients.Contains(tool):
                return (process.Listens is { } listens && elapsed >= listens.From, "");
            default:
                return (true, "");
        }
    }
}

using Playground.Core.ApiServer;

namespace Playground.Core.Kubectl.Commands;

public enum DryRunMode { None, Client, Server }

/// <summary>--dry-run: "client" changes nothing and says "(dry run)"; "server" lets the API check it and says "(server dry run)".</summary>
public static class DryRun
{
    public static DryRunMode Parse(CommandContext context) => context.Args.String("dry-run") switch
    {
        null or "none" => DryRunMode.None,
        "client" => DryRunMode.Client,
        "server" => DryRunMode.Server,
        var other => throw KubectlException.Error($"Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."),
    };

    /// <summary>The write to send, or null when a client dry run sends nothing; a server dry run is judged whole by the API server and stored nowhere.</summary>
    public static WriteContext? Write(DryRunMode mode) => mode switch
    {
        DryRunMode.Client => null,
        DryRunMode.Server => WriteContext.Kubectl with { DryRun = true },
        _ => WriteContext.Kubectl,
    };

    public static string Suffix(DryRunMode mode) => mode switch
    {
        DryRunMode.Client => " (dry run)",
        DryRunMode.Server => " (server dry run)",
        _ => "",
    };
}

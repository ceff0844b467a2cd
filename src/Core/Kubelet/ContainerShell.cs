using Playground.Core.Api.Core;
using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubelet;

/// <summary>
/// A container's /bin/sh reading its commands a line at a time (kubectl exec -i POD -- sh, or sh -c SCRIPT): each line
/// runs one simulated program, echo and exit are built in, and a program the image lacks is "not found" (127), as
/// BusyBox's ash says. It holds no cluster objects, so a session can keep it between lines that arrive apart.
/// </summary>
public sealed class ContainerShell
{
    /// <summary>$?: what the last command exited with, or what exit gave.</summary>
    public int ExitCode { get; private set; }

    public bool Exited { get; private set; }

    /// <summary>True when the command is an sh that reads its commands from standard input.</summary>
    public static bool ReadsStdin(IReadOnlyList<string> command) => IsSh(command) && command.Skip(1).ToList() is [] or ["-s"];

    /// <summary>What sh runs: standard input for sh (or sh -s), the argument of sh -c; null when the command is no such sh.</summary>
    public static string? Script(IReadOnlyList<string> command, string? stdin)
    {
        if (ReadsStdin(command)) return stdin ?? "";
        return IsSh(command) && command.Skip(1).ToList() is ["-c", var script, ..] ? script : null;
    }

    /// <summary>Runs one line of input and returns what it wrote; nothing once the shell has exited.</summary>
    public IReadOnlyList<ExecWrite> Run(string line, ApiServer.ApiServer api, Pod pod, Container container)
    {
        var text = line.Trim();
        if (Exited || text.Length == 0 || text[0] == '#') return [];
        ShellCommand parsed;
        try
        {
            parsed = ShellParser.Parse(text);
        }
        catch (KubectlException e)
        {
            // The terminal's parser words its refusals for the terminal; here the container's sh reports them.
            return Done(2, ExecStream.Stderr, $"sh: {e.Message.Replace("error: ", "").Replace("bash: ", "")}\n");
        }
        var args = parsed.Args;
        switch (parsed.Program)
        {
            case "exit":
                Exited = true;
                if (args.Count == 0) return [];
                return int.TryParse(args[0], out var code) && code >= 0
                    ? Done(code & 255)
                    : Done(2, ExecStream.Stderr, $"sh: exit: Illegal number: {args[0]}\n");
            case "echo":
                var newline = args is not ["-n", ..];
                return Done(0, ExecStream.Stdout, string.Join(' ', newline ? args : args.Skip(1)) + (newline ? "\n" : ""));
        }
        switch (ContainerExec.Program(api, pod, container, [parsed.Program, .. args]))
        {
            case ExecResult.Ran ran:
                ExitCode = ran.ExitCode;
                return ran.Writes;
            case ExecResult.Refused refused:
                return Done(127, ExecStream.Stderr, $"sh: {refused.Message}\n");
            default:
                return Done(127, ExecStream.Stderr, $"sh: {parsed.Program}: not found\n");
        }
    }

    private static bool IsSh(IReadOnlyList<string> command) => command.Count > 0 && command[0].Split('/')[^1] == "sh";

    private IReadOnlyList<ExecWrite> Done(int exitCode, ExecStream stream = ExecStream.Stdout, string text = "")
    {
        ExitCode = exitCode;
        return text.Length == 0 ? [] : [new ExecWrite(stream, text)];
    }
}

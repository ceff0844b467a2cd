using Playground.Core.Kubectl.Commands;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl;

/// <summary>
/// The terminal's kubectl: takes a command line as a person types it (quotes, heredocs, "cat &lt;&lt;EOF | kubectl ...")
/// and runs it against the cluster's API server, printing what kubectl v1.32 would print.
/// </summary>
public sealed class KubectlEngine(ApiServer.ApiServer api)
{
    /// <summary>Exit code a shell gives for a command it cannot find.</summary>
    private const int CommandNotFound = 127;

    /// <param name="stdin">What "-f -" reads when the line itself gives no input (a heredoc or pipe wins), as an API caller sends it.</param>
    /// <param name="context">The kubeconfig context the caller keeps (its namespace is the default of -n); <see cref="KubeconfigContext.Local"/> when null.</param>
    /// <returns>What the command printed, and the context's namespace after it.</returns>
    public KubectlResult Execute(string commandLine, string? stdin = null, KubeconfigContext? context = null)
    {
        context ??= KubeconfigContext.Local;
        var result = Run(commandLine, stdin, context);
        return result.Namespace is null ? result with { Namespace = context.Namespace } : result;
    }

    private KubectlResult Run(string commandLine, string? stdin, KubeconfigContext context)
    {
        ShellCommand shell;
        try
        {
            shell = ShellParser.Parse(commandLine);
        }
        catch (KubectlException e)
        {
            return new KubectlResult(e.ExitCode, e.Message + "\n");
        }
        if (shell.Program is not ("kubectl" or "k"))
            return new KubectlResult(CommandNotFound, $"{shell.Program}: command not found (this terminal runs kubectl, e.g. \"kubectl get pods\")\n");
        try
        {
            return Dispatcher.Run(api, shell.Args, shell.Stdin ?? stdin, context);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InvalidProgramException))
        {
            // A fault in one command must not take the sandbox's loop down; the user sees it as kubectl shows any failure.
            return new KubectlResult(1, $"error: {e.Message}\n");
        }
    }
}

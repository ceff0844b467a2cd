using System.Net.WebSockets;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;
using Playground.Server.Sandboxes;

namespace Playground.Server.KubeApi.Exec;

/// <summary>
/// pods/{name}/exec: runs a command in a container and streams what it writes over a WebSocket (<see cref="ExecProtocol"/>),
/// so real kubectl exec works. Everything the API server checks before the upgrade answers as an ordinary Status; once
/// upgraded, the command runs on the sandbox's loop, and an sh that reads stdin runs each line as it arrives.
/// </summary>
public static class PodExec
{
    public static async Task<IResult> ServeAsync(HttpContext context, ResourcePath path)
    {
        if (path.Type.Plural != "pods" || path.Name is null) return KubeResponse.NotFound().ToResult();
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
            return KubeResponse.Failure(ApiException.MethodNotAllowed()).ToResult();
        var (options, invalid) = ExecOptions.Parse(context.Request.Query);
        if (invalid is not null) return invalid.ToResult();
        var sandbox = KubeApiAccess.Sandbox(context);
        var (target, problem) = await sandbox.RunAsync(cluster => ExecTarget.Resolve(cluster, path, options!.Container));
        if (problem is not null) return problem.ToResult();
        var (protocol, refusal) = ExecUpgrade.Negotiate(context.Request);
        if (refusal is not null) return refusal.ToResult();

        await SessionAsync(context, sandbox, target!, options!, protocol!);
        return Results.Empty;
    }

    /// <summary>Upgrades, runs the command (or an sh over stdin) and ends with its Status; a client that leaves just ends it.</summary>
    private static async Task SessionAsync(HttpContext context, SandboxActor sandbox, ExecTarget target, ExecOptions options, string protocol)
    {
        using var socket = await ExecUpgrade.AcceptAsync(context, protocol);
        var session = new ExecSocket(socket, protocol, options);
        var cancel = context.RequestAborted;
        var receiving = session.ReceiveAsync(cancel);
        try
        {
            await session.OpenAsync(cancel);
            var result = options.Stdin && ContainerShell.ReadsStdin(options.Command)
                ? await ShellAsync(sandbox, target, session, cancel)
                : await sandbox.RunAsync(cluster => target.Run(cluster, options.Command));
            if (result is ExecResult.Ran ran)
                foreach (var write in ran.Writes) await session.WriteAsync(write, cancel);
            await session.FinishAsync(ExecProtocol.Outcome(result, options.Command), receiving, cancel);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // There is nobody left to tell.
            socket.Abort();
        }
        catch (Exception e)
        {
            // The sandbox stopped or failed under the session: the client hears it as upstream's InternalError, then the socket ends.
            await session.FailAsync(e, receiving);
        }
        finally
        {
            await receiving;
        }
    }

    /// <summary>An sh reading the client's stdin: each line runs as it arrives and its output goes straight back; the result carries only the exit.</summary>
    private static async Task<ExecResult> ShellAsync(SandboxActor sandbox, ExecTarget target, ExecSocket session, CancellationToken cancel)
    {
        var shell = new ContainerShell();
        // Refused, or an image without sh (126, as runc answers): the session ends before reading stdin.
        var start = await sandbox.RunAsync(cluster => target.Line(cluster, shell, null));
        if (start is not ExecResult.Ran { ExitCode: 0 }) return start;
        await foreach (var line in session.StdinLines.ReadAllAsync(cancel))
        {
            var step = await sandbox.RunAsync(cluster => target.Line(cluster, shell, line));
            if (step is not ExecResult.Ran ran) return step;
            foreach (var write in ran.Writes) await session.WriteAsync(write, cancel);
            if (shell.Exited) break;
        }
        return new ExecResult.Ran([], shell.ExitCode);
    }
}

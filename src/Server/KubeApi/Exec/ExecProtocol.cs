using System.Text;
using Playground.Core.Api.Meta;
using Playground.Core.Kubelet;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Exec;

/// <summary>
/// The remote command protocol over WebSocket that kubectl 1.30 and later speak first: each binary message starts with
/// its channel's byte (0 stdin, 1 stdout, 2 stderr, 3 error, 4 terminal resize). The error channel carries one Status
/// when the command ends, with the exit code as a cause. v5 adds channel 255, on which a peer closes one of its streams
/// (the next byte names it), so a client can say its stdin has ended; v4 has no such signal.
/// </summary>
public static class ExecProtocol
{
    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    /// <summary>The first of the client's subprotocols that this server speaks, in the client's order; null when none is.</summary>
    public static string? Negotiate(IEnumerable<string> offered) => offered.FirstOrDefault(p => p is V5 or V4);

    public static byte[] Frame(byte channel, ReadOnlySpan<byte> data)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsSpan(1));
        return frame;
    }

    /// <summary>A session the server could not finish: a Failure Status that names what went wrong.</summary>
    public static byte[] InternalError(string message) =>
        Encoding.UTF8.GetBytes(KubeJson.SerializeValue(new Status { Code = 500, Reason = "InternalError", Message = $"an error on the server (\"{message}\") has prevented the request from succeeding" }));

    /// <summary>The error channel's last word: Success, the exit code (what kubectl turns into its own exit code), or why nothing ran.</summary>
    public static byte[] Outcome(ExecResult result, IReadOnlyList<string> command) => Encoding.UTF8.GetBytes(KubeJson.SerializeValue(result switch
    {
        ExecResult.Ran { ExitCode: 0 } => new Status { Outcome = "Success" },
        ExecResult.Ran ran => new Status
        {
            Reason = "NonZeroExitCode",
            Message = $"command terminated with non-zero exit code: error executing command [{string.Join(' ', command)}], exit code {ran.ExitCode}",
            Details = new StatusDetails { Causes = [new StatusCause { Reason = "ExitCode", Message = ran.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }] },
        },
        // kubectl prints the message after "error: ", as the terminal's engine does for the same refusal.
        ExecResult.Refused refused => refused.Reason == ExecRefusal.ContainerNotRunning
            ? new Status { Code = 500, Reason = "InternalError", Message = refused.Message }
            : new Status { Code = 400, Reason = "BadRequest", Message = refused.Message },
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    }));
}

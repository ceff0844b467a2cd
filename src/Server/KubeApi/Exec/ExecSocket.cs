using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Playground.Core.Kubelet;

namespace Playground.Server.KubeApi.Exec;

/// <summary>
/// One exec session's WebSocket, framed by <see cref="ExecProtocol"/>: what the program writes goes out on its channel,
/// what the client sends on stdin comes in as lines, and the session ends with a Status on the error channel and a close.
/// One task sends (the session's) and one receives (<see cref="ReceiveAsync"/>), as a WebSocket allows.
/// </summary>
public sealed class ExecSocket(WebSocket socket, string protocol, ExecOptions options)
{
    /// <summary>A client message or stdin line larger than this ends the session: stdin comes a line at a time, not as files.</summary>
    private const int MaxMessage = 1 << 20;

    /// <summary>Lines waiting for the loop; a client that sends faster than they run waits, so memory stays bounded.</summary>
    private const int WaitingLines = 64;

    /// <summary>How long a client that was told the session ended may take to close its side; client-go closes at once.</summary>
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(30);

    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(WaitingLines)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _partial = new();

    /// <summary>The client's stdin, a line at a time (without the newline); completes when the client closes stdin or leaves.</summary>
    public ChannelReader<string> StdinLines => _lines.Reader;

    /// <summary>Tells the client the streams are ready, with an empty message on the lowest channel it reads.</summary>
    public Task OpenAsync(CancellationToken cancel) =>
        SendAsync(options.Stdout ? ExecProtocol.Stdout : options.Stderr ? ExecProtocol.Stderr : ExecProtocol.Error, [], cancel);

    /// <summary>Sends what a program wrote, if the client attached that stream; a TTY has one stream and CRLF line ends.</summary>
    public Task WriteAsync(ExecWrite write, CancellationToken cancel)
    {
        var channel = options.Tty || write.Stream == ExecStream.Stdout ? ExecProtocol.Stdout : ExecProtocol.Stderr;
        if (!(channel == ExecProtocol.Stdout ? options.Stdout : options.Stderr) || write.Text.Length == 0) return Task.CompletedTask;
        return SendAsync(channel, Encoding.UTF8.GetBytes(options.Tty ? write.Text.Replace("\r\n", "\n").Replace("\n", "\r\n") : write.Text), cancel);
    }

    /// <summary>Sends the Status, closes this side, and waits (a while) for the client to read the rest and close its own.</summary>
    public async Task FinishAsync(byte[] status, Task receiving, CancellationToken cancel)
    {
        await SendAsync(ExecProtocol.Error, status, cancel);
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel);
        try
        {
            await receiving.WaitAsync(CloseWait, cancel);
        }
        catch (TimeoutException)
        {
            socket.Abort();
        }
    }

    /// <summary>Reads the client's messages until it closes or leaves: stdin becomes lines, v5's close of stdin ends them, resizes are ignored.</summary>
    public async Task ReceiveAsync(CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancel);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (message.Length > MaxMessage)
                {
                    socket.Abort();
                    break;
                }
                if (!received.EndOfMessage) continue;
                foreach (var line in Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length))) await _lines.Writer.WriteAsync(line, cancel);
                message.SetLength(0);
                if (_partial.Length > MaxMessage)
                {
                    socket.Abort();
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // A client that leaves without a close ends its stdin all the same.
        }
        EndStdin();
    }

    /// <summary>The stdin lines one message completes; v5's close of stdin ends them.</summary>
    private List<string> Dispatch(ReadOnlySpan<byte> frame)
    {
        var lines = new List<string>();
        if (frame.IsEmpty) return lines;
        if (frame[0] == ExecProtocol.Stdin && options.Stdin) Stdin(frame[1..], lines);
        else if (frame[0] == ExecProtocol.Close && protocol == ExecProtocol.V5 && frame.Length > 1 && frame[1] == ExecProtocol.Stdin) EndStdin();
        return lines;
    }

    private void Stdin(ReadOnlySpan<byte> data, List<string> lines)
    {
        var chars = new char[_decoder.GetCharCount(data, flush: false)];
        _decoder.GetChars(data, chars, flush: false);
        foreach (var c in chars)
        {
            if (c != '\n')
            {
                _partial.Append(c);
                continue;
            }
            lines.Add(_partial.ToString());
            _partial.Clear();
        }
    }

    /// <summary>A last line without its newline still runs, as sh runs it at end of input.</summary>
    private void EndStdin()
    {
        if (_partial.Length > 0) _lines.Writer.TryWrite(_partial.ToString());
        _partial.Clear();
        _lines.Writer.TryComplete();
    }

    /// <summary>Tells the client the session failed on the server's side (upstream's InternalError), if it still listens, and ends the socket.</summary>
    public async Task FailAsync(Exception error, Task receiving)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
                await FinishAsync(ExecProtocol.InternalError(error.Message), receiving, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // It left meanwhile.
        }
        socket.Abort();
    }

    private async Task SendAsync(byte channel, byte[] data, CancellationToken cancel) =>
        await socket.SendAsync(ExecProtocol.Frame(channel, data), WebSocketMessageType.Binary, endOfMessage: true, cancel);
}

using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Playground.Server.Tests;

/// <summary>
/// Just enough of a SignalR client, speaking the JSON hub protocol over a real WebSocket (the .NET client package cannot
/// be restored here): negotiate, handshake, stream invocations, and messages separated by the 0x1E record separator.
/// </summary>
public sealed class JsonHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private Task _receiving = Task.CompletedTask;
    private int _nextInvocation;

    public static async Task<JsonHubClient> ConnectAsync(PlaygroundServer server, string path, string? cookie = null)
    {
        var negotiation = await server.Http.PostAsync($"{path}/negotiate?negotiateVersion=1", null);
        negotiation.EnsureSuccessStatusCode();
        var connectionToken = (await negotiation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

        var client = new JsonHubClient();
        if (cookie is not null) client._socket.Options.SetRequestHeader("Cookie", cookie);
        var uri = new UriBuilder(new Uri(server.BaseAddress, path)) { Scheme = "ws", Query = $"id={Uri.EscapeDataString(connectionToken!)}" }.Uri;
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        client._receiving = client.ReceiveAsync();
        await client.SendAsync(new JsonObject { ["protocol"] = "json", ["version"] = 1 });
        var handshake = await client.NextAsync();
        Assert.False(handshake.TryGetProperty("error", out var error), $"handshake refused: {error}");
        return client;
    }

    /// <summary>Starts a server-to-client stream and returns its invocation id.</summary>
    public async Task<string> StreamAsync(string target, params object?[] arguments)
    {
        var id = (++_nextInvocation).ToString();
        await SendAsync(new JsonObject
        {
            ["type"] = 4,
            ["invocationId"] = id,
            ["target"] = target,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments),
        });
        return id;
    }

    /// <summary>The next message that is not a ping (type 6).</summary>
    public async Task<JsonElement> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(cancel.Token);
            if (!message.TryGetProperty("type", out var type) || type.GetInt32() != 6) return message;
        }
    }

    /// <summary>The next item of a stream; fails when the stream completes or errors instead.</summary>
    public async Task<JsonElement> NextItemAsync(string invocationId)
    {
        var message = await NextAsync();
        Assert.True(message.GetProperty("type").GetInt32() == 2, $"expected a stream item, got {message}");
        Assert.Equal(invocationId, message.GetProperty("invocationId").GetString());
        return message.GetProperty("item");
    }

    private Task SendAsync(JsonObject message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString() + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var decoder = Encoding.UTF8.GetDecoder();
        var pending = new StringBuilder();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) break;
                // The decoder keeps a character split across two frames whole.
                pending.Append(chars, 0, decoder.GetChars(buffer, 0, result.Count, chars, 0));
                var text = pending.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0) continue;
                foreach (var record in text[..end].Split(RecordSeparator))
                    _messages.Writer.TryWrite(JsonDocument.Parse(record).RootElement.Clone());
                pending.Clear().Append(text[(end + 1)..]);
            }
            _messages.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _messages.Writer.TryComplete(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await _receiving;
        _socket.Dispose();
    }
}

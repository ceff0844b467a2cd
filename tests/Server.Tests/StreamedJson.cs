using System.Net.Http.Headers;
using System.Text;

namespace Playground.Server.Tests;

/// <summary>A body sent without Content-Length (chunked), so only the server's running count can stop it.</summary>
public sealed class StreamedJson : HttpContent
{
    private readonly string _text;

    public StreamedJson(string text, string contentType = "application/json")
    {
        _text = text;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(_text)).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Core.Api.Meta;

namespace Playground.Server.Apis;

/// <summary>Reads a JSON request body with a size limit, turning every way it can be wrong into a 4xx Status.</summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="shape">What a valid body looks like, for the error message.</param>
    public static async Task<(T? Value, JsonHttpResult<Status>? Problem)> ReadAsync<T>(
        HttpRequest request, int maxBytes, string shape, CancellationToken cancellationToken) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, StatusResults.Failure(StatusCodes.Status415UnsupportedMediaType, "the request body must be JSON (Content-Type: application/json)"));
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));

        byte[] body;
        try
        {
            body = await ReadUpToAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Past Kestrel's own limit the connection is dropped, and the client may not see this answer.
            return (null, TooLarge(maxBytes));
        }
        if (body.Length > maxBytes)
            return (null, TooLarge(maxBytes));

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null ? (null, Invalid($"the request body must be a JSON object {shape}")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (null, Invalid($"the request body is not valid{where}: expected a JSON object {shape}"));
        }
    }

    /// <summary>
    /// Keeps at most <paramref name="maxBytes"/> + 1 bytes but reads (and drops) the rest of a body sent without a length,
    /// so that the client, still sending, gets the 413 instead of a reset connection.
    /// </summary>
    private static async Task<byte[]> ReadUpToAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (kept.Length <= maxBytes) kept.Write(buffer, 0, (int)Math.Min(read, maxBytes + 1 - kept.Length));
        }
        return kept.ToArray();
    }

    private static JsonHttpResult<Status> Invalid(string message) => StatusResults.Failure(StatusCodes.Status400BadRequest, message);

    private static JsonHttpResult<Status> TooLarge(long maxBytes) =>
        StatusResults.Failure(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the limit of {maxBytes} bytes");
}

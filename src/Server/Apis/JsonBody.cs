using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Core.Api.Meta;

namespace Playground.Server.Apis;

/// <summary>Reads a JSON request body with a size limit, turning every way it can be wrong into a 4xx Status.</summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <param name="shape">What a valid body looks like, for the error message.</param>
    public static async Task<(T? Value, JsonHttpResult<Status>? Problem)> ReadAsync<T>(
        HttpRequest request, long maxBytes, string shape, CancellationToken cancellationToken) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, StatusResults.Failure(StatusCodes.Status415UnsupportedMediaType, "the request body must be JSON (Content-Type: application/json)"));
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, Invalid($"the request body must be a JSON object {shape}")) : (value, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (null, Invalid($"the request body is not valid{where}: expected a JSON object {shape}"));
        }
    }

    private static JsonHttpResult<Status> Invalid(string message) => StatusResults.Failure(StatusCodes.Status400BadRequest, message);

    private static JsonHttpResult<Status> TooLarge(long maxBytes) =>
        StatusResults.Failure(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the limit of {maxBytes} bytes");
}

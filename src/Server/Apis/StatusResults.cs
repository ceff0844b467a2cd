using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Core.Api.Meta;
using Playground.Core.Serialization;

namespace Playground.Server.Apis;

/// <summary>Failures as the Kubernetes API reports them: a meta/v1 Status body whose code matches the HTTP status.</summary>
public static class StatusResults
{
    public static JsonHttpResult<Status> Failure(int code, string message) =>
        TypedResults.Json(Create(code, message), KubeJson.Options, "application/json", code);

    /// <summary>The one answer for an unknown sandbox and for a token that is not its owner's, so neither teaches anything.</summary>
    public static JsonHttpResult<Status> SandboxNotFound(string sandboxId) =>
        Failure(StatusCodes.Status404NotFound, $"sandboxes \"{sandboxId}\" not found");

    /// <summary>A view link's holder asked for something only the owner may do.</summary>
    public static JsonHttpResult<Status> ReadOnly(string sandboxId, string action) =>
        Failure(StatusCodes.Status403Forbidden, $"forbidden: this is a read-only view of sandbox {sandboxId}: {action} is for its owner only");

    public static JsonHttpResult<Status> Unauthorized() =>
        Failure(StatusCodes.Status401Unauthorized, "Unauthorized: send the sandbox's token as \"Authorization: Bearer <token>\"");

    public static Task Write(HttpContext context, int code, string message) => Failure(code, message).ExecuteAsync(context);

    private static Status Create(int code, string message) => new()
    {
        Code = code,
        Message = message,
        Reason = code switch
        {
            400 => "BadRequest",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "NotFound",
            405 => "MethodNotAllowed",
            409 => "Conflict",
            413 => "RequestEntityTooLarge",
            415 => "UnsupportedMediaType",
            429 => "TooManyRequests",
            503 => "ServiceUnavailable",
            >= 500 => "InternalError",
            _ => "BadRequest",
        },
    };
}

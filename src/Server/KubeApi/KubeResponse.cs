using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi;

/// <summary>An answer worked out on the sandbox's loop: the status code and the JSON body, serialized there, where the objects belong.</summary>
public sealed record KubeResponse(int Code, byte[] Body)
{
    public static KubeResponse Of(int code, KubeObject obj) => new(code, KubeJson.SerializeToUtf8(obj));

    public static KubeResponse Of(int code, JsonNode node) => new(code, System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()));

    public static KubeResponse Failure(ApiException e) => new(e.Code, Utf8(e.Status));

    public static KubeResponse Failure(int code, string reason, string message) =>
        new(code, Utf8(new Status { Code = code, Reason = reason, Message = message }));

    public static KubeResponse NotFound() => Failure(404, "NotFound", "the server could not find the requested resource");

    public IResult ToResult() => new BytesResult(this);

    private sealed class BytesResult(KubeResponse response) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = response.Code;
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(response.Body).AsTask();
        }
    }

    private static byte[] Utf8(Status status) => System.Text.Encoding.UTF8.GetBytes(KubeJson.SerializeValue(status));
}

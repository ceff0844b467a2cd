using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Patching;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Patching;

/// <summary>A PATCH body as sent, with its media type, read before the call goes to the loop.</summary>
public sealed record PatchRequest(string MediaType, byte[] Body)
{
    public const string Json = "application/json-patch+json";
    public const string Merge = "application/merge-patch+json";
    public const string Strategic = "application/strategic-merge-patch+json";
    public const string Apply = "application/apply-patch+yaml";

    private static readonly string[] MediaTypes = [Json, Merge, Apply, Strategic];

    /// <summary>Patch bodies are JSON or YAML text, never protobuf, so they are read apart from other bodies.</summary>
    public static async Task<(PatchRequest? Patch, KubeResponse? Problem)> ReadAsync(HttpRequest request)
    {
        var media = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!MediaTypes.Contains(media))
            return (null, KubeResponse.Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", MediaTypes)}"));
        var (body, problem) = await RequestBody.ReadAsync(request);
        if (body is null) return (null, problem);
        return (new PatchRequest(media, body), null);
    }

    /// <summary>Applies the patch to an object's JSON; a patch that does not apply is a 4xx Status and nothing else happens.</summary>
    public JsonObject ApplyTo(JsonObject live)
    {
        var patch = Parse();
        try
        {
            return MediaType switch
            {
                Json => JsonPatch.Apply(live, patch as JsonArray ?? throw ApiException.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")) as JsonObject
                    ?? throw ApiException.BadRequest("the patch replaced the object with something that is not an object"),
                Merge => MergePatch.Apply(live, patch) as JsonObject ?? throw ApiException.BadRequest("a merge patch must be a JSON object"),
                _ => StrategicMergePatch.Apply(live, patch as JsonObject ?? throw ApiException.BadRequest("a strategic merge patch must be a JSON object")),
            };
        }
        catch (PatchException e) when (MediaType == Json)
        {
            // kube-apiserver answers a JSON patch that does not apply with this generic 422; the cause adds the library's words, which upstream drops.
            throw new ApiException(new Playground.Core.Api.Meta.Status
            {
                Code = 422,
                Reason = "Invalid",
                Message = "the server rejected our request due to an error in our request",
                Details = new Playground.Core.Api.Meta.StatusDetails { Causes = [new Playground.Core.Api.Meta.StatusCause { Reason = "FieldValueInvalid", Message = e.Message, Field = "patch" }] },
            });
        }
        catch (PatchException e)
        {
            throw ApiException.BadRequest(e.Message);
        }
    }

    /// <summary>The body as JSON (YAML too for server-side apply); malformed text is a 400 naming the problem.</summary>
    public JsonNode Parse()
    {
        if (Body.Length == 0) throw ApiException.BadRequest("the PATCH request has no body: send the patch");
        if (MediaType == Apply)
        {
            try
            {
                var manifests = ManifestReader.Read(System.Text.Encoding.UTF8.GetString(Body));
                return manifests.Count == 1 ? manifests[0].Node : throw ApiException.BadRequest("an apply patch must hold exactly one object");
            }
            catch (ManifestException e)
            {
                throw ApiException.BadRequest($"error decoding YAML: {e.Message}");
            }
        }
        try
        {
            return JsonNode.Parse(Body) ?? throw ApiException.BadRequest("the patch is null");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"error decoding patch: {e.Message}");
        }
    }
}

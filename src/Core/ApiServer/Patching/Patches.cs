using System.Text.Json.Nodes;

namespace Playground.Core.ApiServer.Patching;

/// <summary>The patch types kubectl names on its command line (strategic, merge, json) applied to an object's JSON, as the API server applies them.</summary>
public static class Patches
{
    public static JsonObject Apply(JsonObject live, string type, JsonNode patch) => type switch
    {
        "strategic" => StrategicMergePatch.Apply(live, patch as JsonObject ?? throw new PatchException("strategic merge patch must be a JSON object")),
        "merge" => MergePatch.Apply(live, patch) as JsonObject ?? throw new PatchException("merge patch must be a JSON object"),
        "json" => JsonPatch.Apply(live, patch as JsonArray ?? throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch")) as JsonObject
            ?? throw new PatchException("json patch must leave an object"),
        _ => throw new PatchException($"--type must be one of [json merge strategic], not \"{type}\""),
    };
}

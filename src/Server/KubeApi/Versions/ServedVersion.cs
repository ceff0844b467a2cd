using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Versions;

/// <summary>
/// Answers in the version a request was made at. The handlers read and write stored objects (request bodies of another
/// version are converted when decoded); an answer on another served version, such as autoscaling/v1, has its objects
/// converted here, as kube-apiserver encodes to the request's version. The conversion itself is the kind's, in Core.
/// </summary>
public static class ServedVersion
{
    /// <summary>The answer with its object, list items or table row objects in <paramref name="type"/>'s version; errors and other versions' answers pass as they are.</summary>
    public static KubeResponse Convert(ResourceType type, KubeResponse response)
    {
        if (type.Conversion is null || response.Code >= 300 || JsonNode.Parse(response.Body) is not JsonObject body) return response;
        switch (KubeJson.Text(body["kind"]))
        {
            case var kind when kind == type.Kind:
                return KubeResponse.Of(response.Code, type.Served(Stored(type, body)));
            case var kind when kind == $"{type.Kind}List" && body["items"] is JsonArray items:
                body["apiVersion"] = type.ApiVersion;
                for (var i = 0; i < items.Count; i++)
                    if (items[i] is JsonObject item) items[i] = Object(type, item);
                return KubeResponse.Of(response.Code, body);
            case "Table" when body["rows"] is JsonArray rows:
                foreach (var row in rows.OfType<JsonObject>())
                    if (row["object"] is JsonObject obj && KubeJson.Text(obj["kind"]) == type.Kind) row["object"] = Object(type, obj);
                return KubeResponse.Of(response.Code, body);
            default:
                return response;
        }
    }

    /// <summary>One stored object's JSON as the served version's JSON.</summary>
    private static JsonObject Object(ResourceType type, JsonObject stored) => type.ToNode(Stored(type, stored));

    private static KubeObject Stored(ResourceType type, JsonObject json) => (KubeObject)json.Deserialize(type.StoredClrType, KubeJson.Options)!;

}

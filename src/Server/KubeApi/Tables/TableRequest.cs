using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi.Tables;

/// <summary>Which rows' objects a Table carries (?includeObject=), as upstream's metav1.IncludeObjectPolicy.</summary>
public enum IncludeObject { None, Metadata, Object }

/// <summary>
/// A client asking for server-side printing: its Accept header prefers application/json;as=Table;g=meta.k8s.io
/// (v1, or v1beta1 for old clients) over plain JSON, as kubectl get's does.
/// </summary>
public sealed record TableRequest(string ApiVersion, IncludeObject Include)
{
    /// <summary>Null when the first JSON media type the client accepts is not a Table.</summary>
    /// <exception cref="ApiException">400 for an includeObject that is not None, Metadata or Object.</exception>
    public static TableRequest? Parse(string? accept, IQueryCollection query)
    {
        foreach (var mediaType in (accept ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = mediaType.Split(';', StringSplitOptions.TrimEntries);
            // Other formats (protobuf) are someone else's to answer; only the first JSON choice decides here.
            if (parts[0] is not ("application/json" or "application/*" or "*/*")) continue;
            var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            if (parameters.GetValueOrDefault("as") != "Table") return null;
            var version = parameters.GetValueOrDefault("v");
            if (parameters.GetValueOrDefault("g") != "meta.k8s.io" || version is not ("v1" or "v1beta1")) continue;
            return new TableRequest($"meta.k8s.io/{version}", IncludeOf(query["includeObject"].ToString()));
        }
        return null;
    }

    private static IncludeObject IncludeOf(string text) => text switch
    {
        "" or "Metadata" => IncludeObject.Metadata,
        "Object" => IncludeObject.Object,
        "None" => IncludeObject.None,
        _ => throw ApiException.BadRequest($"includeObject: Unsupported value: \"{text}\": supported values: \"None\", \"Metadata\", \"Object\""),
    };
}

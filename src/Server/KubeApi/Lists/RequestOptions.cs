using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi.Lists;

/// <summary>Query options that do not validate (ListOptions, CreateOptions, UpdateOptions, PatchOptions), refused as upstream's handlers refuse them.</summary>
public static class RequestOptions
{
    /// <summary>The options kind upstream validates for a write verb: CreateOptions for POST, and so on; null for reads.</summary>
    public static string? WriteKind(string method) => method switch
    {
        "POST" => "CreateOptions",
        "PUT" => "UpdateOptions",
        "PATCH" => "PatchOptions",
        "DELETE" => "DeleteOptions",
        _ => null,
    };

    /// <summary>A 422 such as: ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: ...</summary>
    public static ApiException Invalid(string kind, IReadOnlyList<FieldError> errors)
    {
        var joined = errors.Count == 1 ? errors[0].ToString() : $"[{string.Join(", ", errors)}]";
        return new ApiException(new Status
        {
            Code = 422,
            Reason = "Invalid",
            Message = $"{kind}.meta.k8s.io \"\" is invalid: {joined}",
            // A cause's message is the error without its field, as upstream's ErrorBody words it.
            Details = new StatusDetails { Group = "meta.k8s.io", Kind = kind, Causes = [.. errors.Select(e => new StatusCause { Reason = e.Reason, Message = e.ToString()[(e.Field.Length + 2)..], Field = e.Field })] },
        });
    }
}

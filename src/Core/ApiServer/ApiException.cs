using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer;

/// <summary>A refused request, carrying the Kubernetes Status that the API returns for it.</summary>
public sealed class ApiException(Status status) : Exception(status.Message)
{
    public Status Status { get; } = status;
    public int Code => Status.Code;
    public string Reason => Status.Reason;

    /// <summary>A verb the resource does not serve, in upstream's words.</summary>
    public static ApiException MethodNotAllowed() =>
        new(new Status { Code = 405, Reason = "MethodNotAllowed", Message = "the server does not allow this method on the requested resource" });

    public static ApiException NotFound(ResourceType type, string name) =>
        New(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", type, name);

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        New(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", type, name);

    public static ApiException Conflict(ResourceType type, string name) =>
        New(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", type, name);

    public static ApiException BadRequest(string message) => New(400, "BadRequest", message);

    public static ApiException Gone(string message) => New(410, "Expired", message);

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var list = errors.Select(e => e.ToString()).ToList();
        var joined = list.Count == 1 ? list[0] : $"[{string.Join(", ", list)}]";
        var status = MakeStatus(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {joined}");
        status.Details = new StatusDetails
        {
            Name = name,
            Group = type.Group,
            Kind = type.Kind,
            Causes = errors.Select(e => new StatusCause { Reason = e.Reason, Message = e.Detail, Field = e.Field }).ToList(),
        };
        return new ApiException(status);
    }

    public static ApiException Forbidden(string message) => New(403, "Forbidden", message);

    private static ApiException New(int code, string reason, string message, ResourceType? type = null, string? name = null)
    {
        var status = MakeStatus(code, reason, message);
        if (type is not null) status.Details = new StatusDetails { Name = name, Group = type.Group, Kind = type.Plural };
        return new ApiException(status);
    }

    private static Status MakeStatus(int code, string reason, string message) =>
        new() { Code = code, Reason = reason, Message = message };
}

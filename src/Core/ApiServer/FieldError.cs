namespace Playground.Core.ApiServer;

/// <summary>One validation failure at a field path, worded as upstream's field.Error prints it.</summary>
public sealed record FieldError(string Field, string Reason, string Detail, string? Value = null)
{
    public static FieldError Required(string field, string detail = "") => new(field, "FieldValueRequired", detail);
    public static FieldError Invalid(string field, string value, string detail) => new(field, "FieldValueInvalid", detail, value);
    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", detail);
    public static FieldError Duplicate(string field, string value) => new(field, "FieldValueDuplicate", "", value);
    public static FieldError TooLong(string field, int limit, string unit = "bytes") => new(field, "FieldValueTooLong", $"must have at most {limit} {unit}");
    public static FieldError NotSupported(string field, string value, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported", "supported values: " + string.Join(", ", supported.Select(s => $"\"{s}\"")), value);

    public override string ToString() => Reason switch
    {
        "FieldValueRequired" => Detail.Length == 0 ? $"{Field}: Required value" : $"{Field}: Required value: {Detail}",
        "FieldValueInvalid" => $"{Field}: Invalid value: {Value}: {Detail}",
        "FieldValueForbidden" => $"{Field}: Forbidden: {Detail}",
        "FieldValueDuplicate" => $"{Field}: Duplicate value: {Value}",
        "FieldValueTooLong" => $"{Field}: Too long: {Detail}",
        "FieldValueNotSupported" => $"{Field}: Unsupported value: {Value}: {Detail}",
        _ => $"{Field}: {Detail}",
    };
}

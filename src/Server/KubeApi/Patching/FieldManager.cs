using System.Globalization;
using System.Text;
using Playground.Core.ApiServer;
using Playground.Server.KubeApi.Lists;

namespace Playground.Server.KubeApi.Patching;

/// <summary>
/// Who a write's fields are credited to: ?fieldManager= (kubectl sends "kubectl-create", "kubectl-edit", ...), else
/// the client's program name, the User-Agent up to its first '/', as upstream's handlers derive it.
/// </summary>
public static class FieldManager
{
    /// <summary>Upstream's FieldManagerMaxLength, in bytes.</summary>
    private const int MaxLength = 128;

    public static string Of(ResourceHandlers.Call call) => Requested(call) ?? FromUserAgent(call.UserAgent);

    /// <summary>?fieldManager= when given; one too long or with unprintable characters is refused as upstream's options validation refuses it.</summary>
    /// <exception cref="ApiException">422 naming the write's options kind (CreateOptions, UpdateOptions, PatchOptions).</exception>
    public static string? Requested(ResourceHandlers.Call call)
    {
        var manager = call.Query["fieldManager"].ToString();
        if (manager.Length == 0) return null;
        var errors = new List<FieldError>();
        if (Encoding.UTF8.GetByteCount(manager) > MaxLength)
            errors.Add(new FieldError("fieldManager", "FieldValueTooLong", $"may not be more than {MaxLength} bytes"));
        var position = 0;
        foreach (var rune in manager.EnumerateRunes())
        {
            if (!IsPrintable(rune))
                errors.Add(FieldError.Invalid("fieldManager", Quote(manager), $"invalid character U+{rune.Value:X4} (at position {position})"));
            position += rune.Utf8SequenceLength;
        }
        if (errors.Count > 0) throw OptionsInvalid(call.Method, errors);
        return manager;
    }

    /// <summary>The 422 for a write's options, named as upstream names them for the verb.</summary>
    public static ApiException OptionsInvalid(string method, IReadOnlyList<FieldError> errors) =>
        RequestOptions.Invalid(RequestOptions.WriteKind(method) ?? "PatchOptions", errors);

    /// <summary>The User-Agent before its first '/', without unprintable characters, cut to the length a manager may have.</summary>
    private static string FromUserAgent(string userAgent)
    {
        var name = new StringBuilder();
        var bytes = 0;
        foreach (var rune in userAgent.Split('/')[0].EnumerateRunes())
        {
            if (!IsPrintable(rune)) continue;
            if (bytes + rune.Utf8SequenceLength > MaxLength) break;
            bytes += rune.Utf8SequenceLength;
            name.Append(rune.ToString());
        }
        return name.ToString();
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}

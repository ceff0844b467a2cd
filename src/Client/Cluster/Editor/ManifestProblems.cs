using System.Text.RegularExpressions;

namespace Playground.Client.Cluster.Editor;

/// <summary>One thing wrong with a manifest: where it is (when the message names a line or a field) and what kubectl said.</summary>
public sealed record ManifestProblem(int? Line, string? Field, string Message);

/// <summary>Reads what "kubectl apply" printed back into problems at lines of the manifest it was given.</summary>
public static partial class ManifestProblems
{
    /// <summary>The errors in <paramref name="output"/> (stdout lines such as "… created" are not problems), each placed in <paramref name="yaml"/>.</summary>
    public static IReadOnlyList<ManifestProblem> Read(string output, string yaml)
    {
        var problems = new List<ManifestProblem>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ErrorLine().IsMatch(line)) continue;
            if (YamlLine().Match(line) is { Success: true } syntax)
                problems.Add(new(int.Parse(syntax.Groups["line"].Value), null, syntax.Groups["message"].Value));
            else if (Invalid().Match(line) is { Success: true } invalid)
                problems.AddRange(FieldErrors(invalid.Groups["errors"].Value, yaml, invalid.Groups["kind"].Value, invalid.Groups["name"].Value));
            else if (DecodeError().Match(line) is { Success: true } decode)
                problems.Add(At(yaml, decode.Groups["field"].Value, $"{decode.Groups["field"].Value}: {decode.Groups["message"].Value}"));
            else if (UnknownKind().Match(line) is { Success: true } kind)
                problems.Add(At(yaml, "kind", $"no matches for kind \"{kind.Groups["kind"].Value}\" in version \"{kind.Groups["version"].Value}\"", kind.Groups["kind"].Value));
            else if (NotSet().Match(line) is { Success: true } notSet)
                problems.AddRange(notSet.Groups["field"].Captures.Select(c => At(yaml, c.Value, $"{c.Value} not set")));
            else
                problems.Add(new(null, null, line));
        }
        return problems;
    }

    private static ManifestProblem At(string yaml, string field, string message, string? kind = null, string? name = null) =>
        new(YamlLines.Find(yaml, field, kind, name), field, message);

    /// <summary>"a: Invalid value: …" or "[a: Invalid value: …, b: Required value]": each error runs up to where the next field's error starts.</summary>
    private static IEnumerable<ManifestProblem> FieldErrors(string errors, string yaml, string kind, string name)
    {
        var starts = FieldStart().Matches(errors).ToList();
        if (starts.Count == 0)
        {
            yield return new(YamlLines.Find(yaml, "metadata.name", kind, name), null, errors);
            yield break;
        }
        for (var i = 0; i < starts.Count; i++)
        {
            var field = starts[i].Groups["field"];
            var end = i + 1 < starts.Count ? starts[i + 1].Index : errors.Length;
            var message = errors[field.Index..end].TrimEnd().TrimEnd(']', ',').TrimEnd();
            yield return new(YamlLines.Find(yaml, field.Value, kind, name), field.Value, message);
        }
    }

    [GeneratedRegex(@"^(error|Error from server)")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"(?:yaml: )?line (?<line>\d+): (?<message>.+)$")]
    private static partial Regex YamlLine();

    // The kind is qualified with its group ("Deployment.apps") as the API server words it.
    [GeneratedRegex(@"(?<kind>[A-Za-z0-9]+)(?:\.[\w.-]+)? ""(?<name>[^""]*)"" is invalid: (?<errors>.+)$")]
    private static partial Regex Invalid();

    [GeneratedRegex(@"(?:^|\[|, )(?<field>[a-zA-Z][\w-]*(?:\[[^\]]*\])*(?:\.[a-zA-Z][\w-]*(?:\[[^\]]*\])*)*): (?:Invalid value|Required value|Unsupported value|Duplicate value|Forbidden|Too long|Too many|Not found|Internal error)")]
    private static partial Regex FieldStart();

    [GeneratedRegex(@"Go struct field (?<field>[\w.\[\]-]+): (?<message>.+)$")]
    private static partial Regex DecodeError();

    [GeneratedRegex(@"no matches for kind ""(?<kind>[^""]*)"" in version ""(?<version>[^""]*)""")]
    private static partial Regex UnknownKind();

    [GeneratedRegex(@"error validating data: \[(?:(?<field>apiVersion|kind) not set(?:, )?)+\]")]
    private static partial Regex NotSet();
}

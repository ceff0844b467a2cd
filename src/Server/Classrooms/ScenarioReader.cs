using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Kubectl;
using Playground.Core.Serialization;
using YamlDotNet.RepresentationModel;
using Printers = Playground.Core.Kubectl.Printers;

namespace Playground.Server.Classrooms;

/// <summary>
/// Reads a scenario from YAML (the format is in the README, "Classrooms and scenarios"), checking every field, so
/// that a bad upload is refused with each problem's line and field, and a good one can only fail for reasons the
/// cluster itself gives (which <see cref="ScenarioTrial"/> finds by trying it).
/// </summary>
public static class ScenarioReader
{
    /// <summary>A scenario's YAML may be this long at most; the objects of a lesson fit easily.</summary>
    public const int MaxBytes = 128 * 1024;

    public const int MaxObjects = 100;
    public const int MaxTasks = 20;
    public const int MaxChecks = 10;
    public const int MaxNodes = 10;
    private const int MaxTitle = 120;
    private const int MaxText = 4000;
    private const int MaxErrors = 20;

    private static readonly ResourceRegistry Resources = new();

    /// <summary>The scenario, or <see cref="ScenarioException"/> listing what is wrong with it.</summary>
    public static Scenario Read(string yaml)
    {
        if (Encoding.UTF8.GetByteCount(yaml) > MaxBytes) throw new ScenarioException($"the scenario is larger than the limit of {MaxBytes} bytes");
        IReadOnlyList<Manifest> documents;
        try
        {
            documents = ManifestReader.Read(yaml);
        }
        catch (ManifestException e)
        {
            throw new ScenarioException(e.Message);
        }
        if (documents.Count != 1)
            throw new ScenarioException(documents.Count == 0 ? "the scenario is empty: expected a YAML mapping with title, description, cluster, objects and tasks" : "a scenario is one YAML document, found several (separated by ---)");

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var reading = new Reading();
        var scenario = reading.Scenario(new At(documents[0].Node, stream.Documents.Select(d => d.RootNode).First(n => n is YamlMappingNode), ""));
        if (reading.Errors.Count > 0) throw new ScenarioException(string.Join("\n", reading.Errors.Take(MaxErrors)) + (reading.Errors.Count > MaxErrors ? $"\n… and {reading.Errors.Count - MaxErrors} more" : ""));
        return scenario!;
    }

    /// <summary>A place in the scenario: its JSON value, the YAML node it came from (for the line) and its field path.</summary>
    private readonly record struct At(JsonNode? Json, YamlNode? Yaml, string Path)
    {
        public At Field(string name) => new(
            Json is JsonObject o ? o[name] : null,
            Yaml is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(name), out var child) ? child : null,
            Path.Length == 0 ? name : $"{Path}.{name}");

        public At Item(int index) => new(
            Json is JsonArray a ? a[index] : null,
            Yaml is YamlSequenceNode s && index < s.Children.Count ? s.Children[index] : null,
            $"{Path}[{index}]");

        public string Where => Yaml is null ? Path : $"line {Yaml.Start.Line}: {Path}";
    }

    private sealed class Reading
    {
        public List<string> Errors { get; } = [];

        private void Error(At at, string problem) => Errors.Add($"{at.Where}: {problem}");

        public Scenario? Scenario(At root)
        {
            if (root.Json is not JsonObject)
            {
                Errors.Add("the scenario must be a YAML mapping with title, description, cluster, objects and tasks");
                return null;
            }
            Known(root, "title", "description", "cluster", "objects", "tasks");
            var title = Text(root.Field("title"), MaxTitle, required: true);
            var description = Text(root.Field("description"), MaxText, required: false) ?? "";
            var cluster = Cluster(root.Field("cluster"));
            var objects = List(root.Field("objects"), MaxObjects, Object);
            var tasks = List(root.Field("tasks"), MaxTasks, Task);
            return Errors.Count > 0 ? null : new Scenario(title!, description, cluster, objects!, tasks!);
        }

        private ScenarioCluster Cluster(At at)
        {
            if (at.Json is null) return new ScenarioCluster();
            if (!IsMapping(at)) return new ScenarioCluster();
            Known(at, "nodes", "nodeCpu", "nodeMemory", "maxPods");
            return new ScenarioCluster(
                Whole(at.Field("nodes"), 1, MaxNodes),
                QuantityText(at.Field("nodeCpu")),
                QuantityText(at.Field("nodeMemory")),
                Whole(at.Field("maxPods"), 1, 250));
        }

        private Manifest? Object(At at)
        {
            if (!IsMapping(at)) return null;
            var node = (JsonObject)at.Json!;
            try
            {
                var decoded = Resources.Decode(node);
                if (string.IsNullOrEmpty(decoded.Metadata.Name)) Error(at.Field("metadata").Field("name"), "is required");
            }
            catch (ApiException e)
            {
                Error(at, e.Message);
            }
            return new Manifest(node, (int)(at.Yaml?.Start.Line ?? 0));
        }

        private ScenarioTask? Task(At at)
        {
            if (!IsMapping(at)) return null;
            Known(at, "title", "hint", "checks");
            var title = Text(at.Field("title"), MaxTitle, required: true);
            var hint = Text(at.Field("hint"), MaxText, required: false);
            var checks = List(at.Field("checks"), MaxChecks, Check);
            if (checks is { Count: 0 }) Error(at.Field("checks"), "a task needs at least one check");
            return title is null || checks is null ? null : new ScenarioTask(title, hint, checks);
        }

        private ScenarioCheck? Check(At at)
        {
            if (!IsMapping(at)) return null;
            Known(at, "kind", "namespace", "name", "selector", "jsonpath", "exists", "equals", "atLeast", "atMost", "count");
            var errors = Errors.Count;
            var kindText = Text(at.Field("kind"), 100, required: true);
            var resource = kindText is null ? null : Resources.Resolve(kindText);
            if (kindText is not null && resource is null)
                Error(at.Field("kind"), $"the server doesn't have a resource type \"{kindText}\"");

            var ns = Text(at.Field("namespace"), 63, required: false) ?? "default";
            if (Names.Label(ns) is { } badNamespace) Error(at.Field("namespace"), badNamespace);
            var name = Text(at.Field("name"), 253, required: false);
            var selector = Text(at.Field("selector"), 1000, required: false);
            if (name is not null && selector is not null) Error(at.Field("selector"), "give name (one object) or selector (a list), not both");
            if (selector is not null)
            {
                try
                {
                    LabelSelectors.Parse(selector);
                }
                catch (FormatException e)
                {
                    Error(at.Field("selector"), e.Message);
                }
            }

            var jsonPath = Text(at.Field("jsonpath"), 1000, required: false);
            if (jsonPath is not null)
            {
                try
                {
                    Printers.JsonPath.Find(ScenarioCheck.PathOf(jsonPath), new JsonObject());
                }
                catch (KubectlException e)
                {
                    Error(at.Field("jsonpath"), e.Message.StartsWith("error: ", StringComparison.Ordinal) ? e.Message[7..] : e.Message);
                }
            }

            var expect = Expectation(at, named: name is not null, jsonPath is not null);
            return Errors.Count > errors || resource is null || expect is null
                ? null
                : new ScenarioCheck(resource, ns, name, selector, jsonPath, expect);
        }

        private CheckExpectation? Expectation(At at, bool named, bool hasPath)
        {
            string[] kinds = ["exists", "equals", "atLeast", "atMost", "count"];
            var given = kinds.Where(k => HasKey(at, k)).ToList();
            var allowed = hasPath ? "exists, equals, atLeast and/or atMost, or count" : named ? "exists (or give a jsonpath)" : "exists or count (or give a jsonpath)";
            if (given.Count == 0 || (given.Count == 2 && !(given.Contains("atLeast") && given.Contains("atMost"))) || given.Count > 2)
            {
                Error(at, $"give exactly one expectation: {allowed}");
                return null;
            }
            if (!hasPath && given.Any(g => g is "equals" or "atLeast" or "atMost" || (named && g == "count")))
            {
                Error(at.Field(given[0]), $"needs a jsonpath to read the value from; without one, use {allowed}");
                return null;
            }
            switch (given[0])
            {
                case "exists":
                    var exists = at.Field("exists");
                    if (exists.Json?.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return new CheckExpectation.Exists(exists.Json.GetValue<bool>());
                    Error(exists, $"must be true or false, got {Show(exists.Json)}");
                    return null;
                case "equals":
                    var equals = at.Field("equals");
                    if (equals.Json is JsonValue value) return new CheckExpectation.EqualTo(Printers.JsonPath.Format(value));
                    Error(equals, $"must be a string, number or boolean, got {Show(equals.Json)}");
                    return null;
                case "count":
                    return Count(at.Field("count"));
                default:
                    var errors = Errors.Count;
                    var min = Number(at.Field("atLeast"));
                    var max = Number(at.Field("atMost"));
                    return Errors.Count > errors ? null : new CheckExpectation.Between(min, max);
            }
        }

        private CheckExpectation.Count? Count(At at)
        {
            if (at.Json is JsonValue)
                return Whole(at, 0, int.MaxValue) is { } exact ? new CheckExpectation.Count(exact, exact) : null;
            if (at.Json is JsonObject)
            {
                Known(at, "atLeast", "atMost");
                var min = Whole(at.Field("atLeast"), 0, int.MaxValue);
                var max = Whole(at.Field("atMost"), 0, int.MaxValue);
                if (min is null && max is null) Error(at, "give atLeast, atMost or both");
                return min is null && max is null ? null : new CheckExpectation.Count(min, max);
            }
            Error(at, $"must be a whole number or {{atLeast: n, atMost: m}}, got {Show(at.Json)}");
            return null;
        }

        private List<T>? List<T>(At at, int max, Func<At, T?> item) where T : class
        {
            if (at.Json is null) return [];
            if (at.Json is not JsonArray array) return Fail<List<T>>(at, $"must be a list, got {Show(at.Json)}");
            if (array.Count > max) return Fail<List<T>>(at, $"has {array.Count} items, at most {max} are allowed");
            var items = new List<T>();
            for (var i = 0; i < array.Count; i++)
                if (item(at.Item(i)) is { } value) items.Add(value);
            return items.Count == array.Count ? items : null;
        }

        private string? Text(At at, int max, bool required)
        {
            if (at.Json is null)
            {
                if (required) Error(at, "is required");
                return null;
            }
            if (at.Json.GetValueKind() != JsonValueKind.String) return Fail<string>(at, $"must be a string, got {Show(at.Json)}");
            var text = at.Json.GetValue<string>().Trim();
            if (text.Length == 0 && required) return Fail<string>(at, "must not be empty");
            if (text.Length > max) return Fail<string>(at, $"is {text.Length} characters long, at most {max} are allowed");
            return text.Length == 0 ? null : text;
        }

        private int? Whole(At at, int min, int max)
        {
            if (at.Json is null) return null;
            if (at.Json.GetValueKind() == JsonValueKind.Number && at.Json.AsValue().TryGetValue<long>(out var n) && n >= min && n <= max) return (int)n;
            var range = max == int.MaxValue ? $"of at least {min}" : $"from {min} to {max}";
            Error(at, $"must be a whole number {range}, got {Show(at.Json)}");
            return null;
        }

        private decimal? Number(At at)
        {
            if (at.Json is null && at.Yaml is null) return null;
            if (at.Json?.GetValueKind() == JsonValueKind.Number) return decimal.Parse(at.Json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            Error(at, $"must be a number, got {Show(at.Json)}");
            return null;
        }

        private string? QuantityText(At at)
        {
            if (at.Json is null) return null;
            var text = Printers.JsonPath.Format(at.Json);
            if (at.Json is JsonValue && Quantity.TryParse(text, out var value) && value > 0) return text;
            Error(at, $"must be a positive quantity such as \"2\", \"500m\" or \"4Gi\", got {Show(at.Json)}");
            return null;
        }

        private bool IsMapping(At at)
        {
            if (at.Json is JsonObject) return true;
            Error(at, $"must be a mapping (key: value), got {Show(at.Json)}");
            return false;
        }

        /// <summary>Refuses keys the format does not have, so that a typo ("check:" for "checks:") is not silently ignored.</summary>
        private void Known(At at, params string[] keys)
        {
            foreach (var (key, _) in (JsonObject)at.Json!)
                if (!keys.Contains(key)) Error(at.Field(key), $"unknown field \"{key}\", expected one of {string.Join(", ", keys)}");
        }

        private static bool HasKey(At at, string key) => at.Json is JsonObject o && o.ContainsKey(key);

        private T? Fail<T>(At at, string problem) where T : class
        {
            Error(at, problem);
            return null;
        }

        private static string Show(JsonNode? node) => node switch
        {
            null => "nothing",
            JsonObject => "a mapping",
            JsonArray => "a list",
            _ when node.GetValueKind() == JsonValueKind.String => $"\"{node.GetValue<string>()}\"",
            _ => node.ToJsonString(),
        };
    }
}

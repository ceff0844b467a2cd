using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Playground.Client.Cluster.Editor;

/// <summary>
/// Finds the line of a field path, as the API server names fields in its errors ("spec.replicas",
/// "spec.template.spec.containers[0].image", "data[key]"), in the YAML text a person wrote.
/// </summary>
public static partial class YamlLines
{
    /// <summary>
    /// The 1-based line of the deepest part of <paramref name="fieldPath"/> the text has (a missing field points at its
    /// parent), in the document of that kind and name when there are several; null when the text is not YAML.
    /// </summary>
    public static int? Find(string yaml, string fieldPath, string? kind = null, string? name = null)
    {
        var documents = Load(yaml);
        if (documents is null || documents.Count == 0) return null;
        var root = documents.FirstOrDefault(d => Matches(d, kind, name)) ?? documents[0];
        var line = (int)root.Start.Line;
        YamlNode node = root;
        foreach (var segment in Segments(fieldPath))
        {
            YamlNode? next = null;
            if (node is YamlMappingNode map)
            {
                var key = map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == segment);
                if (key is not null)
                {
                    next = map.Children[key];
                    line = (int)key.Start.Line;
                }
            }
            else if (node is YamlSequenceNode list && int.TryParse(segment, out var index) && index >= 0 && index < list.Children.Count)
            {
                next = list.Children[index];
                line = (int)next.Start.Line;
            }
            if (next is null) break;
            node = next;
        }
        return line;
    }

    /// <summary>"a.b[0].c[some key]" → a, b, 0, c, some key.</summary>
    public static IEnumerable<string> Segments(string fieldPath) =>
        SegmentPattern().Matches(fieldPath).Select(m => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["index"].Value);

    private static List<YamlMappingNode>? Load(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        // YamlDotNet throws InvalidOperationException, not YamlException, on some broken input (e.g. an unclosed "[").
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null;
        }
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static bool Matches(YamlMappingNode document, string? kind, string? name) =>
        (kind is null || Scalar(document, "kind") == kind)
        && (name is null || (document.Children.TryGetValue(new YamlScalarNode("metadata"), out var meta) && meta is YamlMappingNode m && Scalar(m, "name") == name));

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>[^\]]*)\]")]
    private static partial Regex SegmentPattern();
}

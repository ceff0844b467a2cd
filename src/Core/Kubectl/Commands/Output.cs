using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Kubectl.Printers.Yaml;
using Playground.Core.Serialization;

namespace Playground.Core.Kubectl.Commands;

public enum OutputKind { Default, Wide, Yaml, Json, Name, JsonPath, CustomColumns }

/// <summary>The -o flag: which printer, with its template for jsonpath and custom-columns.</summary>
public sealed record Output(OutputKind Kind, string Template = "")
{
    private const string Allowed = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";
    private const string AllowedWithTables = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

    public static Output Parse(string? value, bool tables)
    {
        var eq = value?.IndexOf('=') ?? -1;
        var (name, template) = eq < 0 ? (value, "") : (value![..eq], value[(eq + 1)..]);
        return name switch
        {
            null or "" => new Output(OutputKind.Default),
            "wide" when tables => new Output(OutputKind.Wide),
            "yaml" => new Output(OutputKind.Yaml),
            "json" => new Output(OutputKind.Json),
            "name" => new Output(OutputKind.Name),
            "jsonpath" when eq < 0 => throw KubectlException.Error("template format specified but no template given"),
            "jsonpath" => new Output(OutputKind.JsonPath, template),
            "custom-columns" when tables => new Output(OutputKind.CustomColumns, template),
            _ => throw KubectlException.Error(
                $"unable to match a printer suitable for the output format \"{value}\", allowed formats are: {(tables ? AllowedWithTables : Allowed)}"),
        };
    }

    public bool IsTable => Kind is OutputKind.Default or OutputKind.Wide;

    /// <summary>An object as -o yaml/json shows it: its stored JSON without managedFields (kubectl hides them by default).</summary>
    public static JsonObject Node(KubeObject obj)
    {
        var node = KubeJson.ToNode(obj);
        (node["metadata"] as JsonObject)?.Remove("managedFields");
        return node;
    }

    /// <summary>The List that kubectl wraps several objects in.</summary>
    public static JsonObject List(IEnumerable<KubeObject> objects) => new()
    {
        ["apiVersion"] = "v1",
        ["items"] = new JsonArray(objects.Select(o => (JsonNode)Node(o)).ToArray()),
        ["kind"] = "List",
        ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
    };

    /// <summary>Prints objects in this (non-table) format; a single object stands alone unless a list was asked for.</summary>
    public string Print(IReadOnlyList<KubeObject> objects, bool asList, ResourceRegistry registry, bool noHeaders = false)
    {
        switch (Kind)
        {
            case OutputKind.Name:
                // By apiVersion first: an object shown at another served version (autoscaling/v1) has a model of its own.
                return string.Concat(objects.Select(o => ResourceArgs.Ref(registry.ByKind(o.ApiVersion, o.Kind) ?? registry.For(o.GetType()), o.Metadata.Name) + "\n"));
            case OutputKind.CustomColumns:
                return CustomColumns.Print(Template, objects.Select(o => (JsonNode)Node(o)).ToList(), noHeaders);
        }
        return Render(asList || objects.Count != 1 ? List(objects) : Node(objects[0]));
    }

    /// <summary>One JSON document in this format: yaml, json or a jsonpath template's text.</summary>
    public string Render(JsonNode node) => Kind switch
    {
        OutputKind.Json => GoJson.Write(node),
        OutputKind.JsonPath => JsonPath.Execute(Template, node),
        _ => GoYaml.Write(node),
    };
}

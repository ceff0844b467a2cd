using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Core.Kubectl.Commands;

/// <summary>One document of -f input, mapped to its kind, with the namespace it will live in.</summary>
public sealed record ManifestObject(JsonObject Node, ResourceType Type, string Name, string? Namespace);

/// <summary>Reads -f input: only "-" (standard input, e.g. a heredoc), since the terminal has no files.</summary>
public static class Manifests
{
    /// <summary>The documents of stdin; mapping errors are reported on the context and their documents skipped, as kubectl goes on with the rest.</summary>
    public static IReadOnlyList<ManifestObject> Read(CommandContext context, string verb)
    {
        var files = context.Args.Strings("filename");
        if (files.FirstOrDefault(f => f != "-") is { } path)
            throw KubectlException.Error($"the path \"{path}\" does not exist (this terminal has no files: pass the manifest on standard input with -f - and a heredoc, e.g. kubectl {verb} -f - <<EOF)");

        IReadOnlyList<Manifest> documents;
        try
        {
            documents = ManifestReader.Read(context.Stdin ?? "");
        }
        catch (ManifestException e)
        {
            throw KubectlException.Error($"error parsing STDIN: {e.Message}");
        }
        if (documents.Count == 0) throw KubectlException.Error($"no objects passed to {verb}");

        var objects = new List<ManifestObject>();
        foreach (var document in documents)
        {
            var node = document.Node;
            var apiVersion = Text(node, "apiVersion");
            var kind = Text(node, "kind");
            var meta = node["metadata"] as JsonObject;
            var name = meta is null ? "" : Text(meta, "name");
            var ns = meta is null ? "" : Text(meta, "namespace");
            if (apiVersion.Length == 0 || kind.Length == 0)
            {
                var missing = string.Join(", ", new[] { apiVersion.Length == 0 ? "apiVersion not set" : null, kind.Length == 0 ? "kind not set" : null }.OfType<string>());
                context.Error($"error: error validating \"STDIN\": error validating data: [{missing}]; if you choose to ignore these errors, turn validation off with --validate=false");
                continue;
            }
            if (context.Resources.ByKind(apiVersion, kind) is not { } type)
            {
                context.Error($"error: resource mapping not found for name: \"{name}\" namespace: \"{ns}\" from \"STDIN\": no matches for kind \"{kind}\" in version \"{apiVersion}\"\nensure CRDs are installed first");
                continue;
            }
            if (type.Namespaced && ns.Length > 0 && context.NamespaceGiven && ns != context.Namespace)
                throw KubectlException.Error($"the namespace from the provided object \"{ns}\" does not match the namespace \"{context.Namespace}\". You must pass '--namespace={ns}' to perform this operation.");
            if (name.Length == 0)
            {
                context.Error($"error: error when retrieving current configuration of:\nResource: \"{type.Group}/{type.Version}, Resource={type.Plural}\", GroupVersionKind: \"{type.ApiVersion}, Kind={type.Kind}\"\nName: \"\", Namespace: \"{(type.Namespaced ? ns.Length > 0 ? ns : context.Namespace : "")}\"\nfrom server for: \"STDIN\": resource name may not be empty");
                continue;
            }
            var effective = type.Namespaced ? ns.Length > 0 ? ns : context.Namespace : null;
            if (effective is not null) (node["metadata"] as JsonObject)!["namespace"] = effective;
            objects.Add(new ManifestObject(node, type, name, effective));
        }
        return objects;
    }

    private static string Text(JsonObject node, string field) =>
        KubeJson.Text(node[field]) ?? "";
}

using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;

namespace Playground.Core.Kubectl.Commands;

/// <summary>The -l and --field-selector filters, with the server's wording when one cannot be parsed.</summary>
public static class Selectors
{
    public static LabelSelector? Labels(string? text, ResourceType type, string? fieldSelector = null)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            return LabelSelectors.Parse(text);
        }
        catch (FormatException e)
        {
            throw Refused(type, text, fieldSelector ?? "", e.Message);
        }
    }

    /// <summary>Field selectors on the fields the API server indexes for the playground's kinds: name, namespace, a pod's node and phase.</summary>
    public static Func<KubeObject, bool> Fields(string? text, ResourceType type, string? labelSelector)
    {
        if (string.IsNullOrEmpty(text)) return _ => true;
        var tests = new List<Func<KubeObject, bool>>();
        foreach (var term in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var negate = term.Contains("!=");
            var parts = term.Split(negate ? "!=" : term.Contains("==") ? "==" : "=", 2);
            if (parts.Length != 2)
                throw Refused(type, labelSelector ?? "", text, $"invalid selector: '{text}'; can't understand '{term}'");
            var (field, value) = (parts[0].Trim(), parts[1].Trim());
            Func<KubeObject, string?> read = field switch
            {
                "metadata.name" => o => o.Metadata.Name,
                "metadata.namespace" => o => o.Metadata.Namespace,
                "spec.nodeName" when type.Kind == "Pod" => o => ((Api.Core.Pod)o).Spec.NodeName ?? "",
                "status.phase" when type.Kind == "Pod" => o => ((Api.Core.Pod)o).Status?.Phase ?? "",
                _ => throw Refused(type, labelSelector ?? "", text, $"field label not supported: {field}"),
            };
            tests.Add(o => (read(o) == value) != negate);
        }
        return o => tests.All(t => t(o));
    }

    private static ApiException Refused(ResourceType type, string labels, string fields, string reason) =>
        ApiException.BadRequest($"Unable to find \"{type.Group}/{type.Version}, Resource={type.Plural}\" that match label selector \"{labels}\", field selector \"{fields}\": {reason}");
}

using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;

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

    /// <summary>Field selectors on the fields the API server lets each kind be selected by (<see cref="FieldLabels"/>).</summary>
    public static Func<KubeObject, bool> Fields(string? text, ResourceType type, string? labelSelector)
    {
        if (string.IsNullOrEmpty(text)) return _ => true;
        try
        {
            var terms = FieldLabels.Parse(text, type.Kind);
            return o => FieldLabels.Matches(terms, KubeJson.ToNode(o));
        }
        catch (FormatException e)
        {
            throw Refused(type, labelSelector ?? "", text, e.Message);
        }
    }

    private static ApiException Refused(ResourceType type, string labels, string fields, string reason) =>
        ApiException.BadRequest($"Unable to find \"{type.Group}/{type.Version}, Resource={type.Plural}\" that match label selector \"{labels}\", field selector \"{fields}\": {reason}");
}

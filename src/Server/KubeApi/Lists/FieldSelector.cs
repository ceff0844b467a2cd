using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Commands;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Lists;

/// <summary>
/// ?fieldSelector=: terms joined by ',' with '=', '==' or '!=', on the fields upstream's registry lets each kind be
/// selected by (metadata.name and metadata.namespace for all, a few more per kind); any other field is refused as upstream refuses it.
/// </summary>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<FieldTerm> _terms;

    private FieldSelector(IReadOnlyList<FieldTerm> terms) => _terms = terms;

    public static readonly FieldSelector Everything = new([]);

    public bool IsEverything => _terms.Count == 0;

    /// <summary>The name a selector pins down with metadata.name=x, which lets a watch skip other objects' writes cheaply.</summary>
    public string? Name => _terms.FirstOrDefault(t => t.Field == "metadata.name" && !t.Negated)?.Value;

    /// <exception cref="ApiException">400 for a term it cannot read or a field the kind cannot be selected by.</exception>
    public static FieldSelector Parse(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        try
        {
            return new FieldSelector(FieldLabels.Parse(text, kind));
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest(e.Message);
        }
    }

    public bool Matches(KubeObject obj) => IsEverything || FieldLabels.Matches(_terms, KubeJson.ToNode(obj));
}

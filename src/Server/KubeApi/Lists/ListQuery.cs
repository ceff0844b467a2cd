using System.Globalization;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;

namespace Playground.Server.KubeApi.Lists;

/// <summary>The list and watch options of a collection GET (upstream's metav1.ListOptions), read from the query string.</summary>
public sealed record ListQuery(
    LabelSelector? Labels,
    FieldSelector Fields,
    int? Limit,
    ContinueToken? Continue,
    string? ResourceVersion,
    string? ResourceVersionMatch,
    bool Watch,
    bool Bookmarks,
    TimeSpan? Timeout)
{
    /// <exception cref="ApiException">400 for a selector, limit, token or timeout that cannot be read.</exception>
    public static ListQuery Parse(IQueryCollection query, ResourceType type)
    {
        LabelSelector? labels = null;
        if (query["labelSelector"].ToString() is { Length: > 0 } text)
        {
            try
            {
                labels = LabelSelectors.Parse(text);
            }
            catch (FormatException e)
            {
                throw ApiException.BadRequest(e.Message);
            }
        }
        return new ListQuery(
            labels,
            FieldSelector.Parse(query["fieldSelector"], type.Kind),
            Number(query, "limit") is { } limit and > 0 ? (int)Math.Min(limit, int.MaxValue) : null,
            query["continue"].ToString() is { Length: > 0 } token ? ContinueToken.Decode(token) : null,
            query["resourceVersion"].ToString() is { Length: > 0 } rv ? rv : null,
            query["resourceVersionMatch"].ToString() is { Length: > 0 } match ? match : null,
            Flag(query, "watch"),
            Flag(query, "allowWatchBookmarks"),
            Number(query, "timeoutSeconds") is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null);
    }

    public bool Matches(KubeObject obj) =>
        (Labels is null || LabelSelectors.Matches(Labels, obj.Metadata.Labels)) && Fields.Matches(obj);

    /// <summary>Go's strconv.ParseBool, as upstream reads watch=1, watch=true or watch=True.</summary>
    private static bool Flag(IQueryCollection query, string name) =>
        query[name].ToString() is "1" or "t" or "T" or "true" or "TRUE" or "True";

    private static long? Number(IQueryCollection query, string name)
    {
        if (query[name].ToString() is not { Length: > 0 } text) return null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid {name}: \"{text}\" is not an integer");
    }
}

using Microsoft.AspNetCore.Http.Features;
using Playground.Core.ApiServer;
using Playground.Server.KubeApi.Lists;
using Playground.Server.KubeApi.Tables;
using Playground.Server.Sandboxes;

namespace Playground.Server.KubeApi.Watch;

/// <summary>
/// GET ...?watch=1: a chunked stream of watch events fed by the sandbox's own feed (the one the SignalR hub reads), so
/// only committed writes go out, in revision order. It ends when the client goes, the timeout passes or history is lost.
/// </summary>
public sealed class WatchStream(SandboxActor sandbox, ResourcePath path, ListQuery query, TableRequest? table) : IResult
{
    /// <summary>Without timeoutSeconds a watch lasts as long as upstream's default minimum request timeout.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Upstream's watch cache sends a bookmark about once a minute.</summary>
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromMinutes(1);

    public static bool Requested(HttpRequest request) =>
        request.Query["watch"].ToString() is "1" or "t" or "T" or "true" or "TRUE" or "True";

    /// <summary>The watch for a collection request, or a Status when its options cannot be read.</summary>
    public static IResult For(HttpContext context, ResourcePath path)
    {
        try
        {
            var query = ListQuery.Parse(context.Request.Query, path.Type);
            if (query.ResourceVersion is { } rv && rv != "0" && !long.TryParse(rv, out _))
                throw ApiException.BadRequest($"invalid resource version \"{rv}\": it must be a revision number");
            return new WatchStream(KubeApiAccess.Sandbox(context), path, query, TableRequest.Parse(context.Request.Headers.Accept, context.Request.Query));
        }
        catch (ApiException e)
        {
            return KubeResponse.Failure(e).ToResult();
        }
    }

    public async Task ExecuteAsync(HttpContext context)
    {
        var encoder = new WatchEncoder(path, query, table);
        var (initial, after) = await sandbox.RunAsync(encoder.Start);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = context.RequestAborted;
        await response.Body.WriteAsync(initial, aborted);
        await response.Body.FlushAsync(aborted);
        if (after is not { } revision) return;

        var deadline = DateTime.UtcNow + (query.Timeout ?? DefaultTimeout);
        // Upstream also bookmarks shortly before the watch expires, so a client can resume exactly there.
        var nextBookmark = Earlier(DateTime.UtcNow + BookmarkInterval, deadline - TimeSpan.FromSeconds(2));
        using var subscription = await sandbox.SubscribeAsync(revision);
        var reader = subscription.Batches;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var wakeAt = query.Bookmarks ? Earlier(deadline, nextBookmark) : deadline;
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wake.CancelAfter(Positive(wakeAt - DateTime.UtcNow));
                bool open;
                try
                {
                    open = await reader.WaitToReadAsync(wake.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    if (query.Bookmarks && DateTime.UtcNow >= nextBookmark && DateTime.UtcNow < deadline)
                    {
                        await WriteAsync(response, encoder.Bookmark(revision), aborted);
                        nextBookmark = DateTime.UtcNow + BookmarkInterval;
                    }
                    continue;
                }
                if (!open) return;
                while (reader.TryRead(out var batch))
                {
                    if (batch.Gap is { } gap)
                    {
                        await WriteAsync(response, WatchEncoder.TooOld(gap.From - 1, gap.Oldest), aborted);
                        return;
                    }
                    revision = batch.Writes[^1].Revision;
                    var relevant = batch.Writes.Where(encoder.MayConcern).ToList();
                    if (relevant.Count == 0) continue;
                    var events = await sandbox.RunAsync(cluster => encoder.Encode(cluster, relevant));
                    if (events.Length > 0) await WriteAsync(response, events, aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: the subscription ends with this method.
        }
        catch (Exception e) when (e is SubscriberTooSlowException or ObjectDisposedException or InvalidOperationException)
        {
            // The feed ended (a reader too slow, or the sandbox stopping): closing the stream makes the client watch again.
        }
    }

    private static async Task WriteAsync(HttpResponse response, byte[] events, CancellationToken cancellation)
    {
        await response.Body.WriteAsync(events, cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.FromMilliseconds(1);
}

namespace Playground.Server.KubeApi;

/// <summary>Reads a request body up to kube-apiserver's limit (--max-request-bytes is 3 MiB), refusing larger ones with upstream's 413 Status.</summary>
public static class RequestBody
{
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<(byte[]? Bytes, KubeResponse? Problem)> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes) return (null, TooLarge());
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, TooLarge());
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    private static KubeResponse TooLarge() =>
        KubeResponse.Failure(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxBytes}");
}

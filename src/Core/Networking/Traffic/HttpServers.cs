using System.Globalization;
using Playground.Core.Api.Core;
using Playground.Core.Kubelet.Images;

namespace Playground.Core.Networking.Traffic;

/// <summary>
/// What a running container answers on a port, by its image: nginx's and httpd's default pages, the demo servers that
/// name the pod that answered (traefik/whoami, agnhost netexec, hashicorp/http-echo), database ports that close an
/// HTTP connection unanswered. Anything else is a port where nothing listens.
/// </summary>
public static class HttpServers
{
    private const string NginxVersion = "1.27.3";

    private const string NginxWelcome = """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        <style>
        html { color-scheme: light dark; }
        body { width: 35em; margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif; }
        </style>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>

        <p>For online documentation and support please refer to
        <a href="http://nginx.org/">nginx.org</a>.<br/>
        Commercial support is available at
        <a href="http://nginx.com/">nginx.com</a>.</p>

        <p><em>Thank you for using nginx.</em></p>
        </body>
        </html>

        """;

    /// <summary>nginx's built-in error page for a status.</summary>
    public static string NginxError(int status, string reason) =>
        $"<html>\n<head><title>{status} {reason}</title></head>\n<body>\n<center><h1>{status} {reason}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n";

    /// <summary>The outcome of a request to a pod's port; refused when no running container listens there, unanswered when its machine is off.</summary>
    public static HttpOutcome Serve(Pod pod, Node? node, int port, HttpRequest request, DateTimeOffset now)
    {
        if (Machines.IsOff(node)) return HttpOutcome.Unanswered;
        foreach (var container in pod.Spec.Containers)
        {
            var running = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container.Name)?.State?.Running is not null;
            if (!running) continue;
            var image = ImageReference.Parse(container.Image ?? "");
            var response = Answer(image, container, pod, port, request, now);
            if (response is not null) return response;
        }
        return HttpOutcome.Refused;
    }

    private static HttpOutcome? Answer(ImageReference image, Container container, Pod pod, int port, HttpRequest request, DateTimeOffset now)
    {
        var args = (container.Command ?? []).Concat(container.Args ?? []).ToList();
        switch (image.ShortName)
        {
            case "nginx" when port == 80 && container.Command is null:
                return Ok(pod, request.Path is "/" or "/index.html"
                    ? Response(200, "OK", "text/html", NginxWelcome, now, $"nginx/{NginxVersion}")
                    : Response(404, "Not Found", "text/html", NginxError(404, "Not Found"), now, $"nginx/{NginxVersion}"));
            case "httpd" when port == 80 && container.Command is null:
                return Ok(pod, request.Path is "/" or "/index.html"
                    ? Response(200, "OK", "text/html", "<html><body><h1>It works!</h1></body></html>\n", now, "Apache/2.4.62 (Unix)")
                    : Response(404, "Not Found", "text/html; charset=iso-8859-1",
                        $"<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n",
                        now, "Apache/2.4.62 (Unix)"));
            case "whoami" when port == Flag(args, "--port", Env(container, "WHOAMI_PORT_NUMBER", 80)):
                // whoami prints its own lines, then dumps the request as it arrived (CRLF-separated, as on the wire).
                var who = $"Hostname: {pod.Metadata.Name}\nIP: 127.0.0.1\nIP: {pod.Status?.PodIP}\nRemoteAddr: {request.ClientIp}:{request.ClientPort}\n";
                var dump = $"{request.Method} {request.Path} HTTP/1.1\r\nHost: {request.Host}\r\nUser-Agent: {request.UserAgent}\r\nAccept: */*\r\n\r\n";
                return Ok(pod, Response(200, "OK", "text/plain; charset=utf-8", who + dump, now, null));
            case "agnhost" when args.Contains("netexec") && port == Flag(args, "--http-port", 8080):
                var body = request.Path switch
                {
                    "/hostname" => pod.Metadata.Name ?? "",
                    "/clientip" => $"{request.ClientIp}:{request.ClientPort}",
                    var p when p.StartsWith("/echo?msg=", StringComparison.Ordinal) => Uri.UnescapeDataString(p["/echo?msg=".Length..]),
                    _ => $"NOW: {now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffffff", CultureInfo.InvariantCulture)} +0000 UTC",
                };
                return Ok(pod, Response(200, "OK", "text/plain; charset=utf-8", body, now, null));
            case "http-echo" when port == Flag(args, "-listen", 5678):
                var text = args.FirstOrDefault(a => a.StartsWith("-text=", StringComparison.Ordinal))?["-text=".Length..] ?? "";
                return Ok(pod, Response(200, "OK", "text/plain; charset=utf-8", text + "\n", now, null));
            case "redis" when port == 6379:
            case "postgres" when port == 5432:
            case "mysql" when port == 3306:
                return new HttpOutcome(null, pod, EmptyReply: true);
            default:
                return null;
        }
    }

    private static HttpOutcome Ok(Pod pod, HttpResponse response) => new(response, pod);

    private static HttpResponse Response(int status, string reason, string type, string body, DateTimeOffset now, string? server)
    {
        var headers = new List<(string, string)>();
        if (server is not null) headers.Add(("Server", server));
        headers.Add(("Date", now.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture)));
        headers.Add(("Content-Type", type));
        headers.Add(("Content-Length", System.Text.Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture)));
        return new HttpResponse(status, reason, headers, body);
    }

    /// <summary>A port from "--flag=N", "--flag N" or "-listen=:N" among the arguments, else the default.</summary>
    private static int Flag(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count; i++)
        {
            string? value = args[i].StartsWith(name + "=", StringComparison.Ordinal) ? args[i][(name.Length + 1)..]
                : args[i] == name && i + 1 < args.Count ? args[i + 1] : null;
            if (value is not null && int.TryParse(value.TrimStart(':'), NumberStyles.None, CultureInfo.InvariantCulture, out var port)) return port;
        }
        return fallback;
    }

    private static int Env(Container container, string name, int fallback) =>
        container.Env?.FirstOrDefault(e => e.Name == name)?.Value is { } value && int.TryParse(value, CultureInfo.InvariantCulture, out var port) ? port : fallback;
}

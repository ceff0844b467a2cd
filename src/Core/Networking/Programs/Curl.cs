using System.Text;
using Playground.Core.Networking.Traffic;

namespace Playground.Core.Networking.Programs;

/// <summary>curl 7.88 (Debian's, as in the nginx image): one URL, -s -S -i -I -f -H -o -w and friends, curl's error lines and exit codes.</summary>
public static class Curl
{
    private const string UserAgent = "curl/7.88.1";

    public static ProgramResult Run(IReadOnlyList<string> args, ExecContext context)
    {
        bool silent = false, showError = false, include = false, head = false, fail = false;
        string? output = null, writeOut = null, urlText = null;
        var headers = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : "";
            switch (arg)
            {
                case "-H" or "--header": headers.Add(Value()); break;
                case "-o" or "--output": output = Value(); break;
                case "-w" or "--write-out": writeOut = Value(); break;
                case "-m" or "--max-time" or "--connect-timeout" or "-A" or "--user-agent" or "-X" or "--request": Value(); break;
                case "--silent": silent = true; break;
                case "--show-error": showError = true; break;
                case "--include": include = true; break;
                case "--head": head = true; break;
                case "--fail": fail = true; break;
                case "--location" or "--verbose": break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) return new($"curl: option {arg}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
                    if (arg.Length > 1 && arg[0] == '-')
                    {
                        foreach (var flag in arg[1..])
                        {
                            switch (flag)
                            {
                                case 's': silent = true; break;
                                case 'S': showError = true; break;
                                case 'i': include = true; break;
                                case 'I': head = true; break;
                                case 'f': fail = true; break;
                                case 'L' or 'v' or 'k': break;
                                case 'o': output = Value(); break;
                                default: return new($"curl: option -{flag}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
                            }
                        }
                    }
                    else urlText ??= arg;
                    break;
            }
        }
        if (urlText is null) return new("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
        var quietErrors = silent && !showError;
        string Error(string line) => quietErrors ? "" : line + "\n";
        if (Url.Parse(urlText) is not { } url) return new(Error($"curl: (3) URL using bad/illegal format or missing URL"), 3);

        var host = headers.Select(h => h.Split(':', 2)).FirstOrDefault(h => h.Length == 2 && h[0].Trim().Equals("Host", StringComparison.OrdinalIgnoreCase))?[1].Trim()
            ?? (url.Port is 80 or 443 ? url.Host : $"{url.Host}:{url.Port}");
        if (Resolver.Address(url.Host, context) is not { } ip) return new(Error($"curl: (6) Could not resolve host: {url.Host}"), 6);
        var request = new HttpRequest(head ? "HEAD" : "GET", host, url.Path, UserAgent, context.PodIp, context.Network.EphemeralPort());
        var outcome = context.Network.Send(ip, url.Port, request, context.Pod);
        // Linux gives up on an unanswered SYN after its 6 retries (about 127 s), before curl's own 300 s connect timeout.
        if (outcome.TimedOut) return new(Error($"curl: (7) Failed to connect to {url.Host} port {url.Port} after 127000 ms: Couldn't connect to server"), 7);
        if (!outcome.Connected) return new(Error($"curl: (7) Failed to connect to {url.Host} port {url.Port} after 0 ms: Couldn't connect to server"), 7);
        if (outcome.Response is not { } response) return new(Error("curl: (52) Empty reply from server"), 52);
        if (fail && response.Status >= 400) return new(Error($"curl: (22) The requested URL returned error: {response.Status}"), 22);

        var text = new StringBuilder();
        if (include || head)
        {
            text.Append($"HTTP/1.1 {response.Status} {response.Reason}\r\n");
            foreach (var (name, value) in response.Headers) text.Append($"{name}: {value}\r\n");
            text.Append("\r\n");
        }
        if (!head) text.Append(response.Body);
        if (output is not null) text.Clear();
        if (writeOut is not null)
            text.Append(writeOut.Replace("%{http_code}", response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("%{remote_ip}", ip).Replace("\\n", "\n"));
        return new(text.ToString(), 0);
    }
}

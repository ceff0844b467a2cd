using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Playground.Server.Tests;

/// <summary>A real kubectl (the one on PATH unless told another binary), pointed at one sandbox through the kubeconfig the server hands out.</summary>
public sealed partial class RealKubectl : IDisposable
{
    private readonly string _kubeconfig;
    private readonly string _executable;

    private RealKubectl(string kubeconfig, string executable) => (_kubeconfig, _executable) = (kubeconfig, executable);

    public static async Task<RealKubectl> ForAsync(PlaygroundServer server, string id, string token, string executable = "kubectl") =>
        new(await server.KubeconfigFileAsync(id, token), executable);

    /// <summary>kubectl with a kubeconfig file obtained some other way (the browser's download); disposing deletes the file.</summary>
    public static RealKubectl ForFile(string kubeconfig, string executable = "kubectl") => new(kubeconfig, executable);

    /// <summary>Runs kubectl to the end, with <paramref name="stdin"/> as its input if given; a minute is far more than any command here needs.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string arguments, string? stdin = null)
    {
        var start = Start(arguments);
        start.RedirectStandardInput = stdin is not null;
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs a command that must succeed and returns what it printed.</summary>
    public async Task<string> OkAsync(string arguments)
    {
        var (code, output, error) = await RunAsync(arguments);
        Assert.True(code == 0, $"kubectl {arguments} failed ({code}): {error}");
        return output;
    }

    /// <summary>Starts a long-running command (get -w) and collects its lines as they come; disposing it kills kubectl.</summary>
    public Streaming Stream(string arguments) => new(Process.Start(Start(arguments))!);

    public void Dispose() => File.Delete(_kubeconfig);

    /// <summary>
    /// A table with every age-like cell ("5m", "2m30s", "3 (10s ago)") made "AGE" and cells split on the tab writer's
    /// padding, so outputs printed moments apart on a fast clock compare equal.
    /// </summary>
    public static IReadOnlyList<string> WithoutAges(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => string.Join(" | ", Padding().Split(line.TrimEnd()).Select(cell => Age().Replace(cell, "AGE"))))
            .ToList();

    private ProcessStartInfo Start(string arguments)
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(_kubeconfig);
        foreach (var argument in Words(arguments)) start.ArgumentList.Add(argument);
        // kubectl caches discovery under HOME; a fresh one per run keeps tests from sharing it.
        start.Environment["HOME"] = Path.GetDirectoryName(_kubeconfig)!;
        start.Environment["KUBECACHEDIR"] = _kubeconfig + ".cache";
        return start;
    }

    /// <summary>A command line's words as a shell splits them: spaces separate, single or double quotes group (and are dropped).</summary>
    public static IEnumerable<string> Words(string line)
    {
        var word = new System.Text.StringBuilder();
        var (quote, started) = ((char?)null, false);
        foreach (var c in line)
        {
            if (quote is not null && c == quote) quote = null;
            else if (quote is null && c is '\'' or '"') (quote, started) = (c, true);
            else if (quote is null && c == ' ')
            {
                if (started) yield return word.ToString();
                (word, started) = (new(), false);
            }
            else (_, started) = (word.Append(c), true);
        }
        if (started) yield return word.ToString();
    }

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Padding();

    [GeneratedRegex(@"(?<![\w-])(\d+[smhdy])+(?![\w-])|<invalid>")]
    private static partial Regex Age();

    public sealed class Streaming : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];

        internal Streaming(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null) lock (_lines) _lines.Add(e.Data);
            };
            _process.BeginOutputReadLine();
        }

        /// <summary>Waits until the lines printed so far satisfy <paramref name="done"/>, then returns them.</summary>
        public async Task<IReadOnlyList<string>> UntilAsync(Func<IReadOnlyList<string>, bool> done, int timeoutSeconds = 20)
        {
            var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
            while (true)
            {
                List<string> lines;
                lock (_lines) lines = [.. _lines];
                if (done(lines)) return lines;
                if (DateTime.UtcNow > deadline || _process.HasExited)
                    throw new TimeoutException($"kubectl never printed what was awaited (exited: {_process.HasExited}); it printed:\n{string.Join('\n', lines)}\n{(_process.HasExited ? _process.StandardError.ReadToEnd() : "")}");
                await Task.Delay(20);
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }
}

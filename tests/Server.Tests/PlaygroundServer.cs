using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Playground.Server.Tests;

/// <summary>
/// The real server, as its own process on a free loopback port with its own data directory, so that tests can
/// stop it gracefully or kill -9 it and start it again on the same SQLite file.
/// </summary>
public sealed partial class PlaygroundServer : IAsyncDisposable
{
    private static readonly string ServerAssembly = typeof(PlaygroundServer).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;

    private readonly Process _process;
    private readonly bool _ownsDataDirectory;

    private PlaygroundServer(Process process, string dataDirectory, bool ownsDataDirectory, Uri baseAddress, Uri kubeApiAddress)
    {
        KubeApiAddress = kubeApiAddress;
        _process = process;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        BaseAddress = baseAddress;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; }

    /// <summary>The HTTPS address of the sandboxes' Kubernetes API.</summary>
    public Uri KubeApiAddress { get; }

    /// <summary>A client for the Kubernetes API that trusts the server's own CA (made in its data directory), as a kubeconfig would.</summary>
    public HttpClient KubeApi => _kubeApi ??= new HttpClient(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
        {
            using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
            chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(DataDirectory, "pki", "ca.crt"))));
            chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
            return (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) == 0 && chain.Build(certificate!);
        },
    });
    private HttpClient? _kubeApi;

    /// <summary>Sends no cookies and follows no redirects, so tests see exactly what the server answers.</summary>
    public HttpClient Http { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "playground.db");

    /// <summary>Starts a server; a fast clock (simulated seconds per real second) keeps tests short without a test-only API.</summary>
    public static async Task<PlaygroundServer> StartAsync(string? dataDirectory = null, double clockSpeed = 60, string[]? extraArguments = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("playground-server-tests-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                ServerAssembly, "--urls", "http://127.0.0.1:0",
                "--Playground:DataDirectory", dataDirectory,
                "--Playground:KubernetesApiUrl", "https://127.0.0.1:0",
                "--Playground:ClockSpeed", clockSpeed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // Tests send as fast as they can; RateLimitTests sets its own limits (later arguments win).
                "--Playground:RateLimits:RequestsPerSecond", "100000", "--Playground:RateLimits:Burst", "100000",
                "--Playground:RateLimits:AnonymousRequestsPerSecond", "100000", "--Playground:RateLimits:AnonymousBurst", "100000",
                "--Playground:RateLimits:SandboxCreationsPerHour", "100000",
            },
            WorkingDirectory = Path.GetDirectoryName(ServerAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in extraArguments ?? []) start.ArgumentList.Add(argument);
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeningTls = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        void Read(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m)
                (m.Groups[1].Value.StartsWith("https:") ? listeningTls : listening).TrySetResult(new Uri(m.Groups[1].Value));
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ =>
        {
            var exited = new InvalidOperationException("the server exited:\n" + string.Join('\n', Snapshot(output)));
            listening.TrySetException(exited);
            listeningTls.TrySetException(exited);
        });

        var baseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var kubeApiAddress = await listeningTls.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new PlaygroundServer(process, dataDirectory, owns, baseAddress, kubeApiAddress);
    }

    public async Task<(string Id, string Token)> CreateSandboxAsync()
    {
        var response = await Http.PostAsync("/api/sandboxes", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>Saves the sandbox's kubeconfig, as its owner downloads it, to a new temporary file and returns the file's path.</summary>
    public async Task<string> KubeconfigFileAsync(string id, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sandboxes/{id}/kubeconfig") { Headers = { Authorization = new("Bearer", token) } };
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var file = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
        return file;
    }

    public Task<HttpResponseMessage> KubectlAsync(string id, string? token, string command, string? stdin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sandboxes/{id}/kubectl")
        {
            Content = JsonContent.Create(new { command, stdin }),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return Http.SendAsync(request);
    }

    /// <summary>Runs a kubectl command that must succeed, returning what it printed.</summary>
    public async Task<string> KubectlOkAsync(string id, string token, string command, string? stdin = null)
    {
        var response = await KubectlAsync(id, token, command, stdin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var output = body.GetProperty("output").GetString()!;
        Assert.True(body.GetProperty("exitCode").GetInt32() == 0, $"'{command}' failed: {output}");
        return output;
    }

    /// <summary>Polls a kubectl command until its output satisfies <paramref name="done"/>; the fast clock makes this quick.</summary>
    public async Task<string> KubectlUntilAsync(string id, string token, string command, Func<string, bool> done, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var output = await KubectlOkAsync(id, token, command);
            if (done(output)) return output;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{command}' never got there; last output:\n{output}");
            await Task.Delay(50);
        }
    }

    /// <summary>kill -9: no shutdown code runs, so only what was committed survives.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>A graceful stop, as Ctrl+C or a service manager asks for it (SIGTERM).</summary>
    public async Task StopAsync()
    {
        Assert.Equal(0, SendSignal(_process.Id, 15));
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        if (_ownsDataDirectory) Directory.Delete(DataDirectory, recursive: true);
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines) return [.. lines];
    }

    [GeneratedRegex(@"Now listening on: (https?://\S+)")]
    private static partial Regex ListeningLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}

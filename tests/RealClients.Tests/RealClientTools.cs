using System.Diagnostics;
using System.Reflection;

namespace Playground.RealClients.Tests;

/// <summary>The real clients these tests drive besides the kubectl on PATH.</summary>
public enum RealClient
{
    /// <summary>kubectl v1.20 from Debian's kubernetes-client package, unpacked (installing it would replace the kubectl on PATH).</summary>
    Kubectl120,

    /// <summary>The official Python client, Debian's python3-kubernetes, under the Debian interpreter it is installed for.</summary>
    PythonKubernetes,
}

/// <summary>
/// Where each real client is: an environment variable that .ci/run sets, else the well-known place .ci/run installs it;
/// or, when it is not there, why not in one sentence.
/// </summary>
public static class RealClientTools
{
    /// <summary>Set to 1 by .ci/run, so that a missing client fails the run instead of skipping its tests.</summary>
    public const string RequireVariable = "PLAYGROUND_REQUIRE_REAL_CLIENTS";

    private static readonly string ToolsDirectory = typeof(RealClientTools).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ToolsDirectory").Value!;

    private static readonly Lazy<Tool> Kubectl = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("PLAYGROUND_KUBECTL_1_20") is { Length: > 0 } set ? set
            : Path.Combine(ToolsDirectory, "kubectl-1.20", "usr", "bin", "kubectl");
        return new(path, File.Exists(path) ? null
            : $"kubectl v1.20 is not at {path} (.ci/run unpacks Debian's kubernetes-client there; PLAYGROUND_KUBECTL_1_20 names another place)");
    });

    private static readonly Lazy<Tool> Python = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("PLAYGROUND_PYTHON") is { Length: > 0 } set ? set : "/usr/bin/python3";
        return new(path, !File.Exists(path) ? $"{path} does not exist (PLAYGROUND_PYTHON names another interpreter)"
            : !Imports(path, "kubernetes") ? $"{path} cannot import kubernetes (apt-get install python3-kubernetes, as .ci/run does)"
            : null);
    });

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static Tool Of(RealClient client) => client switch
    {
        RealClient.Kubectl120 => Kubectl.Value,
        RealClient.PythonKubernetes => Python.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(client)),
    };

    /// <summary>The client's path; a test reaches this with the client missing only when <see cref="Required"/>, and then fails here, loudly.</summary>
    public static string PathOf(RealClient client) =>
        Of(client) is { Missing: null } tool ? tool.Path : throw new InvalidOperationException($"{RequireVariable}=1 but {Of(client).Missing}");

    private static bool Imports(string python, string module)
    {
        using var process = Process.Start(new ProcessStartInfo(python, ["-c", $"import {module}"]) { RedirectStandardError = true, UseShellExecute = false })!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    /// <summary>A client's path, and why it cannot be used if it cannot.</summary>
    public sealed record Tool(string Path, string? Missing);
}

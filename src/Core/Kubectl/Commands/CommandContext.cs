using System.Text;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>What a command runs with: the cluster's API, its virtual time, the parsed arguments, standard input, the kubeconfig context and the terminal.</summary>
public sealed class CommandContext(ApiServer.ApiServer api, ParsedArgs args, string? stdin, string path, KubeconfigContext kubeconfig)
{
    private readonly StringBuilder _out = new();

    public ApiServer.ApiServer Api => api;
    public ResourceRegistry Resources => api.Resources;
    public DateTimeOffset Now => api.Now;
    public ParsedArgs Args => args;
    public string? Stdin => stdin;

    /// <summary>The command as help messages name it, e.g. "kubectl create deployment".</summary>
    public string Path => path;

    /// <summary>The kubeconfig context the command runs in; "kubectl config set-context" replaces it.</summary>
    public KubeconfigContext Kubeconfig { get; set; } = kubeconfig;

    /// <summary>The namespace from -n, else the context's (else "default").</summary>
    public string Namespace => args.String("namespace") is { Length: > 0 } ns ? ns : Kubeconfig.EffectiveNamespace;

    public bool NamespaceGiven => args.IsSet("namespace");

    /// <summary>Set when any part of a command failed, though others went on (kubectl reports every error, then exits 1).</summary>
    public bool Failed { get; set; }

    public string Output => _out.ToString();

    /// <summary>Writes to the terminal; stdout and stderr share it, in order, as a terminal shows them.</summary>
    public void Write(string text) => _out.Append(text);

    public void WriteLine(string line) => _out.Append(line).Append('\n');

    /// <summary>Reports one failure and carries on, as kubectl does for each name or document of a command.</summary>
    public void Error(string line)
    {
        WriteLine(line);
        Failed = true;
    }

    public void Error(ApiException e) => Error(ApiErrors.Format(e));
}

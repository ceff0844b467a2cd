namespace Playground.Core.Kubectl;

/// <summary>
/// The kubeconfig context a command runs in, as the terminal keeps it between commands: named after the sandbox (like the
/// downloadable kubeconfig), with the namespace that commands without -n use. An empty namespace is an unset one, as
/// after "kubectl config set-context --current --namespace=", and means "default".
/// </summary>
public sealed record KubeconfigContext(string Name, string Server, string Namespace = KubeconfigContext.DefaultNamespace)
{
    public const string DefaultNamespace = "default";

    /// <summary>The context of a cluster that has no sandbox around it (tests, tools).</summary>
    public static readonly KubeconfigContext Local = new("playground", "https://127.0.0.1:6443");

    /// <summary>The context of a sandbox's kubeconfig; no namespace given means the kubeconfig's own, "default".</summary>
    public static KubeconfigContext ForSandbox(string sandboxId, string server, string? ns) =>
        new($"playground-{sandboxId}", server, ns ?? DefaultNamespace);

    /// <summary>The namespace a command without -n (or -A) works in.</summary>
    public string EffectiveNamespace => Namespace.Length > 0 ? Namespace : DefaultNamespace;
}

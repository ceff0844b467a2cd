using System.Text.RegularExpressions;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubelet.Images;

/// <summary>Works out a container's main process from its image's entrypoint and the pod spec's command and args.</summary>
public static partial class ContainerProcesses
{
    public static ContainerProcess For(Container container, ProcessContext context)
    {
        var profile = ImageCatalog.Find(ImageReference.Parse(container.Image ?? ""));
        var command = container.Command?.Select(a => Expand(a, context.Environment)).ToList();
        var args = container.Args?.Select(a => Expand(a, context.Environment)).ToList();
        // Args alone replace the image's command; ones starting with "-" are flags for its server, as the official entrypoints read them.
        if (command is null && (args is null || args.Count == 0 || args[0].StartsWith('-')))
            return profile?.Start(context) ?? ContainerProcess.Forever;
        return ShellScript.Run([.. command ?? [], .. args ?? []], profile, context);
    }

    /// <summary>Kubernetes' own $(VAR) expansion in command and args, before any shell sees them; $$ escapes a dollar.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> environment) =>
        Reference().Replace(text, m => m.Value == "$$" ? "$" : environment.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex Reference();
}

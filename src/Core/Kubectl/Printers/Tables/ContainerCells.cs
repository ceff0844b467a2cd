using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Tables;

internal static class ContainerCells
{
    /// <summary>The wide CONTAINERS and IMAGES cells: every container of a template, comma-separated.</summary>
    public static (string Names, string Images) Layout(IReadOnlyList<Container>? containers) =>
        (string.Join(',', (containers ?? []).Select(c => c.Name)), string.Join(',', (containers ?? []).Select(c => c.Image ?? "")));
}

using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers;

/// <summary>A column of a server-side table; priority 1 columns show only with -o wide.</summary>
public sealed record TableColumn(string Name, int Priority = 0);

/// <summary>One object's cells, in column order, wide columns included.</summary>
public sealed record TableRow(KubeObject Object, IReadOnlyList<string> Cells);

/// <summary>What the API server's Table response holds for a list of one kind.</summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows);

using Playground.Client.Cluster.Trace;

namespace Playground.Client.Tests.Cluster.Trace;

public class LineDiffTests
{
    private static string Render(IEnumerable<DiffLine> lines) => string.Join("\n", lines.Select(l => l.Kind switch
    {
        DiffKind.Added => "+" + l.Text,
        DiffKind.Removed => "-" + l.Text,
        DiffKind.Skipped => $"({l.Count})",
        _ => " " + l.Text,
    }));

    [Fact]
    public void A_changed_line_shows_as_removed_then_added_with_context_and_the_rest_left_out()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line{i}")) + "\n";
        var after = before.Replace("line10\n", "line10 changed\n").Replace("line20\n", "line20\nline21\n");

        Assert.Equal(
            "(6)\n line7\n line8\n line9\n-line10\n+line10 changed\n line11\n line12\n line13\n(4)\n line18\n line19\n line20\n+line21",
            Render(LineDiff.Compare(before, after)));
    }

    [Fact]
    public void Lines_moved_between_unchanged_ones_are_aligned()
    {
        Assert.Equal(" a\n-b\n c\n+b\n d", Render(LineDiff.Compare("a\nb\nc\nd\n", "a\nc\nb\nd\n")));
    }

    [Fact]
    public void Identical_texts_have_no_changed_lines()
    {
        Assert.DoesNotContain(LineDiff.Compare("a\nb\n", "a\nb\n"), l => l.Kind is DiffKind.Added or DiffKind.Removed);
    }
}

using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Tests.Kubectl.Printers;

public class TabWriterTests
{
    [Fact]
    public void Table_columns_get_three_spaces_and_at_least_six_characters_and_the_last_cell_is_not_padded()
    {
        var text = TabWriter.ForTables().Write("NAME\tIP\tAGE\nweb-1\t10.0.0.1\t5s\nx\ty\t10m\n").ToString();

        Assert.Equal("NAME    IP         AGE\nweb-1   10.0.0.1   5s\nx       y          10m\n", text);
    }

    [Fact]
    public void A_line_without_tabs_ends_a_column_block_as_go_tabwriter_does()
    {
        var text = TabWriter.ForDescribe().Write("Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/web\n").ToString();

        Assert.Equal("Name:       web\nNamespace:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/web\n", text);
    }

    [Fact]
    public void Flush_starts_a_fresh_layout()
    {
        var writer = TabWriter.ForDescribe().Write("A:\tx\n");
        writer.Flush();
        writer.Write("Longer key:\ty\n");

        Assert.Equal("A:  x\nLonger key:  y\n", writer.ToString());
    }
}

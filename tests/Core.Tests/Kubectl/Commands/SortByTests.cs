namespace Playground.Core.Tests.Kubectl.Commands;

/// <summary>
/// kubectl get --sort-by, checked against kubectl v1.32 talking to an API server: how it compares, and how its table
/// printing drops a failed sort where the other formats report it.
/// </summary>
public class SortByTests
{
    private readonly KubectlTerminal _terminal = new();

    /// <summary>Pods created five seconds apart, in an order that is not name order.</summary>
    private void CreatePods(params (string Name, string Cpu)[] pods)
    {
        foreach (var (name, cpu) in pods)
        {
            _terminal.Ok($"kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: \"{cpu}\"\nEOF");
            _terminal.Cluster.Advance(TimeSpan.FromSeconds(5));
        }
    }

    private List<string> Names(string commandLine) =>
        _terminal.Ok(commandLine).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ')[0]).ToList();

    [Fact]
    public void Timestamps_sort_by_time_in_every_spelling_of_the_path()
    {
        CreatePods(("web-10", "1"), ("web-2", "500m"), ("web-1", "250m"));

        Assert.Equal(["web-1", "web-10", "web-2"], Names("kubectl get pods"));
        Assert.Equal(["web-10", "web-2", "web-1"], Names("kubectl get pods --sort-by=.metadata.creationTimestamp"));
        Assert.Equal(["web-10", "web-2", "web-1"], Names("kubectl get pods --sort-by={.metadata.creationTimestamp}"));
        Assert.Equal(["web-10", "web-2", "web-1"], Names("kubectl get pods --sort-by=metadata.creationTimestamp"));
    }

    [Fact]
    public void Names_compare_byte_wise_across_namespaces()
    {
        _terminal.Ok("kubectl create namespace alpha");
        _terminal.Ok("kubectl run zz -n alpha --image=nginx");
        _terminal.Ok("kubectl run aa --image=nginx");
        _terminal.Ok("kubectl run web-10 --image=nginx");
        _terminal.Ok("kubectl run web-2 --image=nginx");

        var names = _terminal.Ok("kubectl get pods -A --sort-by=.metadata.name").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).Where(n => n is "zz" or "aa" or "web-10" or "web-2").ToList();
        Assert.Equal(["aa", "web-10", "web-2", "zz"], names);
    }

    [Fact]
    public void Quantities_compare_as_quantities_and_numbers_as_numbers()
    {
        CreatePods(("a", "1"), ("b", "500m"), ("c", "250m"));

        Assert.Equal(["c", "b", "a"], Names("kubectl get pods --sort-by=.spec.containers[0].resources.requests.cpu"));
        _terminal.Ok("kubectl patch pod a -p '{\"spec\":{\"activeDeadlineSeconds\":100}}'");
        _terminal.Ok("kubectl patch pod b -p '{\"spec\":{\"activeDeadlineSeconds\":9}}'");
        // c has no deadline, so it comes first; 9 comes before 100 as a number, not as text.
        Assert.Equal(["c", "b", "a"], Names("kubectl get pods --sort-by=.spec.activeDeadlineSeconds"));
    }

    [Fact]
    public void Every_list_format_sorts_the_whole_list_even_across_kinds()
    {
        CreatePods(("web-3", "1"), ("web-1", "1"), ("web-2", "1"));
        _terminal.Ok("kubectl create configmap web-20 --from-literal=k=v");

        Assert.Equal("pod/web-3\npod/web-1\npod/web-2\n", _terminal.Ok("kubectl get pods -o name --sort-by=.metadata.creationTimestamp"));
        Assert.Equal("web-3 web-1 web-2", _terminal.Ok("kubectl get pods -o jsonpath='{.items[*].metadata.name}' --sort-by=.metadata.creationTimestamp"));
        Assert.Equal(["web-3", "web-1", "web-2"], Names("kubectl get pods -o custom-columns=NAME:.metadata.name --sort-by=.metadata.creationTimestamp"));
        var yaml = _terminal.Ok("kubectl get pods -o yaml --sort-by=.metadata.creationTimestamp");
        Assert.True(yaml.IndexOf("name: web-3\n", StringComparison.Ordinal) < yaml.IndexOf("name: web-1\n", StringComparison.Ordinal));
        var mixed = _terminal.Ok("kubectl get pods,configmaps -o name --sort-by=.metadata.name").Split('\n').Where(l => l.Contains("/web-")).ToList();
        Assert.Equal(["pod/web-1", "pod/web-2", "configmap/web-20", "pod/web-3"], mixed);
    }

    [Fact]
    public void Several_tables_are_sorted_as_objects_first_which_fails_but_a_list_of_them_sorts()
    {
        CreatePods(("b", "1"), ("a", "1"));

        Assert.Equal("error: couldn't find any field with path \"{.metadata.name}\" in the list of objects\n", Fail("kubectl get pods b a --sort-by=.metadata.name"));
        Assert.Equal("error: couldn't find any field with path \"{.metadata.name}\" in the list of objects\n", Fail("kubectl get pods,configmaps --sort-by=.metadata.name"));
        Assert.Equal("pod/a\npod/b\n", _terminal.Ok("kubectl get pods b a -o name --sort-by=.metadata.name"));
        Assert.Equal(["b"], Names("kubectl get pod b --sort-by=.spec.nope"));
    }

    [Fact]
    public void Events_sort_by_last_timestamp()
    {
        CreatePods(("b", "1"), ("a", "1"));
        _terminal.Settle();

        var output = _terminal.Ok("kubectl get events --sort-by=.lastTimestamp -o custom-columns=TIME:.lastTimestamp --no-headers");

        var times = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.True(times.Count > 5);
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    [Fact]
    public void A_failed_sort_prints_no_table_but_is_an_error_in_the_other_formats()
    {
        CreatePods(("a", "1"), ("b", "1"));

        // kubectl's table printing drops the sorter's error, and then finds it printed nothing.
        Assert.Equal("No resources found in default namespace.\n", _terminal.Ok("kubectl get pods --sort-by=.spec.nope"));
        Assert.Equal("No resources found in default namespace.\n", _terminal.Ok("kubectl get pods --sort-by={.metadata.name"));
        Assert.Equal("error: couldn't find any field with path \"{.spec.nope}\" in the list of objects\n", Fail("kubectl get pods -o name --sort-by=.spec.nope"));
        Assert.Equal("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
            Fail("kubectl get pods -o name --sort-by={.metadata.name"));
        // A single object is not a list, and an empty list has nothing to sort: neither is checked.
        Assert.Equal("pod/a\n", _terminal.Ok("kubectl get pod a -o name --sort-by=.spec.nope"));
        Assert.Equal("No resources found in other namespace.\n", _terminal.Ok("kubectl get pods -n other -o name --sort-by=.spec.nope"));
    }

    [Fact]
    public void An_unsortable_value_ends_kubectl_with_klogs_fatal_line()
    {
        CreatePods(("a", "1"), ("b", "1"));

        Assert.Matches(@"^F0501 12:00:\d\d\.000000       1 sorter\.go:375\] Field \{\.metadata\.annotations\} in \[\]\[\]\[\]reflect\.Value is an unsortable type: interface, err: unsortable type: map\[string\]interface \{\}\n$",
            Fail("kubectl get pods --sort-by=.metadata.annotations"));
        Assert.Matches(@"sorter\.go:329\] Field \{\.metadata\.annotations\} in \*unstructured\.Unstructured is an unsortable type",
            Fail("kubectl get pods -o name --sort-by=.metadata.annotations"));
    }

    private string Fail(string commandLine)
    {
        var result = _terminal.Run(commandLine);
        Assert.Equal(1, result.ExitCode);
        return result.Output;
    }
}

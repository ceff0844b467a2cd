using BenchmarkDotNet.Running;
using Playground.Benchmarks;

// "memory" prints what idle sandboxes keep alive, "memory-large" what one sandbox of 5,000 nodes and 50,000 pods
// keeps; anything else goes to BenchmarkDotNet's switcher.
if (args is ["memory", ..])
    RetainedMemory.Print(args.Length > 1 ? int.Parse(args[1]) : 20);
else if (args is ["memory-large", ..])
    LargeSandboxMemory.Print(
        args.Length > 1 ? int.Parse(args[1]) : 5000,
        args.Length > 2 ? int.Parse(args[2]) : 50,
        args.Length > 3 ? int.Parse(args[3]) : 1000);
else
    BenchmarkSwitcher.FromAssembly(typeof(RetainedMemory).Assembly).Run(args);

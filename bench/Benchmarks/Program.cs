using BenchmarkDotNet.Running;
using Playground.Benchmarks;

// "memory" prints what idle sandboxes keep alive; anything else goes to BenchmarkDotNet's switcher.
if (args is ["memory", ..])
    RetainedMemory.Print(args.Length > 1 ? int.Parse(args[1]) : 20);
else
    BenchmarkSwitcher.FromAssembly(typeof(RetainedMemory).Assembly).Run(args);

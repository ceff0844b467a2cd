using Playground.Core.Simulation;

namespace Playground.Server.Sandboxes;

/// <summary>A piece of work for a sandbox's loop; its outcome is held back until the turn's writes are committed.</summary>
internal abstract class SandboxCommand
{
    public abstract void Execute(SimulatedCluster cluster);
    public abstract void Complete();
    public abstract void Fail(Exception error);
}

internal sealed class SandboxCommand<T>(Func<SimulatedCluster, T> work) : SandboxCommand
{
    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _value;
    private Exception? _error;

    public Task<T> Result => _result.Task;

    public override void Execute(SimulatedCluster cluster)
    {
        try
        {
            _value = work(cluster);
        }
        catch (Exception e)
        {
            // The command's own failure (a refused request, say) is its result, not the sandbox's.
            _error = e;
        }
    }

    public override void Complete()
    {
        if (_error is null) _result.TrySetResult(_value!);
        else _result.TrySetException(_error);
    }

    public override void Fail(Exception error) => _result.TrySetException(error);
}

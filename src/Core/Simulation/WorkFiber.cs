using System.Runtime.ExceptionServices;

namespace Playground.Core.Simulation;

/// <summary>
/// A piece of the loop's work run on a thread of its own, so that a step can stop it between two writes and let it go on
/// later. The loop and the fiber hand control to each other and never run at the same moment, so Core stays lock-free.
/// </summary>
internal sealed class WorkFiber
{
    [ThreadStatic] private static WorkFiber? t_current;

    private readonly SemaphoreSlim _toFiber = new(0);
    private readonly SemaphoreSlim _toLoop = new(0);
    private ExceptionDispatchInfo? _failure;
    private bool _finished;

    public WorkFiber(Action work)
    {
        var thread = new Thread(() =>
        {
            t_current = this;
            _toFiber.Wait();
            try
            {
                work();
            }
            catch (Exception e)
            {
                // Rethrown on the loop's thread, where the work would have thrown it without a fiber.
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            _finished = true;
            _toLoop.Release();
        })
        { IsBackground = true, Name = "sandbox step" };
        thread.Start();
    }

    /// <summary>The fiber running on this thread; null on the loop's own thread.</summary>
    public static WorkFiber? Current => t_current;

    /// <summary>Lets the work run until it parks or ends; true when it ended.</summary>
    public bool Resume()
    {
        _toFiber.Release();
        _toLoop.Wait();
        if (!_finished) return false;
        _toFiber.Dispose();
        _toLoop.Dispose();
        _failure?.Throw();
        return true;
    }

    /// <summary>Called on the fiber's thread: hands control back to the loop until <see cref="Resume"/>.</summary>
    public void Park()
    {
        _toLoop.Release();
        _toFiber.Wait();
    }
}

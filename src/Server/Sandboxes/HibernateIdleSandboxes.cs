using Microsoft.Extensions.Options;

namespace Playground.Server.Sandboxes;

/// <summary>Looks for idle sandboxes often enough that one is unloaded at most a quarter of its idle time late.</summary>
internal sealed class HibernateIdleSandboxes(SandboxRegistry registry, IOptions<PlaygroundOptions> options, TimeProvider time, ILogger<HibernateIdleSandboxes> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quarter = options.Value.HibernateAfter / 4;
        var period = quarter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : quarter > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : quarter;
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await registry.HibernateIdleAsync();
                }
                catch (Exception e)
                {
                    // A sandbox that failed to unload stays loaded and is tried again on the next tick.
                    logger.LogWarning(e, "Unloading idle sandboxes failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

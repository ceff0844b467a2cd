namespace Playground.Server.Sandboxes;

/// <summary>
/// Stops the sandboxes while the application is stopping, because a sandbox's last turn may still commit and the
/// services it commits through are gone once the container is disposed.
/// </summary>
internal sealed class StopSandboxesOnShutdown(SandboxRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => registry.StopAllAsync();
}

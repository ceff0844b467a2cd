namespace Playground.Server.Tests;

/// <summary>One server shared by the tests of a class that need no restart; each test makes its own sandboxes.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public PlaygroundServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PlaygroundServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

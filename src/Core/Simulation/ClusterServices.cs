using Playground.Core.ApiServer;
using Playground.Core.Clients;

namespace Playground.Core.Simulation;

/// <summary>What every component of the control plane is given: the API, shared informers, the loop and clock, randomness.</summary>
public sealed record ClusterServices(
    ApiServer.ApiServer Api,
    InformerFactory Informers,
    EventLoop Loop,
    Clock Clock,
    Random Random,
    ClusterOptions Options)
{
    public EventRecorder Recorder(string component, string? host = null) => new(Api, component, host);
}

/// <summary>A control-plane component (controller, scheduler, kubelet): it starts by registering informer handlers and timers.</summary>
public interface IComponent
{
    string Name { get; }
    void Start();
}

using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Kubectl;
using Playground.Core.Networking;
using Playground.Core.Storage;

namespace Playground.Core.Simulation;

/// <summary>
/// One sandbox's Kubernetes: the API server and its store, the controllers, the scheduler and a kubelet per node,
/// all on one event loop in virtual time. Not thread-safe by design: its owner runs it on one logical thread.
/// </summary>
public sealed partial class SimulatedCluster
{
    /// <summary>The control plane's own address on the simulated node network.</summary>
    public const string ApiServerAddress = "172.18.0.2";

    private readonly IClusterJournal? _journal;
    private readonly List<IComponent> _components = [];
    private KubectlEngine? _kubectl;
    private DateTimeOffset _savedAt;

    private SimulatedCluster(ClusterOptions options, DateTimeOffset now, IClusterJournal? journal)
    {
        Options = options;
        _journal = journal;
        Clock = new Clock(now);
        _savedAt = now;
        Loop = new EventLoop(Clock);
        Store = new Store(options.HistoryWindow);
        Resources = new ResourceRegistry();
        Random = new Random(options.Seed);
        Ips = new IpAllocator();
        Api = new ApiServer.ApiServer(Store, Resources, Clock, Random, Ips) { BeforeWrite = Loop.BeforeWrite, Limits = options.Limits };
        Informers = new InformerFactory(Store, Resources);
        Services = new ClusterServices(Api, Informers, Loop, Clock, Random, options);
    }

    public ClusterOptions Options { get; }
    public Clock Clock { get; }
    public EventLoop Loop { get; }
    public Store Store { get; }
    public ResourceRegistry Resources { get; }
    public ApiServer.ApiServer Api { get; }
    public InformerFactory Informers { get; }
    public ClusterServices Services { get; }
    public IpAllocator Ips { get; }
    public IReadOnlyList<IComponent> Components => _components;
    internal Random Random { get; }

    public DateTimeOffset? NextTimer => Loop.NextTimer;

    /// <summary>
    /// While paused, a person's own commands (kubectl, faults, node operations) make only their own writes; what the
    /// control plane does about them waits for a step, an advance or a settle, so it can be watched one write at a time.
    /// </summary>
    public bool Paused { get; set; }

    /// <summary>
    /// A new cluster: system namespaces, the kubernetes service, the kubeadm add-ons, and its nodes registered by their
    /// kubelets. Like kind, it is handed over once the add-ons are up: the bootstrap runs in the virtual time before the start.
    /// </summary>
    /// <param name="afterRevision">
    /// Where the revisions go on from when this cluster replaces another of the same sandbox (a reset): the old ones are
    /// never reused, and a watch from one of them gets 410 Gone, so clients relist instead of waiting for a revision that went.
    /// </param>
    public static SimulatedCluster Create(ClusterOptions? options = null, IClusterJournal? journal = null, long afterRevision = 0)
    {
        options ??= new ClusterOptions();
        var start = options.Start ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var cluster = new SimulatedCluster(options, start - Addons.KubeadmAddons.StartupTime, journal);
        if (afterRevision > 0) cluster.Store.Load(afterRevision, [], []);
        cluster.Bootstrap();
        cluster.StartComponents(Enumerable.Range(1, options.Nodes).Select(i => $"node-{i}"));
        cluster.AdvanceTo(start);
        return cluster;
    }

    /// <summary>A cluster as it was persisted; every component resyncs from the stored objects, as after a real restart.</summary>
    public static SimulatedCluster Restore(ClusterState state, IClusterJournal? journal = null)
    {
        var cluster = new SimulatedCluster(state.Options with { Seed = state.Options.Seed + (int)(state.Revision % int.MaxValue) }, state.Now, journal);
        cluster.Store.Load(state.Revision, state.Objects, state.History ?? []);
        foreach (var service in cluster.Api.List<Service>()) cluster.ReserveAddresses(service);
        cluster.StartComponents(cluster.Api.List<Node>().Select(n => n.Metadata.Name!));
        cluster.RunPending();
        return cluster;
    }

    /// <summary>Runs a line typed in the terminal through the kubectl engine, then lets the control plane react to it.</summary>
    /// <param name="context">The kubeconfig context the terminal keeps (its namespace is the default of -n).</param>
    public KubectlResult Kubectl(string commandLine, string? stdin = null, KubeconfigContext? context = null)
    {
        var result = (_kubectl ??= new KubectlEngine(Api)).Execute(commandLine, stdin, context);
        React();
        return result;
    }

    public void RunPending() => Loop.RunPending();

    /// <summary>Lets the control plane react to a person's command at once, unless the cluster is <see cref="Paused"/>.</summary>
    private void React()
    {
        if (!Paused) RunPending();
    }

    public void AdvanceTo(DateTimeOffset time) => Loop.AdvanceTo(time);

    public void Advance(TimeSpan duration) => Loop.AdvanceTo(Clock.Now + duration);

    /// <summary>Lets virtual time run until no work or timers are left (or <paramref name="limit"/> passes); true when idle.</summary>
    public bool RunUntilIdle(TimeSpan? limit = null) => Loop.RunUntilIdle(limit ?? TimeSpan.FromHours(1));

    /// <summary>
    /// Hands the writes made since the last flush to the journal, so they are durable before anyone is told; with no
    /// writes, the clock alone is saved once it has moved a second, or whenever it moved and <paramref name="shown"/>
    /// says someone is about to see it, so a restart never turns time back behind what anyone saw.
    /// </summary>
    public IReadOnlyList<WriteRecord> Flush(bool shown = false)
    {
        var writes = Store.TakeUncommitted();
        if (writes.Count > 0 || Clock.Now - _savedAt >= TimeSpan.FromSeconds(1) || (shown && Clock.Now != _savedAt))
        {
            _journal?.Commit(writes, Clock.Now);
            _savedAt = Clock.Now;
        }
        return writes;
    }

    private void Bootstrap()
    {
        foreach (var name in new[] { "default", "kube-node-lease", "kube-public", "kube-system" })
            Api.Create(new Namespace { Metadata = new ObjectMeta { Name = name } }, WriteContext.ApiServer);
        Api.Create(Controllers.PersistentVolumes.LocalPathProvisioner.StandardClass(), WriteContext.ApiServer);
        Api.Create(new Service
        {
            Metadata = new ObjectMeta
            {
                Name = "kubernetes",
                Namespace = "default",
                Labels = new() { ["component"] = "apiserver", ["provider"] = "kubernetes" },
            },
            Spec = new ServiceSpec
            {
                ClusterIP = IpAllocator.KubernetesServiceIp,
                Ports = [new ServicePort { Name = "https", Port = 443, Protocol = "TCP", TargetPort = 6443 }],
            },
        }, WriteContext.ApiServer);
        // The API server keeps its own service's endpoints, since that service has no selector for the endpoints controller.
        Api.Create(new Endpoints
        {
            Metadata = new ObjectMeta { Name = "kubernetes", Namespace = "default", Labels = new() { ["endpointslice.kubernetes.io/skip-mirror"] = "true" } },
            Subsets = [new EndpointSubset
            {
                Addresses = [new EndpointAddress { Ip = ApiServerAddress }],
                Ports = [new EndpointPort { Name = "https", Port = 6443, Protocol = "TCP" }],
            }],
        }, WriteContext.ApiServer);
        NetworkBootstrap.Create(Api, ApiServerAddress);
        Addons.KubeadmAddons.Install(Api, Resources);
    }

    private void ReserveAddresses(Service service)
    {
        if (service.Spec.ClusterIP is { } ip and not ("None" or "")) Ips.ReserveClusterIp(ip);
        foreach (var port in service.Spec.Ports ?? [])
            if (port.NodePort is int nodePort) Ips.ReserveNodePort(nodePort);
    }

    private void StartComponents(IEnumerable<string> nodeNames)
    {
        _components.AddRange(ControlPlane.Components(Services, nodeNames));
        foreach (var component in _components) component.Start();
    }
}

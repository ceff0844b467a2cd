using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl expose (TYPE NAME | TYPE/NAME) [--port] [--target-port] [--type] [--name]: a Service selecting what the
/// pod, deployment, replica set or service selects, with the ports given or found in its containers.
/// </summary>
public sealed class ExposeCommand : Command
{
    private static readonly string[] Types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];

    public override string Name => "expose";
    public override string Summary => "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service";
    public override string Usage => "kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("port", null, "The port that the service should serve on. Copied from the resource being exposed, if unspecified"),
        Flag.String("target-port", null, "Name or number for the port on the container that the service should direct traffic to. Optional."),
        Flag.String("protocol", null, "The network protocol for the service to be created. Default is 'TCP'."),
        Flag.String("name", null, "The name for the newly created object."),
        Flag.String("type", null, "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'."),
        Flag.String("cluster-ip", null, "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."),
        Flag.String("external-ip", null, "Additional external IP address (not managed by Kubernetes) to accept for the service."),
        Flag.String("selector", null, "A label selector to use for this service. Only equality-based selector requirements are supported."),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args.Positionals;
        if (args.Count == 0)
            throw new KubectlException("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
        var selection = ResourceArgs.Parse(args, context.Resources)[0];
        if (selection.Names.Count == 0) throw KubectlException.Error("resource(s) were provided, but no name was specified");
        var obj = context.Api.Get(selection.Type, context.Namespace, selection.Names[0]);
        var (selector, ports) = obj switch
        {
            Pod pod => (pod.Metadata.Labels, ContainerPorts(pod.Spec)),
            Deployment d => (Equality(d.Spec.Selector, "deployment"), ContainerPorts(d.Spec.Template.Spec)),
            ReplicaSet rs => (Equality(rs.Spec.Selector, "replicaset"), rs.Spec.Template is { } t ? ContainerPorts(t.Spec) : []),
            Service svc => (svc.Spec.Selector, (svc.Spec.Ports ?? []).Select(p => (Port: p.Port, Protocol: p.Protocol ?? "TCP")).ToList()),
            _ => throw KubectlException.Error($"cannot expose a {obj.Kind}"),
        };
        if (context.Args.String("selector") is { } given)
            selector = given.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (selector is not { Count: > 0 })
            throw KubectlException.Error($"couldn't retrieve selectors via --selector flag or introspection: the {obj.Kind.ToLowerInvariant()} has no labels\nSee 'kubectl expose -h' for help and examples");

        var type = context.Args.String("type");
        if (type is not null && !Types.Contains(type))
            throw KubectlException.Error($"cannot expose a service of type {type}; supported types: {string.Join(", ", Types)}");
        var protocol = context.Args.String("protocol");
        var targetPort = context.Args.String("target-port");
        if (context.Args.String("port") is { } portText)
        {
            if (!int.TryParse(portText, out var port)) throw KubectlException.Error($"invalid port {portText}");
            ports = [(port, protocol ?? "TCP")];
        }
        if (ports.Count == 0 && type != "ExternalName")
            throw new KubectlException("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");

        var servicePorts = ports.Select((p, i) => new ServicePort
        {
            Name = ports.Count > 1 ? $"port-{i + 1}" : null,
            Port = p.Port,
            Protocol = protocol ?? p.Protocol,
            TargetPort = targetPort is null ? p.Port : int.TryParse(targetPort, out var number) ? number : targetPort,
        }).ToList();
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = context.Args.String("name") ?? obj.Metadata.Name, Namespace = context.Namespace, Labels = obj.Metadata.Labels },
            Spec = new ServiceSpec
            {
                Ports = servicePorts,
                Selector = new Dictionary<string, string>(selector),
                Type = type,
                ClusterIP = context.Args.String("cluster-ip"),
                ExternalIPs = context.Args.String("external-ip") is { } externalIp ? [externalIp] : null,
            },
        };
        var created = context.Api.Create(service, ApiServer.WriteContext.Kubectl);
        context.WriteLine($"service/{created.Metadata.Name} exposed");
    }

    private static List<(int Port, string Protocol)> ContainerPorts(PodSpec spec) =>
        spec.Containers.SelectMany(c => c.Ports ?? []).Select(p => (p.Number, p.Protocol ?? "TCP")).ToList();

    /// <summary>Only matchLabels can become a service selector, as upstream's MapBasedSelectorForObject requires.</summary>
    private static Dictionary<string, string>? Equality(LabelSelector? selector, string kind)
    {
        if (selector?.MatchExpressions is { Count: > 0 })
            throw KubectlException.Error($"couldn't retrieve selectors via --selector flag or introspection: {kind} has expressions in its selector and cannot be exposed\nSee 'kubectl expose -h' for help and examples");
        return selector?.MatchLabels;
    }
}

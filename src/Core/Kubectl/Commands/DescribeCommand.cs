using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers;
using Playground.Core.Controllers.Deployments;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers.Describe;
using CoreNamespace = Playground.Core.Api.Core.Namespace;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl describe: a human description of each object, ending with its events.</summary>
public sealed class DescribeCommand : Command
{
    public override string Name => "describe";
    public override string Summary => "Show details of a specific resource or group of resources";
    public override string Usage => "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)."),
        Flag.Bool("all-namespaces", 'A', "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        Flag.Bool("show-events", null, "If true, display events related to the described object."),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args.Positionals;
        var selections = ResourceArgs.Parse(args, context.Resources);
        if (selections.Count == 0)
            throw KubectlException.Error("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.");
        var ns = context.Args.Bool("all-namespaces") ? null : context.Namespace;

        var objects = new List<KubeObject>();
        foreach (var selection in selections)
        {
            if (selection.Names.Count == 0)
            {
                objects.AddRange(context.Api.List(selection.Type, ns, Selectors.Labels(context.Args.String("selector"), selection.Type)));
                continue;
            }
            foreach (var name in selection.Names)
            {
                if (context.Api.TryGet(selection.Type, ns, name) is { } obj)
                {
                    objects.Add(obj);
                    continue;
                }
                // "kubectl describe pods web" describes every pod whose name starts with "web".
                var matches = args.Count == 2 && !args[0].Contains('/')
                    ? context.Api.List(selection.Type, ns).Where(o => o.Metadata.Name!.StartsWith(name, StringComparison.Ordinal)).ToList()
                    : [];
                if (matches.Count == 0) context.Error(ApiErrors.Format(ApiException.NotFound(selection.Type, name)));
                objects.AddRange(matches);
            }
        }

        if (objects.Count == 0 && !context.Failed)
        {
            context.WriteLine(ns is null ? "No resources found" : $"No resources found in {ns} namespace.");
            return;
        }
        var showEvents = !context.Args.IsSet("show-events") || context.Args.Bool("show-events");
        context.Write(string.Join("\n\n", objects.Select(o => Describe(context, o, showEvents))));
    }

    private static string Describe(CommandContext context, KubeObject obj, bool showEvents)
    {
        var api = context.Api;
        var now = context.Now;
        IReadOnlyList<Event> events = showEvents ? EventsFor(api, obj) : [];
        switch (obj)
        {
            case Pod pod:
                return PodDescriber.Describe(pod, events, now);
            case Deployment d:
                var owned = DeploymentRevisions.Owned(api, d);
                var newRs = Templates.FindNew(d, owned);
                return DeploymentDescriber.Describe(d, owned.Where(rs => rs != newRs).ToList(), newRs, events, now);
            case StatefulSet set:
                return StatefulSetDescriber.Describe(set, OwnedPods(api, set), events, now);
            case DaemonSet ds:
                return DaemonSetDescriber.Describe(ds, OwnedPods(api, ds), events, now);
            case ReplicaSet rs:
                var pods = api.List<Pod>(rs.Metadata.Namespace).Where(p => ControllerRefs.ControllerOf(p)?.Uid == rs.Metadata.Uid).ToList();
                return ReplicaSetDescriber.Describe(rs, pods, events, now);
            case Node node:
                var onNode = api.List<Pod>().Where(p => p.Spec.NodeName == node.Metadata.Name).ToList();
                var lease = api.TryGet<Api.Coordination.Lease>(Kubelet.Kubelet.LeaseNamespace, node.Metadata.Name!);
                return NodeDescriber.Describe(node, lease, onNode, events, now);
            case Service svc:
                var slices = api.List<Api.Discovery.EndpointSlice>(svc.Metadata.Namespace)
                    .Where(s => s.Metadata.Labels?.GetValueOrDefault(Controllers.EndpointSlices.EndpointSliceController.ServiceNameLabel) == svc.Metadata.Name).ToList();
                return ServiceDescriber.Describe(svc, slices, events, now);
            case ConfigMap cm:
                return ConfigMapDescriber.Describe(cm, events, now);
            case Secret secret:
                return SecretDescriber.Describe(secret);
            case ResourceQuota quota:
                return ResourceQuotaDescriber.Describe(quota);
            case ServiceAccount sa:
                return ServiceAccountDescriber.Describe(sa, events, now);
            case Api.Storage.StorageClass sc:
                return StorageClassDescriber.Describe(sc, events, now);
            case LimitRange range:
                return LimitRangeDescriber.Describe(range);
            case PersistentVolume pv:
                return PersistentVolumeDescriber.Describe(pv, events, now);
            case PersistentVolumeClaim pvc:
                return PersistentVolumeClaimDescriber.Describe(pvc, PersistentVolumeClaimDescriber.PodsUsing(api, pvc), events, now);
            case CoreNamespace ns:
                return NamespaceDescriber.Describe(ns);
            case Endpoints ep:
                return EndpointsDescriber.Describe(ep, events, now);
            case Api.Networking.Ingress ingress:
                return IngressDescriber.Describe(ingress, api, events, now);
            case Api.Batch.Job job:
                return JobDescriber.Describe(job, events, now);
            case Api.Batch.CronJob cronJob:
                return CronJobDescriber.Describe(cronJob, events, now);
            case Api.Policy.PodDisruptionBudget pdb:
                return PodDisruptionBudgetDescriber.Describe(pdb, events, now);
            case Api.Autoscaling.HorizontalPodAutoscaler hpa:
                return HorizontalPodAutoscalerDescriber.Describe(hpa, events, now);
            default:
                return GenericDescriber.Describe(obj, events, now);
        }
    }

    /// <summary>The pods a workload controls, as getPodStatusForController counts them.</summary>
    private static List<Pod> OwnedPods(ApiServer.ApiServer api, KubeObject owner) =>
        api.List<Pod>(owner.Metadata.Namespace).Where(p => ControllerRefs.ControllerOf(p)?.Uid == owner.Metadata.Uid).ToList();

    /// <summary>
    /// The events about an object, as kubectl's searchEvents finds them: same name, namespace and uid (for a pod any
    /// kind; a node's events may carry its name as uid, since kubelets record them so).
    /// </summary>
    private static IReadOnlyList<Event> EventsFor(ApiServer.ApiServer api, KubeObject obj)
    {
        var meta = obj.Metadata;
        return api.List<Event>(meta.Namespace).Where(e =>
            e.InvolvedObject.Name == meta.Name
            && (e.InvolvedObject.Namespace ?? "") == (meta.Namespace ?? "")
            && (obj is Pod || e.InvolvedObject.Kind == obj.Kind)
            && (e.InvolvedObject.Uid is null || e.InvolvedObject.Uid == meta.Uid || (obj is Node && e.InvolvedObject.Uid == meta.Name)))
            .ToList();
    }
}

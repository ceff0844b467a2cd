using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Scheduling.Framework;
using Playground.Core.Scheduling.Plugins;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Scheduling;

/// <summary>
/// kube-scheduler: takes unscheduled pods from its queue one at a time, filters the nodes, scores the feasible ones,
/// and binds the pod to the best; when none fits it says why (FailedScheduling, PodScheduled=False) and waits for
/// the cluster to change.
/// </summary>
public sealed class Scheduler(ClusterServices services) : IComponent
{
    public const string SchedulerName = "default-scheduler";

    private readonly EventRecorder _recorder = services.Recorder(SchedulerName);
    private readonly Profile _profile = new(PluginRegistry.Default);

    /// <summary>Where the next cycle starts looking for feasible nodes, as upstream's nextStartNodeIndex.</summary>
    private int _nextStartNodeIndex;
    private Informer<Pod> _pods = null!;
    private Informer<Node> _nodes = null!;
    private SchedulingQueue _queue = null!;
    private bool _pumping;
    private VolumeBinding _volumes = null!;
    private SchedulerCache _cache = null!;

    public string Name => SchedulerName;

    /// <summary>Every recent attempt's per-node filter verdicts and scores, by pod uid.</summary>
    public SchedulingLog Log { get; } = new();

    public SchedulingQueue Queue => _queue;

    public void Start()
    {
        _queue = new SchedulingQueue(services.Loop, Pump);
        _queue.StartFlushing();
        _nodes = services.Informers.For<Node>();
        _pods = services.Informers.For<Pod>();
        _cache = new SchedulerCache(_nodes);
        _nodes.OnChange(OnNodeChange);
        _pods.OnChange(OnPodChange);
        _volumes = new VolumeBinding(services, cause => _queue.MoveAll(cause));
    }

    /// <summary>Pods this scheduler must place: its own, not yet bound, not being deleted.</summary>
    public static bool NeedsScheduling(Pod pod) =>
        string.IsNullOrEmpty(pod.Spec.NodeName)
        && (pod.Spec.SchedulerName ?? SchedulerName) == SchedulerName
        && pod.Metadata.DeletionTimestamp is null;

    private void OnPodChange(Pod? old, Pod? current, long? revision)
    {
        var key = Informer<Pod>.KeyOf((current ?? old)!);
        _cache.Assign(key, old, current);
        if (current is not null && NeedsScheduling(current))
        {
            if (!_queue.Contains(key)) _queue.Add(key, current.Spec.Priority ?? 0, revision);
            else if (old is not null && SchedulingInputChanged(old, current)) _queue.Update(key, current.Spec.Priority ?? 0, revision);
            return;
        }
        _queue.Remove(key);
        // An assigned pod leaving the node (deleted, or finished) frees room that unschedulable pods may fit in.
        if (old is not null && SchedulerCache.Counts(old) && (current is null || !SchedulerCache.Counts(current))) _queue.MoveAll(revision);
    }

    private void OnNodeChange(Node? old, Node? current, long? revision)
    {
        _cache.NodeChanged(old, current);
        if (current is not null && (old is null || NodeChanged(old, current))) _queue.MoveAll(revision);
    }

    private void Pump()
    {
        if (_pumping) return;
        _pumping = true;
        services.Loop.Post(ScheduleNext);
    }

    /// <summary>One scheduling cycle per turn of the loop, so other components act between pods as they would in real time.</summary>
    private void ScheduleNext()
    {
        _pumping = false;
        if (_queue.Pop() is { } entry) ScheduleOne(entry);
        if (_queue.HasActive) Pump();
    }

    private void ScheduleOne(SchedulingQueue.Entry entry)
    {
        var pod = _pods.Get(entry.Key);
        if (pod is null || !NeedsScheduling(pod))
        {
            _queue.Remove(entry.Key);
            return;
        }
        var context = new WriteContext(SchedulerName, entry.Cause);
        var podInfo = new PodInfo(pod);
        var snapshot = _cache.Update();
        var nodes = snapshot.Nodes;
        if (nodes.Count == 0)
        {
            Fail(pod, FitError.NoNodesAvailable, NodeVerdicts.None, context, null);
            return;
        }

        if (_volumes.PreFilter(pod) is { } volumeProblem)
        {
            Fail(pod, FitError.PreFilterMessage(nodes.Count, volumeProblem), NodeVerdicts.None, context, null);
            return;
        }
        _profile.RunPreFilters(podInfo, snapshot);
        if (podInfo.PreFilterRejection is { } rejection)
        {
            Fail(pod, FitError.PreFilterMessage(nodes.Count, rejection), NodeVerdicts.None, context, null);
            return;
        }
        // Nodes PreFilter ruled out are not filtered at all; the failure message counts them under the plugins that did.
        var candidates = podInfo.NodeNames is var (names, _) ? snapshot.Named(names) : nodes;
        var absent = podInfo.NodeNames is var (_, plugins)
            ? FilterResult.Unresolvable($"node(s) didn't satisfy plugin(s) [{string.Join(" ", plugins.Order(StringComparer.Ordinal))}]")
            : null;
        var wanted = FeasibleNodes.ToFind(candidates.Count);
        var verdicts = new NodeVerdicts(wanted);
        var feasible = new List<NodeInfo>(wanted);
        // Upstream stops filtering once it has enough feasible nodes, and the next cycle goes on from there.
        for (var i = 0; i < candidates.Count && feasible.Count < wanted; i++)
        {
            var node = candidates[(_nextStartNodeIndex + i) % candidates.Count];
            var (plugin, result) = _profile.RunFilters(podInfo, node);
            if (result.IsSuccess)
            {
                feasible.Add(node);
                verdicts.Passed(node);
            }
            else verdicts.Rejected(node, plugin!, result);
        }
        _nextStartNodeIndex = (_nextStartNodeIndex + verdicts.Count) % nodes.Count;

        if (feasible.Count == 0)
        {
            var statuses = verdicts.Statuses();
            var preemption = Preemption.Run(podInfo, nodes, statuses, absent, _profile);
            if (preemption.Node is not null) Preempt(pod, preemption, context);
            var reasons = statuses.Values.Concat(Enumerable.Repeat(absent!, absent is null ? 0 : nodes.Count - statuses.Count));
            Fail(pod, FitError.Message(nodes.Count, reasons, preemption.Message), verdicts, context, preemption.Node?.Name);
            return;
        }

        // With one feasible node upstream skips scoring altogether.
        string selected;
        if (feasible.Count == 1) selected = feasible[0].Name;
        else
        {
            verdicts.Scores = _profile.RunScores(podInfo, feasible, snapshot);
            selected = feasible[SelectHost(verdicts.Scores.Totals)].Name;
        }
        if (_volumes.PreBind(pod, selected, context, () => Bind(pod, selected, verdicts, context)))
            Bind(pod, selected, verdicts, context);
    }

    private void Bind(Pod pod, string node, NodeVerdicts verdicts, WriteContext context)
    {
        var key = Informer<Pod>.KeyOf(pod);
        Pod bound;
        try
        {
            bound = services.Api.Bind(pod.Metadata.Namespace!, pod.Metadata.Name!, node, context);
        }
        catch (ApiException e)
        {
            Record(pod, verdicts, null, $"binding rejected: {e.Message}");
            if (e.Code == 404) _queue.Remove(key);
            else _queue.Retry(key);
            return;
        }
        _queue.Remove(key);
        Record(pod, verdicts, node, null);
        _recorder.Normal(bound, "Scheduled", $"Successfully assigned {pod.Metadata.Namespace}/{pod.Metadata.Name} to {node}", context);
    }

    /// <summary>
    /// Records the failure as upstream's handleSchedulingFailure does: a FailedScheduling event, then the pod's
    /// PodScheduled condition (written only when it changes), then back to the queue to wait.
    /// </summary>
    private void Fail(Pod pod, string message, NodeVerdicts verdicts, WriteContext context, string? nominatedNode)
    {
        Record(pod, verdicts, null, message);
        _recorder.Warning(pod, "FailedScheduling", message, context);
        var updated = KubeJson.Clone(pod);
        var status = updated.Status ??= new PodStatus { Phase = "Pending" };
        var conditions = status.Conditions ??= [];
        var existing = conditions.FirstOrDefault(c => c.Type == "PodScheduled");
        var conditionChanged = existing is null || existing.Status != "False" || existing.Reason != "Unschedulable" || existing.Message != message;
        var nominationChanged = nominatedNode is not null && status.NominatedNodeName != nominatedNode;
        if (conditionChanged || nominationChanged)
        {
            var condition = new Condition
            {
                Type = "PodScheduled",
                Status = "False",
                Reason = "Unschedulable",
                Message = message,
                LastTransitionTime = existing?.Status == "False" ? existing.LastTransitionTime : services.Clock.Now,
            };
            if (existing is null) conditions.Add(condition);
            else conditions[conditions.IndexOf(existing)] = condition;
            if (nominatedNode is not null) status.NominatedNodeName = nominatedNode;
            try
            {
                services.Api.UpdateStatus(updated, context);
            }
            catch (ApiException)
            {
                // The pod changed or went away meanwhile; its informer event requeues or forgets it.
            }
        }
        _queue.Unschedulable(Informer<Pod>.KeyOf(pod));
    }

    /// <summary>Evicts the victims preemption chose: marked as disrupted, told why, then deleted gracefully.</summary>
    private void Preempt(Pod preemptor, PreemptionResult preemption, WriteContext context)
    {
        foreach (var victim in preemption.Victims)
        {
            var pod = KubeJson.Clone(victim.Pod);
            var conditions = (pod.Status ??= new PodStatus()).Conditions ??= [];
            conditions.RemoveAll(c => c.Type == "DisruptionTarget");
            conditions.Add(new Condition
            {
                Type = "DisruptionTarget",
                Status = "True",
                Reason = "PreemptionByScheduler",
                Message = $"{SchedulerName}: preempting to accommodate a higher priority pod",
                LastTransitionTime = services.Clock.Now,
            });
            try
            {
                services.Api.UpdateStatus(pod, context);
                _recorder.Normal(victim.Pod, "Preempted", $"Preempted by pod {preemptor.Metadata.Uid} on node {preemption.Node!.Name}", context);
                services.Api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, context);
            }
            catch (ApiException)
            {
                // Already gone: nothing left to evict.
            }
        }
    }

    /// <summary>
    /// The highest total wins; equal totals are a fair draw (reservoir sampling, as upstream's selectHost), made with
    /// the sandbox's seeded randomness so a run is reproducible.
    /// </summary>
    private int SelectHost(long[] totals)
    {
        var best = 0;
        var ties = 1;
        for (var i = 1; i < totals.Length; i++)
        {
            if (totals[i] > totals[best])
            {
                best = i;
                ties = 1;
            }
            else if (totals[i] == totals[best] && services.Random.Next(++ties) == 0) best = i;
        }
        return best;
    }

    private void Record(Pod pod, NodeVerdicts verdicts, string? node, string? message) =>
        Log.Add(new SchedulingAttempt(services.Clock.Now, Informer<Pod>.KeyOf(pod), pod.Metadata.Uid ?? "", verdicts, node, message));

    /// <summary>Only changes a plugin reads can make an unschedulable pod fit; status writes (our own) cannot.</summary>
    private static bool SchedulingInputChanged(Pod old, Pod current) =>
        KubeJson.SerializeValue(old.Spec) != KubeJson.SerializeValue(current.Spec)
        || !SameLabels(old.Metadata.Labels, current.Metadata.Labels);

    private static bool NodeChanged(Node old, Node current) =>
        KubeJson.SerializeValue(old.Spec) != KubeJson.SerializeValue(current.Spec)
        || !SameLabels(old.Metadata.Labels, current.Metadata.Labels)
        || !SameLabels(old.Status?.Allocatable, current.Status?.Allocatable);

    private static bool SameLabels(Dictionary<string, string>? a, Dictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? []).All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value);
}

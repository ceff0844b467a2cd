using Playground.Core.Api.Batch;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.Jobs;

/// <summary>Upstream's ttl-after-finished controller: deletes a finished job (and, through the garbage collector, its pods) ttlSecondsAfterFinished after it finished.</summary>
public sealed class TtlAfterFinishedController : IComponent
{
    public const string Actor = "ttl-after-finished-controller";

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly Informer<Job> _jobs;
    private readonly ControllerQueue _queue;

    public TtlAfterFinishedController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _jobs = services.Informers.For<Job>();
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start() => _jobs.OnChange((_, job, cause) =>
    {
        if (job?.Spec.TtlSecondsAfterFinished is not null && JobConditions.IsFinished(job)) _queue.Add(Informer<Job>.KeyOf(job), cause);
    });

    private void Sync(string key, long? cause)
    {
        if (_jobs.Get(key) is not { } job || job.Metadata.DeletionTimestamp is not null) return;
        if (job.Spec.TtlSecondsAfterFinished is not { } ttl || JobConditions.FinishedAt(job) is not { } finished) return;
        var expiry = finished.AddSeconds(ttl);
        if (expiry > _clock.Now)
        {
            _queue.AddAfter(key, expiry - _clock.Now, cause);
            return;
        }
        try
        {
            _api.Delete<Job>(job.Metadata.Namespace, job.Metadata.Name!, new WriteContext(Actor, cause),
                new DeleteOptions { PropagationPolicy = "Foreground", Preconditions = new Preconditions { Uid = job.Metadata.Uid } });
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Gone or replaced meanwhile.
        }
    }
}

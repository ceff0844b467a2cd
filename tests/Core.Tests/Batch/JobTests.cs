using Playground.Core.Api.Batch;
using Playground.Core.Api.Core;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Batch;

/// <summary>Jobs driven through kubectl and run by the simulation's scheduler and kubelets, checked against the write history.</summary>
public class JobTests
{
    private const string ThreeCompletions = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pi
        spec:
          completions: 3
          parallelism: 2
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: pi
                image: busybox
                command: ["sh", "-c", "echo done; sleep 5"]
        """;

    [Fact]
    public void A_job_with_three_completions_runs_at_most_two_pods_at_a_time_and_completes()
    {
        var cluster = TestCluster.Create();
        Assert.Equal("job.batch/pi created\n", cluster.Kubectl("kubectl apply -f -", ThreeCompletions).Output);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        var job = cluster.Api.Get<Job>("default", "pi");
        Assert.Equal(3, job.Status!.Succeeded);
        Assert.Equal(["SuccessCriteriaMet", "Complete"], job.Status.Conditions!.Select(c => c.Type));
        Assert.All(job.Status.Conditions!, c => Assert.Equal("CompletionsReached", c.Reason));
        Assert.NotNull(job.Status.CompletionTime);
        Assert.Equal(job.Metadata.Uid, job.Spec.Selector!.MatchLabels!["batch.kubernetes.io/controller-uid"]);
        Assert.Equal("pi", job.Spec.Template.Metadata!.Labels!["job-name"]);

        // Never more than two pods running at once, and exactly three created by the job controller.
        var history = cluster.Store.History(0).Where(w => w.Key.Namespace == "default").ToList();
        var created = history.Where(w => w.Kind == "Pod" && w.Type == WriteType.Added).ToList();
        Assert.Equal(3, created.Count);
        Assert.All(created, w => Assert.Equal("job-controller", w.Actor));
        var live = new Dictionary<string, Pod>();
        foreach (var write in history.Where(w => w.Kind == "Pod"))
        {
            if (write.Type == WriteType.Deleted) live.Remove(write.Key.Name);
            else live[write.Key.Name] = (Pod)write.Object;
            Assert.True(live.Values.Count(p => p.Status?.Phase is not ("Succeeded" or "Failed")) <= 2, $"more than two pods active at revision {write.Revision}");
        }
        // The third pod was created only after one of the first two succeeded.
        var firstSuccess = history.First(w => w.Kind == "Pod" && ((Pod)w.Object).Status?.Phase == "Succeeded").Revision;
        Assert.True(created[2].Revision > firstSuccess);
        // Counted pods lose the job-tracking finalizer.
        Assert.All(cluster.Api.List<Pod>("default"), p => Assert.Null(p.Metadata.Finalizers));

        var table = cluster.Kubectl("kubectl get jobs").Output;
        Assert.Matches(@"^NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   3/3           \d+s\s+\d+s\n$", table);
        Assert.Equal(3, CountOf(cluster, "SuccessfulCreate"));
        Assert.Equal(1, CountOf(cluster, "Completed"));
        Assert.Matches(@"Parallelism:\s+2\nCompletions:\s+3\nCompletion Mode:\s+NonIndexed\nSuspend:\s+false\nBackoff Limit:\s+6\nStart Time:.*\nCompleted At:.*\nDuration:\s+\d+s\nPods Statuses:\s+0 Active \(0 Ready\) / 3 Succeeded / 0 Failed\nPod Template:\n",
            cluster.Kubectl("kubectl describe job pi").Output);
    }

    [Fact]
    public void A_failing_job_backs_off_doubling_and_fails_past_its_backoff_limit()
    {
        var cluster = TestCluster.Create();
        var manifest = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: fail
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: fail
                    image: busybox
                    command: ["sh", "-c", "echo hi; exit 1"]
            """;
        Assert.Equal("job.batch/fail created\n", cluster.Kubectl("kubectl apply -f -", manifest).Output);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(10));

        var job = cluster.Api.Get<Job>("default", "fail");
        Assert.Equal(3, job.Status!.Failed);
        Assert.Equal(["FailureTarget", "Failed"], job.Status.Conditions!.Select(c => c.Type));
        Assert.All(job.Status.Conditions!, c => Assert.Equal("BackoffLimitExceeded", c.Reason));
        Assert.Equal("Job has reached the specified backoff limit", job.Status.Conditions![1].Message);
        Assert.Null(job.Status.CompletionTime);

        // Each replacement waited 10 s, then 20 s, after the failure before it (upstream's pod failure back-off).
        var created = cluster.Store.History(0).Where(w => w.Kind == "Pod" && w.Type == WriteType.Added && w.Key.Namespace == "default").Select(w => (Pod)w.Object).ToList();
        Assert.Equal(3, created.Count);
        var finished = created.Select(p => cluster.Store.History(0).Where(w => w.Kind == "Pod" && w.Key.Name == p.Metadata.Name)
            .Select(w => (Pod)w.Object).First(x => x.Status?.Phase == "Failed")
            .Status!.ContainerStatuses![0].State!.Terminated!.FinishedAt!.Value).ToList();
        Assert.InRange((created[1].Metadata.CreationTimestamp! - finished[0]).Value.TotalSeconds, 10, 11);
        Assert.InRange((created[2].Metadata.CreationTimestamp! - finished[1]).Value.TotalSeconds, 20, 21);
        Assert.Equal(1, CountOf(cluster, "BackoffLimitExceeded"));
        Assert.Contains("fail   Failed   0/1", cluster.Kubectl("kubectl get job fail").Output);
    }

    [Fact]
    public void A_finished_job_with_a_ttl_is_deleted_with_its_pods_by_the_ttl_controller()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create job hello --image=busybox -- echo hello");
        var job = cluster.Api.Get<Job>("default", "hello");
        job.Spec.TtlSecondsAfterFinished = 30;
        cluster.Api.Update(job, Playground.Core.ApiServer.WriteContext.Kubectl);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        Assert.Null(cluster.Api.TryGet<Job>("default", "hello"));
        Assert.Empty(cluster.Api.List<Pod>("default"));
        var history = cluster.Store.History(0);
        var completed = history.First(w => w.Kind == "Job" && ((Job)w.Object).Status?.CompletionTime is not null);
        var deleted = history.First(w => w.Kind == "Job" && w.Actor == "ttl-after-finished-controller");
        Assert.Equal(30, (deleted.Time - ((Job)completed.Object).Status!.CompletionTime!.Value).TotalSeconds, 0.5);
    }

    [Fact]
    public void An_active_deadline_stops_the_pods_and_fails_the_job()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create job slow --image=busybox -- sleep 3600");
        var job = cluster.Api.Get<Job>("default", "slow");
        job.Spec.ActiveDeadlineSeconds = 20;
        cluster.Api.Update(job, Playground.Core.ApiServer.WriteContext.Kubectl);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        job = cluster.Api.Get<Job>("default", "slow");
        Assert.Equal(["FailureTarget", "Failed"], job.Status!.Conditions!.Select(c => c.Type));
        Assert.Equal("DeadlineExceeded", job.Status.Conditions![1].Reason);
        Assert.Equal("Job was active longer than specified deadline", job.Status.Conditions[1].Message);
        Assert.Equal(1, CountOf(cluster, "DeadlineExceeded"));
    }

    [Fact]
    public void A_job_template_with_restart_policy_always_is_refused_with_upstreams_message()
    {
        var cluster = TestCluster.Create();
        var result = cluster.Kubectl("kubectl apply -f -", ThreeCompletions.Replace("restartPolicy: Never", "restartPolicy: Always"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"", result.Output);
        Assert.Null(cluster.Api.TryGet<Job>("default", "pi"));
    }

    [Fact]
    public void An_indexed_job_runs_one_pod_per_index_and_lists_the_completed_indexes()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", ThreeCompletions.Replace("parallelism: 2", "parallelism: 3\n  completionMode: Indexed"));
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        var job = cluster.Api.Get<Job>("default", "pi");
        Assert.Equal(("0-2", 3), (job.Status!.CompletedIndexes, job.Status.Succeeded));
        var pods = cluster.Api.List<Pod>("default").OrderBy(p => p.Metadata.Annotations!["batch.kubernetes.io/job-completion-index"]).ToList();
        Assert.Equal(["0", "1", "2"], pods.Select(p => p.Metadata.Labels!["batch.kubernetes.io/job-completion-index"]));
        Assert.All(pods, p => Assert.StartsWith($"pi-{p.Metadata.Labels!["batch.kubernetes.io/job-completion-index"]}-", p.Metadata.Name));
        Assert.Equal(["pi-0", "pi-1", "pi-2"], pods.Select(p => p.Spec.Hostname));
        Assert.All(pods, p => Assert.Equal("JOB_COMPLETION_INDEX", p.Spec.Containers[0].Env!.Single().Name));
    }

    [Fact]
    public void A_suspended_job_creates_no_pods_until_it_is_resumed()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", ThreeCompletions.Replace("parallelism: 2", "parallelism: 2\n  suspend: true"));
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        Assert.Empty(cluster.Api.List<Pod>("default"));
        var suspended = cluster.Api.Get<Job>("default", "pi").Status!.Conditions!.Single();
        Assert.Equal(("Suspended", "True", "JobSuspended"), (suspended.Type, suspended.Status, suspended.Reason));
        Assert.Contains("pi     Suspended   0/3", cluster.Kubectl("kubectl get job pi").Output);

        cluster.Kubectl("kubectl apply -f -", ThreeCompletions);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));
        var job = cluster.Api.Get<Job>("default", "pi");
        Assert.Equal(3, job.Status!.Succeeded);
        Assert.Equal(("False", "JobResumed"), (job.Status.Conditions![0].Status, job.Status.Conditions[0].Reason));
        Assert.Equal(1, CountOf(cluster, "Resumed"));
    }

    [Fact]
    public void Deleting_a_running_job_removes_its_pods_despite_their_tracking_finalizer()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create job long --image=busybox -- sleep 3600");
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        var pod = Assert.Single(cluster.Api.List<Pod>("default"));
        Assert.Equal(["batch.kubernetes.io/job-tracking"], pod.Metadata.Finalizers);

        Assert.Equal("job.batch \"long\" deleted\n", cluster.Kubectl("kubectl delete job long").Output);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(2));
        Assert.Empty(cluster.Api.List<Pod>("default"));
        // The job is gone first (background deletion); the controller then lets go of the orphaned, terminating pod.
        var released = cluster.Store.History(0).First(w => w.Kind == "Pod" && w.Key.Name == pod.Metadata.Name && ((Pod)w.Object).Metadata.Finalizers is null);
        Assert.Equal("job-controller", released.Actor);
        Assert.NotNull(((Pod)released.Object).Metadata.DeletionTimestamp);
    }

    internal static int CountOf(Playground.Core.Simulation.SimulatedCluster cluster, string reason) =>
        cluster.Api.List<Event>("default").Where(e => e.Reason == reason).Sum(e => e.Count ?? 1);
}

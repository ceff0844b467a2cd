using Playground.Core.Api.Batch;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Batch;

/// <summary>CronJobs on the virtual clock: jobs appear at their scheduled minutes, as the write history shows.</summary>
public class CronJobTests
{
    private static string Manifest(string policy) => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: tick
        spec:
          schedule: "* * * * *"
          concurrencyPolicy: {{policy}}
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: tick
                    image: busybox
                    command: ["sh", "-c", "date; sleep 90"]
        """;

    private static List<WriteRecord> JobsCreated(Playground.Core.Simulation.SimulatedCluster cluster) =>
        cluster.Store.History(0).Where(w => w.Kind == "Job" && w.Type == WriteType.Added).ToList();

    [Fact]
    public void Forbid_holds_a_run_back_until_the_previous_job_finishes_and_never_runs_a_superseded_minute()
    {
        var cluster = TestCluster.Create();
        Assert.Equal("cronjob.batch/tick created\n", cluster.Kubectl("kubectl apply -f -", Manifest("Forbid")).Output);
        cluster.Advance(TimeSpan.FromMinutes(6) + TimeSpan.FromSeconds(30));

        var created = JobsCreated(cluster);
        Assert.All(created, w => Assert.Equal("cronjob-controller", w.Actor));
        // Each job runs about 92 s. The 12:02 run waits for the 12:01 job and starts the moment it completes (upstream
        // keeps a missed time pending); by the time that one finishes 12:04 is the most recent time, so 12:03 never runs.
        Assert.Equal([$"tick-{Minutes(1)}", $"tick-{Minutes(2)}", $"tick-{Minutes(4)}", $"tick-{Minutes(5)}"], created.Select(w => w.Key.Name));
        Assert.Equal(TestCluster.Start.AddMinutes(1).AddMilliseconds(100), created[0].Time);
        var firstCompleted = cluster.Store.History(0).First(w => w.Kind == "Job" && w.Key.Name == created[0].Key.Name && ((Job)w.Object).Status?.CompletionTime is not null);
        Assert.True(created[1].Revision > firstCompleted.Revision && created[1].Time == firstCompleted.Time, "the held-back run starts when the previous job completes");
        Assert.True(created[1].Time > TestCluster.Start.AddMinutes(2));
        Assert.True(JobTests.CountOf(cluster, "JobAlreadyActive") >= 3);
        Assert.True(JobTests.CountOf(cluster, "SawCompletedJob") >= 3);

        var cronJob = cluster.Api.Get<CronJob>("default", "tick");
        Assert.Equal(TestCluster.Start.AddMinutes(5), cronJob.Status!.LastScheduleTime);
        Assert.NotNull(cronJob.Status.LastSuccessfulTime);
        Assert.Matches(@"^NAME   SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ntick   \* \* \* \* \*   <none>     False     1        90s             6m30s\n$",
            cluster.Kubectl("kubectl get cronjobs").Output);
    }

    [Fact]
    public void Replace_deletes_the_running_job_and_starts_a_new_one_every_minute()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", Manifest("Replace"));
        cluster.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3, 4], JobsCreated(cluster).Select(w => (int)(w.Time - TestCluster.Start).TotalMinutes));
        var deletedByCron = cluster.Store.History(0).Where(w => w.Kind == "Job" && w.Actor == "cronjob-controller" && w.Type == WriteType.Deleted)
            .Select(w => w.Key.Name).Distinct().ToList();
        Assert.Equal([$"tick-{Minutes(1)}", $"tick-{Minutes(2)}", $"tick-{Minutes(3)}"], deletedByCron);
        Assert.Equal(3, JobTests.CountOf(cluster, "SuccessfulDelete"));
        Assert.Equal([$"tick-{Minutes(4)}"], cluster.Api.Get<CronJob>("default", "tick").Status!.Active!.Select(a => a.Name));
    }

    [Fact]
    public void Kubectl_creates_cronjobs_and_jobs_from_them_and_refuses_bad_schedules()
    {
        var cluster = TestCluster.Create();
        Assert.Equal("cronjob.batch/hello created\n", cluster.Kubectl("kubectl create cronjob hello --image=busybox --schedule=\"*/5 * * * *\" -- echo hi").Output);
        Assert.Equal("job.batch/manual created\n", cluster.Kubectl("kubectl create job manual --from=cronjob/hello").Output);
        var job = cluster.Api.Get<Job>("default", "manual");
        Assert.Equal("manual", job.Metadata.Annotations!["cronjob.kubernetes.io/instantiate"]);
        Assert.Equal("CronJob", job.Metadata.OwnerReferences!.Single().Kind);

        var bad = cluster.Kubectl("kubectl create cronjob bad --image=busybox --schedule=\"61 * * * *\"");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61", bad.Output);
        Assert.Null(cluster.Api.TryGet<CronJob>("default", "bad"));
    }

    private static long Minutes(int after) => TestCluster.Start.AddMinutes(after).ToUnixTimeSeconds() / 60;
}

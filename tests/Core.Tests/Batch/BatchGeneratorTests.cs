namespace Playground.Core.Tests.Batch;

/// <summary>kubectl's batch generators, compared with what kubectl v1.32 prints for the same command (--dry-run=client -o yaml).</summary>
public class BatchGeneratorTests
{
    [Fact]
    public void Create_job_prints_what_kubectl_1_32_builds()
    {
        var cluster = TestCluster.Create();
        Assert.Equal("""
            apiVersion: batch/v1
            kind: Job
            metadata:
              creationTimestamp: null
              name: test
            spec:
              template:
                metadata:
                  creationTimestamp: null
                spec:
                  containers:
                  - command:
                    - echo
                    - hi
                    image: busybox
                    name: test
                    resources: {}
                  restartPolicy: Never
            status: {}

            """, cluster.Kubectl("kubectl create job test --image=busybox --dry-run=client -o yaml -- echo hi").Output);
    }

    [Fact]
    public void Create_cronjob_prints_what_kubectl_1_32_builds()
    {
        var cluster = TestCluster.Create();
        Assert.Equal("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              creationTimestamp: null
              name: test
            spec:
              jobTemplate:
                metadata:
                  creationTimestamp: null
                  name: test
                spec:
                  template:
                    metadata:
                      creationTimestamp: null
                    spec:
                      containers:
                      - image: busybox
                        name: test
                        resources: {}
                      restartPolicy: OnFailure
              schedule: '*/1 * * * *'
            status: {}

            """, cluster.Kubectl("kubectl create cronjob test --image=busybox --schedule=\"*/1 * * * *\" --dry-run=client -o yaml").Output);
    }

    [Fact]
    public void Create_job_needs_an_image_or_a_cronjob()
    {
        var cluster = TestCluster.Create();
        Assert.Equal("error: either --image or --from must be specified\n", cluster.Kubectl("kubectl create job test").Output);
        Assert.Equal("error: required flag(s) \"schedule\" not set\n", cluster.Kubectl("kubectl create cronjob test --image=busybox").Output);
        Assert.Equal("error: required flag(s) \"image\", \"schedule\" not set\n", cluster.Kubectl("kubectl create cronjob test").Output);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>Instructors' own scenarios: a good one seeds its students' sandboxes; a bad one is refused with its line and field, and nothing is stored.</summary>
public sealed class ClassroomUploadTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    private const string Uploaded = """
        title: Config maps
        description: Settings live in ConfigMaps.
        cluster:
          nodes: 1
        objects:
          - apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
            data:
              color: blue
        tasks:
          - title: Make the shop green
            hint: kubectl -n shop edit configmap settings
            checks:
              - kind: ConfigMap
                namespace: shop
                name: settings
                jsonpath: '{.data.color}'
                equals: green
        """;

    [Fact]
    public async Task An_uploaded_scenario_seeds_each_student_s_sandbox_and_its_task_flips_when_done()
    {
        var classroom = await ClassroomClient.CreateAsync(Server, Uploaded, "Own");
        var info = await classroom.OkAsync(HttpMethod.Get);
        Assert.Equal(JsonValueKind.Null, info.GetProperty("scenario").GetProperty("id").ValueKind);
        Assert.Equal("Config maps", info.GetProperty("scenario").GetProperty("title").GetString());

        var student = await classroom.JoinOkAsync("Ada");
        Assert.Equal("node/node-1", (await Server.KubectlOkAsync(student.SandboxId, student.Token, "kubectl get nodes -o name")).Trim());
        Assert.Equal("blue", await Server.KubectlOkAsync(student.SandboxId, student.Token, "kubectl -n shop get configmap settings -o jsonpath={.data.color}"));
        var line = (await classroom.StudentsAsync()).Single();
        Assert.Equal("configmap settings {.data.color} is \"blue\", expected \"green\"", line.GetProperty("progress").GetProperty("tasks")[0].GetProperty("checks")[0].GetProperty("detail").GetString());

        await Server.KubectlOkAsync(student.SandboxId, student.Token, """kubectl -n shop patch configmap settings -p '{"data":{"color":"green"}}'""");
        await classroom.StudentUntilAsync(student.SandboxId, l => ClassroomClient.Passed(l).SequenceEqual([0]));
    }

    [Theory]
    [InlineData("no-such-scenario", "unknown scenario \"no-such-scenario\": expected one of deploy-and-scale, ")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks:\n      - kind: Pod\n        name: p\n        equals: 3", "line 7: tasks[0].checks[0].equals: needs a jsonpath")]
    [InlineData("title: T\nobjects:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: Web}\n    spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}", "line 3: objects[0]: Deployment.apps \"Web\" is invalid: metadata.name")]
    [InlineData("title: T\nobjects:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}", "line 6: objects[1]: configmaps \"a\" already exists")]
    public async Task A_bad_scenario_gets_400_naming_the_problem_and_no_classroom_is_stored(string scenario, string expected)
    {
        var before = await Server.CountAsync("Classrooms");

        var response = await Server.Http.PostAsJsonAsync("/api/classrooms", new { name = "Bad", scenario });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Contains(expected, status.GetProperty("message").GetString());
        Assert.Equal(before, await Server.CountAsync("Classrooms"));
    }

    [Fact]
    public async Task Bodies_that_are_not_a_classroom_get_a_clear_4xx()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Server.Http.PostAsJsonAsync("/api/classrooms", new { scenario = "deploy-and-scale" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Server.Http.PostAsJsonAsync("/api/classrooms", new { name = "No scenario" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Server.Http.PostAsync("/api/classrooms", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Server.Http.PostAsync("/api/classrooms", new StringContent("name=x"))).StatusCode);
        var huge = await Server.Http.PostAsJsonAsync("/api/classrooms", new { name = "Huge", scenario = "title: T\ndescription: " + new string('x', 300 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

public sealed class ClassroomApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task The_built_in_scenarios_are_listed_with_their_tasks()
    {
        var scenarios = await Server.Http.GetFromJsonAsync<JsonElement>("/api/scenarios");

        Assert.Equal(["deploy-and-scale", "rolling-update-and-rollback", "self-healing", "services-and-dns"],
            scenarios.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var services = scenarios.EnumerateArray().Last();
        Assert.Equal("Services, endpoints and DNS", services.GetProperty("title").GetString());
        Assert.Contains("CoreDNS", services.GetProperty("description").GetString());
        Assert.Equal(3, services.GetProperty("tasks").GetArrayLength());
        Assert.All(services.GetProperty("tasks").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("hint").GetString())));
    }

    [Fact]
    public async Task A_new_classroom_has_a_join_url_with_a_128_bit_code_and_its_instructor_reads_it_back()
    {
        var classroom = await ClassroomClient.CreateAsync(Server, "deploy-and-scale", "Tuesday");

        Assert.Matches($"^http://127\\.0\\.0\\.1:\\d+/join/{classroom.Id}\\?code=[A-Za-z0-9_-]{{22,}}$", classroom.JoinUrl);
        Assert.True(System.Buffers.Text.Base64Url.DecodeFromChars(classroom.InstructorToken).Length >= 16);
        var info = await classroom.OkAsync(HttpMethod.Get);
        Assert.Equal("Tuesday", info.GetProperty("name").GetString());
        Assert.Equal(classroom.JoinUrl, info.GetProperty("joinUrl").GetString());
        Assert.Equal("deploy-and-scale", info.GetProperty("scenario").GetProperty("id").GetString());
        Assert.False(info.GetProperty("closed").GetBoolean());
        Assert.Equal(0, info.GetProperty("students").GetInt32());
    }

    [Fact]
    public async Task A_student_joins_with_a_name_and_gets_a_sandbox_seeded_from_the_scenario_and_the_same_one_again_with_the_cookie()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);

        var response = await classroom.JoinAsync("Ada", classroom.JoinCode);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var first = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var sandboxId = first.GetProperty("sandboxId").GetString()!;
        var token = first.GetProperty("token").GetString()!;
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith($"pg.sbx.{sandboxId}=")).Split(';')[0];
        Assert.Contains("web ", await Server.KubectlOkAsync(sandboxId, token, "kubectl get deployments"));

        var again = await classroom.JoinAsync("Ada", classroom.JoinCode, cookie);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(sandboxId, second.GetProperty("sandboxId").GetString());
        Assert.Equal(token, second.GetProperty("token").GetString());

        var otherBrowser = await classroom.JoinOkAsync("Ada");
        Assert.NotEqual(sandboxId, otherBrowser.SandboxId);
        Assert.Equal(["Ada", "Ada"], (await classroom.StudentsAsync()).Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_grid_shows_tasks_flipping_live_as_the_student_works_with_pods_and_last_activity()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var student = await classroom.JoinOkAsync("Grace");

        var start = await classroom.StudentUntilAsync(student.SandboxId, l => l.GetProperty("progress").GetProperty("podsReady").GetInt32() == 2);
        Assert.Empty(ClassroomClient.Passed(start));
        Assert.Equal(2, start.GetProperty("progress").GetProperty("podsTotal").GetInt32());
        Assert.Equal(JsonValueKind.Null, start.GetProperty("progress").GetProperty("lastActivity").ValueKind);
        var failing = start.GetProperty("progress").GetProperty("tasks")[0].GetProperty("checks")[0].GetProperty("detail").GetString();
        Assert.Equal("service web does not exist", failing);

        await Server.KubectlOkAsync(student.SandboxId, student.Token, "kubectl expose deployment web --port=80");
        var exposed = await classroom.StudentUntilAsync(student.SandboxId, l => ClassroomClient.Passed(l).SequenceEqual([0]));
        Assert.NotEqual(JsonValueKind.Null, exposed.GetProperty("progress").GetProperty("lastActivity").ValueKind);

        await Server.KubectlOkAsync(student.SandboxId, student.Token, "kubectl scale deployment web --replicas=4");
        var scaled = await classroom.StudentUntilAsync(student.SandboxId, l => ClassroomClient.Passed(l).SequenceEqual([0, 1]));
        Assert.Equal(2, scaled.GetProperty("progress").GetProperty("tasksPassed").GetInt32());
    }

    [Fact]
    public async Task Reset_takes_one_student_or_the_whole_class_back_to_the_scenario_start()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var ada = await classroom.JoinOkAsync("Ada");
        var bob = await classroom.JoinOkAsync("Bob");
        foreach (var s in new[] { ada, bob })
        {
            await Server.KubectlOkAsync(s.SandboxId, s.Token, "kubectl create deployment extra --image=nginx");
            await Server.KubectlOkAsync(s.SandboxId, s.Token, "kubectl delete deployment web");
        }

        var reset = await classroom.OkAsync(HttpMethod.Post, $"students/{ada.SandboxId}/reset");
        Assert.Equal(ada.SandboxId, reset.GetProperty("sandboxId").GetString());
        Assert.Equal("web", DeploymentNames(await Server.KubectlOkAsync(ada.SandboxId, ada.Token, "kubectl get deployments -o name")));
        Assert.Equal("extra", DeploymentNames(await Server.KubectlOkAsync(bob.SandboxId, bob.Token, "kubectl get deployments -o name")));

        await Server.KubectlOkAsync(ada.SandboxId, ada.Token, "kubectl create deployment again --image=nginx");
        var all = await classroom.OkAsync(HttpMethod.Post, "reset");
        Assert.Equal(2, all.GetArrayLength());
        foreach (var s in new[] { ada, bob })
            Assert.Equal("web", DeploymentNames(await Server.KubectlOkAsync(s.SandboxId, s.Token, "kubectl get deployments -o name")));
    }

    [Fact]
    public async Task Faults_go_to_one_student_or_to_all_and_a_bad_one_changes_nothing()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var ada = await classroom.JoinOkAsync("Ada");
        var bob = await classroom.JoinOkAsync("Bob");

        var one = await classroom.OkAsync(HttpMethod.Post, $"students/{ada.SandboxId}/faults", new { type = "fail-node", node = "node-2" });
        Assert.Equal("node \"node-2\" failed: its kubelet stopped", one.GetProperty("message").GetString());

        var all = await classroom.OkAsync(HttpMethod.Post, "faults", new { type = "fail-node", node = "node-2" });
        var outcomes = all.EnumerateArray().ToDictionary(o => o.GetProperty("sandboxId").GetString()!, o => o.GetProperty("code").GetInt32());
        Assert.Equal(409, outcomes[ada.SandboxId]);
        Assert.Equal(200, outcomes[bob.SandboxId]);

        var before = await Server.KubectlOkAsync(bob.SandboxId, bob.Token, "kubectl get nodes -o name");
        var bad = await classroom.SendAsync(HttpMethod.Post, $"{classroom.Id}/faults", classroom.InstructorToken, new { type = "melt-cpu" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.All((await bad.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), o => Assert.Equal(400, o.GetProperty("code").GetInt32()));
        var missing = await classroom.SendAsync(HttpMethod.Post, $"{classroom.Id}/faults", classroom.InstructorToken, new { node = "node-1" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(before, await Server.KubectlOkAsync(bob.SandboxId, bob.Token, "kubectl get nodes -o name"));
    }

    [Fact]
    public async Task Removing_a_student_deletes_their_sandbox_and_closing_refuses_new_students_but_not_returning_ones()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var ada = await classroom.JoinOkAsync("Ada");
        var bob = await classroom.JoinOkAsync("Bob");

        Assert.Equal(HttpStatusCode.NoContent, (await classroom.SendAsync(HttpMethod.Delete, $"{classroom.Id}/students/{bob.SandboxId}", classroom.InstructorToken)).StatusCode);
        Assert.Equal([ada.SandboxId], (await classroom.StudentsAsync()).Select(s => s.GetProperty("sandboxId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await Server.KubectlAsync(bob.SandboxId, bob.Token, "kubectl get pods")).StatusCode);

        var closed = await classroom.OkAsync(HttpMethod.Post, "close");
        Assert.True(closed.GetProperty("closed").GetBoolean());
        var refused = await classroom.JoinAsync("Eve", classroom.JoinCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("is closed", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(ada.SandboxId, (await classroom.JoinOkAsync("Ada", ada.Cookie)).SandboxId);
        Assert.Equal(HttpStatusCode.Conflict, (await classroom.SendAsync(HttpMethod.Post, $"{classroom.Id}/reset", classroom.InstructorToken)).StatusCode);
        Assert.Single(await classroom.StudentsAsync());
        Assert.Contains("web ", await Server.KubectlOkAsync(ada.SandboxId, ada.Token, "kubectl get deployments"));
    }

    [Fact]
    public async Task The_instructor_opens_a_student_s_sandbox_read_only_through_one_view_link_made_once_and_reused()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var ada = await classroom.JoinOkAsync("Ada");

        var made = await classroom.SendAsync(HttpMethod.Post, $"{classroom.Id}/students/{ada.SandboxId}/view", classroom.InstructorToken);
        var again = await classroom.SendAsync(HttpMethod.Post, $"{classroom.Id}/students/{ada.SandboxId}/view", classroom.InstructorToken);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (made.StatusCode, again.StatusCode));
        var link = await made.JsonAsync();
        Assert.Equal(link.GetRawText(), (await again.JsonAsync()).GetRawText());
        var url = link.GetProperty("url").GetString()!;
        var viewToken = link.GetProperty("token").GetString()!;
        Assert.EndsWith($"/view/{viewToken}", url);
        var shares = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{ada.SandboxId}/shares", ada.Token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([link.GetProperty("id").GetString()], shares.EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        Assert.Contains("web ", await Server.KubectlOkAsync(ada.SandboxId, viewToken, "kubectl get deployments"));
        var write = await (await Server.KubectlAsync(ada.SandboxId, viewToken, "kubectl delete deployment web")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(0, write.GetProperty("exitCode").GetInt32());
        Assert.Contains("web ", await Server.KubectlOkAsync(ada.SandboxId, ada.Token, "kubectl get deployments"));
        var entry = await Server.Http.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        Assert.Equal($"/s/{ada.SandboxId}", entry.Headers.Location?.OriginalString);
    }

    private static string DeploymentNames(string output) =>
        string.Join(",", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace("deployment.apps/", "")).Order());
}

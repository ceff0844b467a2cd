using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>Joining and a student's own page; strangers on every instructor route are IsolationMatrixTests'.</summary>
public sealed class ClassroomAccessTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task Joining_needs_the_link_code_of_that_classroom()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var other = await ClassroomClient.CreateAsync(Server);

        await AssertJoinRefusedAsync(classroom.JoinAsync("Eve", null), HttpStatusCode.Unauthorized);
        await AssertJoinRefusedAsync(classroom.JoinAsync("Eve", other.JoinCode), HttpStatusCode.NotFound);
        await AssertJoinRefusedAsync(classroom.JoinAsync("Eve", classroom.JoinCode + "x"), HttpStatusCode.NotFound);
        await AssertJoinRefusedAsync(classroom.JoinAsync("Eve", classroom.InstructorToken), HttpStatusCode.NotFound);
        await AssertJoinRefusedAsync(classroom.JoinAsync("Eve", classroom.JoinCode, classroomId: "zzzzzzzzzzzz"), HttpStatusCode.NotFound);
        await AssertJoinRefusedAsync(classroom.JoinAsync("", classroom.JoinCode), HttpStatusCode.BadRequest);
        await AssertJoinRefusedAsync(classroom.JoinAsync(new string('n', 41), classroom.JoinCode), HttpStatusCode.BadRequest);
        await AssertJoinRefusedAsync(classroom.JoinAsync("Line\nbreak", classroom.JoinCode), HttpStatusCode.BadRequest);

        Assert.Empty(await classroom.StudentsAsync());
        Assert.Empty(await other.StudentsAsync());
    }

    [Fact]
    public async Task A_cookie_for_another_classroom_s_sandbox_does_not_make_a_returning_student()
    {
        var classroom = await ClassroomClient.CreateAsync(Server);
        var other = await ClassroomClient.CreateAsync(Server);
        var elsewhere = await other.JoinOkAsync("Ada");

        var response = await classroom.JoinAsync("Ada", classroom.JoinCode, elsewhere.Cookie);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(elsewhere.SandboxId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sandboxId").GetString());
    }

    [Fact]
    public async Task A_student_reads_their_own_page_by_token_or_cookie_but_not_a_classmate_s()
    {
        var classroom = await ClassroomClient.CreateAsync(Server, "deploy-and-scale");
        var ada = await classroom.JoinOkAsync("Ada");
        var bob = await classroom.JoinOkAsync("Bob");
        var path = $"/api/classrooms/{classroom.Id}/students/{ada.SandboxId}";

        var own = await Server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new("Bearer", ada.Token) } });
        var page = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("Deploy and scale", page.GetProperty("scenario").GetProperty("title").GetString());
        Assert.Equal("Ada", page.GetProperty("student").GetProperty("name").GetString());
        Assert.Equal(3, page.GetProperty("student").GetProperty("progress").GetProperty("tasks").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", ada.Cookie } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await classroom.SendAsync(HttpMethod.Get, $"{classroom.Id}/students/{ada.SandboxId}", classroom.InstructorToken)).StatusCode);

        await AssertRefusedAsync(classroom, "GET", $"{classroom.Id}/students/{ada.SandboxId}", null, null, HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(classroom, "GET", $"{classroom.Id}/students/{ada.SandboxId}", bob.Token, null, HttpStatusCode.NotFound);
        var other = await ClassroomClient.CreateAsync(Server);
        await AssertRefusedAsync(classroom, "GET", $"{classroom.Id}/students/{ada.SandboxId}", other.InstructorToken, null, HttpStatusCode.NotFound);
        await AssertRefusedAsync(classroom, "GET", $"{other.Id}/students/{ada.SandboxId}", ada.Token, null, HttpStatusCode.NotFound);
    }

    private async Task AssertRefusedAsync(ClassroomClient classroom, string method, string path, string? bearer, object? body, HttpStatusCode expected)
    {
        var response = await classroom.SendAsync(new HttpMethod(method), path, bearer, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path} with {(bearer is null ? "no token" : "a token")}: {(int)response.StatusCode} {text}");
        var status = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal((int)expected, status.GetProperty("code").GetInt32());
        Assert.DoesNotContain("Secret class name", text);
        Assert.DoesNotContain(classroom.InstructorToken, text);
    }

    private static async Task AssertJoinRefusedAsync(Task<HttpResponseMessage> join, HttpStatusCode expected)
    {
        var response = await join;
        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("Status", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
    }
}

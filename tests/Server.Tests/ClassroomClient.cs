using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>A student as the tests see one: their sandbox, its token, and the browser cookie that carries it.</summary>
public sealed record Student(string SandboxId, string Token, string Cookie);

/// <summary>A classroom on a real server, spoken to as its instructor (bearer token) or as a student's browser (cookie).</summary>
public sealed class ClassroomClient(PlaygroundServer server, string id, string instructorToken, string joinUrl)
{
    public string Id => id;
    public string InstructorToken => instructorToken;
    public string JoinUrl => joinUrl;
    public string JoinCode => new Uri(joinUrl).Query.Split("code=")[1];

    public static async Task<ClassroomClient> CreateAsync(PlaygroundServer server, string scenario = "services-and-dns", string name = "Monday")
    {
        var response = await server.Http.PostAsJsonAsync("/api/classrooms", new { name, scenario });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        return new ClassroomClient(server, body.GetProperty("id").GetString()!, body.GetProperty("instructorToken").GetString()!, body.GetProperty("joinUrl").GetString()!);
    }

    /// <summary>Joins as a new browser (or as the one holding <paramref name="cookie"/>).</summary>
    public Task<HttpResponseMessage> JoinAsync(string? name, string? code, string? cookie = null, string? classroomId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/classrooms/{classroomId ?? id}/join") { Content = JsonContent.Create(new { name, code }) };
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return server.Http.SendAsync(request);
    }

    public async Task<Student> JoinOkAsync(string name, string? cookie = null)
    {
        var response = await JoinAsync(name, JoinCode, cookie);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        var sandboxId = body.GetProperty("sandboxId").GetString()!;
        var token = body.GetProperty("token").GetString()!;
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith($"pg.sbx.{sandboxId}=", StringComparison.Ordinal));
        return new Student(sandboxId, token, set.Split(';')[0]);
    }

    /// <summary>An instructor route, with <paramref name="bearer"/> as the token (none when null).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/classrooms/{path}");
        if (body is not null) request.Content = JsonContent.Create(body);
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        return server.Http.SendAsync(request);
    }

    /// <summary>An instructor route of this classroom that must succeed, as JSON.</summary>
    public async Task<JsonElement> OkAsync(HttpMethod method, string path = "", object? body = null)
    {
        var response = await SendAsync(method, path.Length == 0 ? id : $"{id}/{path}", instructorToken, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement[]> StudentsAsync() => [.. (await OkAsync(HttpMethod.Get, "students")).EnumerateArray()];

    /// <summary>Polls the grid until <paramref name="done"/> holds for the student's line; the server's fast clock makes this quick.</summary>
    public async Task<JsonElement> StudentUntilAsync(string sandboxId, Func<JsonElement, bool> done, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var line = (await StudentsAsync()).Single(s => s.GetProperty("sandboxId").GetString() == sandboxId);
            if (done(line)) return line;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the student's line never got there: {line}");
            await Task.Delay(100);
        }
    }

    /// <summary>Which of the student's tasks pass, by index.</summary>
    public static int[] Passed(JsonElement line) =>
        [.. line.GetProperty("progress").GetProperty("tasks").EnumerateArray().Select((t, i) => (t, i)).Where(x => x.t.GetProperty("passed").GetBoolean()).Select(x => x.i)];
}

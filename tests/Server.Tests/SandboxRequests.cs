using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Playground.Server.Tests;

/// <summary>Requests to the server's /api as an API client does them (a bearer token, or none), for the access, share and sandbox tests.</summary>
public static class SandboxRequests
{
    /// <param name="content">A body other than JSON, such as a form's.</param>
    public static Task<HttpResponseMessage> SendAsync(this PlaygroundServer server, HttpMethod method, string path, string? token = null, object? json = null, string? cookie = null,
        HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        request.Content = json is null ? content : JsonContent.Create(json);
        return server.Http.SendAsync(request);
    }

    /// <summary>How many rows a table of the server's SQLite file holds, read beside the running server.</summary>
    public static async Task<long> CountAsync(this PlaygroundServer server, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>A response that must have <paramref name="status"/>; its body, as JSON, for more checks.</summary>
    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Makes a share link as the owner: its id, token and address.</summary>
    public static async Task<(string Id, string Token, string Url)> ShareAsync(this PlaygroundServer server, string id, string token, string access)
    {
        var body = await server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/shares", token, new { access }).ExpectAsync(HttpStatusCode.Created);
        return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("url").GetString()!);
    }

    /// <summary>The sandbox's revision as GET /api/sandboxes/{id} reports it: any write moves it.</summary>
    public static async Task<long> RevisionAsync(this PlaygroundServer server, string id, string token) =>
        (await server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", token).ExpectAsync(HttpStatusCode.OK)).GetProperty("revision").GetInt64();

    /// <summary>Runs kubectl and returns its exit code and output, whatever they are.</summary>
    public static async Task<(int ExitCode, string Output)> KubectlRunAsync(this PlaygroundServer server, string id, string token, string command, string? stdin = null)
    {
        var body = await server.KubectlAsync(id, token, command, stdin).ExpectAsync(HttpStatusCode.OK);
        return (body.GetProperty("exitCode").GetInt32(), body.GetProperty("output").GetString()!);
    }
}

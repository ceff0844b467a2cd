using System.Net;

namespace Playground.Server.Tests;

/// <summary>Names, owners, share links and revocations are in SQLite: a restarted server knows them all.</summary>
public sealed class SandboxRestartTests
{
    [Fact]
    public async Task After_a_kill_9_the_list_names_links_revocations_and_a_reset_are_all_still_there()
    {
        await using var first = await PlaygroundServer.StartAsync();
        var browser = new SandboxBrowser(first);
        var id = (await browser.OpenAsync("/"))["/s/".Length..];
        var token = browser[$"pg.sbx.{id}"]!;
        await browser.SendAsync(HttpMethod.Patch, $"/api/sandboxes/{id}", new { name = "kept" }).ExpectAsync(HttpStatusCode.OK);
        await first.KubectlOkAsync(id, token, "kubectl create configmap before-reset");
        await browser.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/reset").ExpectAsync(HttpStatusCode.OK);
        var revision = await first.RevisionAsync(id, token);
        var (_, view, _) = await first.ShareAsync(id, token, "view");
        var (_, fork, _) = await first.ShareAsync(id, token, "fork");
        var (revoked, revokedToken, _) = await first.ShareAsync(id, token, "view");
        await first.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{revoked}", token).ExpectAsync(HttpStatusCode.NoContent);
        await first.KillAsync();

        await using var second = await PlaygroundServer.StartAsync(first.DataDirectory);
        var again = new SandboxBrowser(second);
        foreach (var cookie in new[] { "pg.visitor", $"pg.sbx.{id}", "pg.last" }) again.Set(cookie, browser[cookie]!);

        var list = await again.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([(id, "kept")], list.EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("name").GetString())).ToList());
        Assert.True(await second.RevisionAsync(id, token) >= revision);
        Assert.Equal(1, (await second.KubectlRunAsync(id, token, "kubectl get configmap before-reset")).ExitCode);
        Assert.Equal(0, (await second.KubectlRunAsync(id, view, "kubectl get nodes")).ExitCode);
        Assert.Equal(1, (await second.KubectlRunAsync(id, view, "kubectl create configmap x")).ExitCode);
        await second.KubectlAsync(id, revokedToken, "kubectl get nodes").ExpectAsync(HttpStatusCode.NotFound);
        await second.SendAsync(HttpMethod.Post, $"/api/forks/{fork}").ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, (await second.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}/shares", token).ExpectAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal($"/s/{id}", await again.OpenAsync("/"));
    }
}

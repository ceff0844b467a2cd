using System.Net;

namespace Playground.Server.Tests;

public sealed class ClassroomRestartTests
{
    [Fact]
    public async Task A_classroom_its_students_their_cookies_and_its_links_survive_a_kill_9()
    {
        await using var first = await PlaygroundServer.StartAsync();
        var classroom = await ClassroomClient.CreateAsync(first, "deploy-and-scale");
        var ada = await classroom.JoinOkAsync("Ada");
        var bob = await classroom.JoinOkAsync("Bob");
        await first.KubectlOkAsync(ada.SandboxId, ada.Token, "kubectl create deployment web --image=nginx --replicas=3");
        await classroom.StudentUntilAsync(ada.SandboxId, l => ClassroomClient.Passed(l).SequenceEqual([0]));
        await first.KillAsync();

        await using var second = await PlaygroundServer.StartAsync(first.DataDirectory);
        var again = new ClassroomClient(second, classroom.Id, classroom.InstructorToken, classroom.JoinUrl.Replace(first.BaseAddress.Authority, second.BaseAddress.Authority));

        Assert.Equal(again.JoinUrl, (await again.OkAsync(HttpMethod.Get)).GetProperty("joinUrl").GetString());
        var ada2 = await again.StudentUntilAsync(ada.SandboxId, l => ClassroomClient.Passed(l).SequenceEqual([0]));
        Assert.Equal("Ada", ada2.GetProperty("name").GetString());
        Assert.Equal(ada.SandboxId, (await again.JoinOkAsync("Ada", ada.Cookie)).SandboxId);
        var carol = await again.JoinOkAsync("Carol");
        Assert.Equal(3, (await again.StudentsAsync()).Length);

        await again.OkAsync(HttpMethod.Post, $"students/{ada.SandboxId}/reset");
        Assert.Equal("No resources found in default namespace.", (await second.KubectlOkAsync(ada.SandboxId, ada.Token, "kubectl get deployments")).Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await again.SendAsync(HttpMethod.Get, classroom.Id, bob.Token)).StatusCode);
        Assert.NotEqual(carol.SandboxId, bob.SandboxId);
    }
}

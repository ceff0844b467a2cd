using System.Net;

namespace Playground.Server.Tests;

/// <summary>
/// The tenants of the isolation matrix on one real server: a victim browser's sandbox (with objects, a name, a view
/// and a fork link, its clock paused so that only a request can move its revision), the victim's classroom with a
/// student, and an attacker who has a browser, a sandbox and a classroom of their own.
/// </summary>
public sealed class IsolationVictims : IAsyncLifetime
{
    public PlaygroundServer Server { get; private set; } = null!;

    public string VictimId { get; private set; } = "";
    public string VictimToken { get; private set; } = "";
    public string ViewToken { get; private set; } = "";
    public string ForkToken { get; private set; } = "";
    public string ShareId { get; private set; } = "";
    public ClassroomClient Classroom { get; private set; } = null!;
    public Student Student { get; private set; } = null!;

    public string AttackerId { get; private set; } = "";
    public string AttackerToken { get; private set; } = "";
    public ClassroomClient AttackerClassroom { get; private set; } = null!;
    public Student Stranger { get; private set; } = null!;

    /// <summary>The attacker's browser cookies, with its own sandbox token also offered for the victim's sandbox.</summary>
    public string AttackerCookies { get; private set; } = "";

    /// <summary>What no refusal may show: the victim's object names and uid, data, names and every token or code.</summary>
    public IReadOnlyList<string> Secrets { get; private set; } = [];

    public const string UnknownId = "zzzzzzzzzzzz";
    public const string MalformedId = "Not_an-Id!";

    public async Task InitializeAsync()
    {
        Server = await PlaygroundServer.StartAsync();
        var victim = new SandboxBrowser(Server);
        VictimId = (await victim.OpenAsync("/"))["/s/".Length..];
        VictimToken = victim[$"pg.sbx.{VictimId}"]!;
        await Server.KubectlOkAsync(VictimId, VictimToken, "kubectl create deployment victim-secret-web --image=nginx");
        await Server.KubectlOkAsync(VictimId, VictimToken, "kubectl create configmap victim-secret-config --from-literal=key=victim-secret-value");
        var uid = await Server.KubectlOkAsync(VictimId, VictimToken, "kubectl get configmap victim-secret-config -o jsonpath={.metadata.uid}");
        await Server.SendAsync(HttpMethod.Patch, $"/api/sandboxes/{VictimId}", VictimToken, new { name = "victim-sandbox-name" }).ExpectAsync(HttpStatusCode.OK);
        (ShareId, ViewToken, _) = await Server.ShareAsync(VictimId, VictimToken, "view");
        (_, ForkToken, _) = await Server.ShareAsync(VictimId, VictimToken, "fork");
        await PauseAsync(VictimId, VictimToken);

        Classroom = await ClassroomClient.CreateAsync(Server, name: "Victim class name");
        Student = await Classroom.JoinOkAsync("Victim student name");
        await PauseAsync(Student.SandboxId, Student.Token);

        var attacker = new SandboxBrowser(Server);
        AttackerId = (await attacker.OpenAsync("/"))["/s/".Length..];
        AttackerToken = attacker[$"pg.sbx.{AttackerId}"]!;
        AttackerCookies = $"{attacker.Cookie}; pg.sbx.{VictimId}={AttackerToken}";
        AttackerClassroom = await ClassroomClient.CreateAsync(Server, name: "Attacker class");
        Stranger = await AttackerClassroom.JoinOkAsync("Mallory");

        Secrets =
        [
            "victim-secret-web", "victim-secret-config", "victim-secret-value", uid, "victim-sandbox-name", VictimToken, ViewToken, ForkToken,
            "Victim class name", "Victim student name", Classroom.InstructorToken, Classroom.JoinCode, Student.Token, victim["pg.visitor"]!,
        ];
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>
    /// Everything a refused request must leave as it was: the victim's revision (any write moves it), objects, name, share
    /// links and clock; the student's revision and share links; the classroom and its students.
    /// </summary>
    public async Task<string> StateAsync()
    {
        var info = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{VictimId}", VictimToken).ExpectAsync(HttpStatusCode.OK);
        var objects = await Server.KubectlOkAsync(VictimId, VictimToken, "kubectl get deployments,configmaps,nodes -A -o name");
        var shares = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{VictimId}/shares", VictimToken).ExpectAsync(HttpStatusCode.OK);
        var clock = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{VictimId}/clock", VictimToken).ExpectAsync(HttpStatusCode.OK);
        var student = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{Student.SandboxId}", Student.Token).ExpectAsync(HttpStatusCode.OK);
        var studentShares = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{Student.SandboxId}/shares", Student.Token).ExpectAsync(HttpStatusCode.OK);
        var classroom = await Classroom.OkAsync(HttpMethod.Get);
        var students = string.Join(",", (await Classroom.StudentsAsync()).Select(s => s.GetProperty("sandboxId").GetString()));
        return string.Join("\n",
            info.GetProperty("revision"), info.GetProperty("name"), objects, shares.GetArrayLength(), clock.GetProperty("paused"),
            student.GetProperty("revision"), studentShares.GetArrayLength(), classroom.GetProperty("closed"), students);
    }

    private Task PauseAsync(string id, string token) =>
        Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/clock", token, new { paused = true }).ExpectAsync(HttpStatusCode.OK);
}

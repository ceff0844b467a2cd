using System.Net;

namespace Playground.Server.Tests;

/// <summary>One attempt on a route: who tries, the request, the answers that count as a refusal, and any further check of the answer.</summary>
public sealed record Probe(string Who, Func<Task<HttpResponseMessage>> Send, HttpStatusCode[] Refusals, Func<HttpResponseMessage, string?>? Check = null);

/// <summary>How a route keeps tenants apart (the probes that show it), or why it is public by design (no probes needed).</summary>
public sealed record MatrixEntry(string Why, Func<IsolationVictims, IEnumerable<Probe>>? Probes = null);

/// <summary>
/// Every route of the server, by "METHODS pattern" as the endpoint data source names it, and how a stranger is refused
/// on it. A route with no entry here fails <see cref="IsolationMatrixTests"/>: say how it is guarded, or why it is public.
/// </summary>
public static class IsolationMatrix
{
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    // /api/sandboxes/{id}/…: 401 without a credential; 404 for a foreign credential, an unknown or a malformed id alike,
    // so that a refusal does not tell whether a sandbox exists; 403 for a viewer, who already knows it does.
    private const string SandboxApi = "owner or viewer by token or cookie (SandboxAccessControl): 401 without a credential, 404 for any other, 403 for a view token on an owner's route";

    // /api/classrooms/{id}/…: the instructor token only; 401 without one, 404 for any other token and for a sandbox that is not this classroom's student.
    private const string InstructorApi = "the classroom's instructor token (ClassroomAccess): 401 without a token, 404 for any other token, id or student";

    // /sandboxes/{id}/… on HTTPS: 401 without a bearer token; 403 for a token that is not this sandbox's, as a kube-apiserver
    // answers an authenticated user it does not authorize, and the same 403 for an unknown id; 403 for a view token's writes.
    private const string KubeApi = "a bearer token for the sandbox (KubeApiAccess): 401 without one, 403 for any other token or id and for a view token's writes";

    // Pages are prerendered with 200 whoever asks; what they show comes from the same access checks, so the probes check that they show nothing.
    private const string Page = "a page rendered for anyone (200); its content comes from the access checks, so it must show nothing of another tenant";

    public static readonly IReadOnlyDictionary<string, MatrixEntry> Routes = new Dictionary<string, MatrixEntry>
    {
        ["GET /api/sandboxes/"] = new("lists the calling browser's own sandboxes only (by visitor cookie); 401 without one", v =>
        [
            new("no visitor cookie", () => Api(v, "GET", "/api/sandboxes"), [Unauthorized]),
            new("another browser's cookies", () => Api(v, "GET", "/api/sandboxes", cookie: v.AttackerCookies), [HttpStatusCode.OK]),
        ]),
        ["POST /api/sandboxes/"] = new("public: makes the caller a sandbox of its own (quota and address bucket: SandboxQuotaTests)"),
        ["GET /api/sandboxes/{id}"] = new(SandboxApi, v => Sandbox(v, "GET", "", null, ownerOnly: false)),
        ["PATCH /api/sandboxes/{id}"] = new(SandboxApi, v => Sandbox(v, "PATCH", "", new { name = "pwned" }, ownerOnly: true)),
        ["DELETE /api/sandboxes/{id}"] = new(SandboxApi, v => Sandbox(v, "DELETE", "", null, ownerOnly: true)),
        ["POST /api/sandboxes/{id}/reset"] = new(SandboxApi, v => Sandbox(v, "POST", "/reset", null, ownerOnly: true)),
        ["POST /api/sandboxes/{id}/kubectl"] = new(SandboxApi + "; a viewer's writes exit 1 (AccessTests)", v =>
            Sandbox(v, "POST", "/kubectl", new { command = "kubectl get configmap victim-secret-config -o yaml" }, ownerOnly: false)),
        ["GET /api/sandboxes/{id}/clock"] = new(SandboxApi, v => Sandbox(v, "GET", "/clock", null, ownerOnly: false)),
        ["POST /api/sandboxes/{id}/clock"] = new(SandboxApi, v => Sandbox(v, "POST", "/clock", new { paused = false }, ownerOnly: true)),
        ["POST /api/sandboxes/{id}/faults"] = new(SandboxApi, v => Sandbox(v, "POST", "/faults", new { type = "fail-node", node = "node-1" }, ownerOnly: true)),
        ["GET /api/sandboxes/{id}/kubeconfig"] = new(SandboxApi, v => Sandbox(v, "GET", "/kubeconfig", null, ownerOnly: true)),
        ["GET /api/sandboxes/{id}/shares/"] = new(SandboxApi, v => Sandbox(v, "GET", "/shares", null, ownerOnly: true)),
        ["POST /api/sandboxes/{id}/shares/"] = new(SandboxApi, v => Sandbox(v, "POST", "/shares", new { access = "view" }, ownerOnly: true)),
        ["DELETE /api/sandboxes/{id}/shares/{share}"] = new(SandboxApi + "; a link is revoked only through its own sandbox", v =>
        [
            .. Sandbox(v, "DELETE", $"/shares/{v.ShareId}", null, ownerOnly: true),
            new("another owner, through their own sandbox", () => Api(v, "DELETE", $"/api/sandboxes/{v.AttackerId}/shares/{v.ShareId}", v.AttackerToken), [NotFound]),
        ]),

        ["GET /"] = new("public: the caller's own sandbox; a last-sandbox cookie naming another's is not followed", v =>
        [
            new("another browser naming the victim as its last sandbox", () => Api(v, "GET", "/", cookie: $"{v.AttackerCookies}; pg.last={v.VictimId}"), [HttpStatusCode.Redirect],
                r => r.Headers.Location?.OriginalString == $"/s/{v.VictimId}" ? "redirected into the victim's sandbox" : null),
        ]),
        ["POST /api/forks/{token}"] = new("public: a fork link's token is the credential; anything else is 404", v => Links(v, "POST", "/api/forks/", v.ViewToken, NotFound)),
        ["GET /view/{token}"] = new("public: a view link's token is the credential; anything else is a 410 page", v => Links(v, "GET", "/view/", v.ForkToken, HttpStatusCode.Gone)),
        ["GET,POST /fork/{Token}"] = new("public: a page that asks before it forks; a fork link's token is the credential (anything else is a 410 page), and its POST needs the page's antiforgery token", v =>
        [
            .. Links(v, "GET", "/fork/", v.ViewToken, HttpStatusCode.Gone),
            new("another site's form, without the page's token", () => Api(v, "POST", $"/fork/{v.ForkToken}", cookie: v.AttackerCookies), [HttpStatusCode.BadRequest]),
        ]),
        ["POST /new"] = new("public: makes the calling browser a sandbox of its own; it needs the page's antiforgery token (SandboxListTests)", v =>
        [
            new("another site's form, without the page's token", () => Api(v, "POST", "/new", cookie: v.AttackerCookies), [HttpStatusCode.BadRequest]),
        ]),

        ["GET /api/scenarios"] = new("public: the built-in scenario catalog"),
        ["POST /api/classrooms/"] = new("public: anyone may start a classroom of their own"),
        ["GET /api/classrooms/{id}"] = new(InstructorApi, v => Instructor(v, "GET", "", null)),
        ["POST /api/classrooms/{id}/close"] = new(InstructorApi, v => Instructor(v, "POST", "/close", null)),
        ["GET /api/classrooms/{id}/students"] = new(InstructorApi, v => Instructor(v, "GET", "/students", null)),
        ["GET /api/classrooms/{id}/students/{sandboxId}"] = new(InstructorApi + ", or a credential for that student's sandbox", v =>
            [.. Instructor(v, "GET", "/students/{student}", null).Where(p => p.Who != "a student's token"),
             new("another classroom's student token", () => Api(v, "GET", $"/api/classrooms/{v.Classroom.Id}/students/{v.Student.SandboxId}", v.Stranger.Token), [NotFound])]),
        ["POST /api/classrooms/{id}/reset"] = new(InstructorApi, v => Instructor(v, "POST", "/reset", null)),
        ["POST /api/classrooms/{id}/students/{sandboxId}/reset"] = new(InstructorApi, v => Instructor(v, "POST", "/students/{student}/reset", null)),
        ["POST /api/classrooms/{id}/faults"] = new(InstructorApi, v => Instructor(v, "POST", "/faults", new { type = "fail-node", node = "node-1" })),
        ["POST /api/classrooms/{id}/students/{sandboxId}/faults"] = new(InstructorApi, v =>
            Instructor(v, "POST", "/students/{student}/faults", new { type = "fail-node", node = "node-1" })),
        ["DELETE /api/classrooms/{id}/students/{sandboxId}"] = new(InstructorApi, v => Instructor(v, "DELETE", "/students/{student}", null)),
        ["POST /api/classrooms/{id}/students/{sandboxId}/view"] = new(InstructorApi, v => Instructor(v, "POST", "/students/{student}/view", null)),
        ["POST /api/classrooms/{id}/join"] = new("the join link's code: 401 without one, 404 for another classroom's code or any other id", v =>
        [
            new("no code", () => Api(v, "POST", $"/api/classrooms/{v.Classroom.Id}/join", body: new { name = "Eve" }), [Unauthorized]),
            new("another classroom's code", () => Api(v, "POST", $"/api/classrooms/{v.Classroom.Id}/join", body: new { name = "Eve", code = v.AttackerClassroom.JoinCode }), [NotFound]),
            new("the instructor token as a code", () => Api(v, "POST", $"/api/classrooms/{v.Classroom.Id}/join", body: new { name = "Eve", code = v.Classroom.InstructorToken }), [NotFound]),
            new("the code with an unknown id", () => Api(v, "POST", $"/api/classrooms/{IsolationVictims.UnknownId}/join", body: new { name = "Eve", code = v.Classroom.JoinCode }), [NotFound]),
            new("the code with a malformed id", () => Api(v, "POST", $"/api/classrooms/{IsolationVictims.MalformedId}/join", body: new { name = "Eve", code = v.Classroom.JoinCode }), [NotFound]),
        ]),
        ["GET /classrooms/{id}/instructor"] = new("the instructor link: a key that is not the classroom's token sets no cookie and goes to the dashboard, which asks for it", v =>
        [
            .. new[] { ("no key", ""), ("a student's token", v.Student.Token), ("another classroom's token", v.AttackerClassroom.InstructorToken) }
                .Select(k => new Probe(k.Item1, () => Api(v, "GET", $"/classrooms/{v.Classroom.Id}/instructor?key={Uri.EscapeDataString(k.Item2)}"), [HttpStatusCode.Redirect],
                    r => r.Headers.Contains("Set-Cookie") || r.Headers.Location?.OriginalString != $"/classrooms/{v.Classroom.Id}?refused=true" ? $"let in: {r.Headers.Location}" : null)),
        ]),
        ["POST /classrooms/{id}/students/{sandboxId}/watch"] = new("the instructor's cookie: anyone else is sent back to the dashboard with no view link made", v =>
        [
            .. new[]
            {
                ("no cookie", v.Student.SandboxId, ""),
                ("another classroom's key", v.Student.SandboxId, $"pg.cls.{v.Classroom.Id}={v.AttackerClassroom.InstructorToken}"),
                ("the instructor's key for a sandbox that is no student", v.VictimId, $"pg.cls.{v.Classroom.Id}={v.Classroom.InstructorToken}"),
            }.Select(k => new Probe(k.Item1, () => Api(v, "POST", $"/classrooms/{v.Classroom.Id}/students/{k.Item2}/watch", cookie: k.Item3), [HttpStatusCode.Redirect],
                r => r.Headers.Location?.OriginalString != $"/classrooms/{v.Classroom.Id}" ? $"sent on to {r.Headers.Location}" : null)),
        ]),

        ["* /hubs/cluster/negotiate"] = new("the hub's transport: anyone may connect; every hub method checks its own access (the matrix's hub rows)"),
        ["* /hubs/cluster"] = new("the hub's transport: anyone may connect; every hub method checks its own access (the matrix's hub rows)"),

        ["GET /sandboxes/{id}/version"] = new(KubeApi, v => Kube(v, "GET", "/version")),
        ["GET /sandboxes/{id}/openapi/v2"] = new(KubeApi, v => Kube(v, "GET", "/openapi/v2")),
        ["GET /sandboxes/{id}/openapi/v3"] = new(KubeApi, v => Kube(v, "GET", "/openapi/v3")),
        ["GET /sandboxes/{id}/openapi/v3/{**path}"] = new(KubeApi, v => Kube(v, "GET", "/openapi/v3/api/v1")),
        ["GET /sandboxes/{id}/api"] = new(KubeApi, v => Kube(v, "GET", "/api")),
        ["GET /sandboxes/{id}/apis"] = new(KubeApi, v => Kube(v, "GET", "/apis")),
        ["GET /sandboxes/{id}/api/{version}"] = new(KubeApi, v => Kube(v, "GET", "/api/v1")),
        ["GET /sandboxes/{id}/apis/{group}/{version}"] = new(KubeApi, v => Kube(v, "GET", "/apis/apps/v1")),
        ["DELETE,GET,PATCH,POST,PUT /sandboxes/{id}/api/{version}/{**path}"] = new(KubeApi, v =>
        [
            .. Kube(v, "GET", "/api/v1/namespaces/default/configmaps/victim-secret-config"),
            .. Kube(v, "GET", "/api/v1/configmaps?watch=1&timeoutSeconds=1"),
            .. Kube(v, "GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Dvictim-secret-web"),
            .. Kube(v, "POST", "/api/v1/namespaces/default/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"pwned"}}"""),
            .. Kube(v, "PUT", "/api/v1/namespaces/default/configmaps/victim-secret-config", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"victim-secret-config"}}"""),
            .. Kube(v, "PATCH", "/api/v1/namespaces/default/configmaps/victim-secret-config", """{"data":{"key":"pwned"}}""", "application/merge-patch+json"),
            .. Kube(v, "DELETE", "/api/v1/namespaces/default/configmaps/victim-secret-config"),
            .. Kube(v, "DELETE", "/api/v1/nodes/node-1"),
            .. Kube(v, "GET", "/api/v1/namespaces/kube-system/pods/x/log"),
            .. Kube(v, "GET", "/api/v1/namespaces/kube-system/pods/x/exec?command=ls&stdout=true"),
        ]),
        ["DELETE,GET,PATCH,POST,PUT /sandboxes/{id}/apis/{group}/{version}/{**path}"] = new(KubeApi, v =>
        [
            .. Kube(v, "GET", "/apis/apps/v1/namespaces/default/deployments/victim-secret-web"),
            .. Kube(v, "GET", "/apis/apps/v1/deployments?watch=1&timeoutSeconds=1"),
            .. Kube(v, "PATCH", "/apis/apps/v1/namespaces/default/deployments/victim-secret-web/scale", """{"spec":{"replicas":9}}""", "application/merge-patch+json"),
            .. Kube(v, "DELETE", "/apis/apps/v1/namespaces/default/deployments/victim-secret-web"),
            .. Kube(v, "GET", "/apis/metrics.k8s.io/v1beta1/pods"),
        ]),

        ["GET,POST /s/{SandboxId}"] = new(Page, v =>
        [
            new("no cookie", () => Api(v, "GET", $"/s/{v.VictimId}"), [HttpStatusCode.OK]),
            new("another browser's cookies", () => Api(v, "GET", $"/s/{v.VictimId}", cookie: v.AttackerCookies), [HttpStatusCode.OK]),
            new("a form post without an antiforgery token", () => Api(v, "POST", $"/s/{v.VictimId}", cookie: v.AttackerCookies), [HttpStatusCode.BadRequest]),
        ]),
        ["GET,POST /sandboxes"] = new(Page + " (a browser's own list)", v =>
            [new("another browser's cookies", () => Api(v, "GET", "/sandboxes", cookie: v.AttackerCookies), [HttpStatusCode.OK])]),
        ["GET,POST /classrooms/{ClassroomId}"] = new(Page + " (asks for the key)", v =>
        [
            new("no key", () => Api(v, "GET", $"/classrooms/{v.Classroom.Id}"), [HttpStatusCode.OK]),
            new("another classroom's key", () => Api(v, "GET", $"/classrooms/{v.Classroom.Id}", cookie: $"pg.cls.{v.Classroom.Id}={v.AttackerClassroom.InstructorToken}"), [HttpStatusCode.OK]),
        ]),
        ["GET,POST /join/{ClassroomId}"] = new(Page + " (a wrong code says the link does not work)", v =>
        [
            new("no code", () => Api(v, "GET", $"/join/{v.Classroom.Id}"), [HttpStatusCode.OK]),
            new("another classroom's code", () => Api(v, "GET", $"/join/{v.Classroom.Id}?code={v.AttackerClassroom.JoinCode}"), [HttpStatusCode.OK]),
        ]),
        ["GET,POST /classrooms/new"] = new("public: the page that starts a classroom"),
        ["GET,POST /not-found"] = new("public: the page for an address that is not the playground's"),
        ["GET /_framework/opaque-redirect"] = new("public: Blazor's navigation helper; it reads nothing of any tenant"),
        ["* /_blazor/negotiate"] = new("the circuit's transport: every gateway call checks the circuit's cookies again (SandboxGatewayTests)"),
        ["* /_blazor"] = new("the circuit's transport: every gateway call checks the circuit's cookies again (SandboxGatewayTests)"),
        ["* /_blazor/disconnect/"] = new("the circuit's transport: it ends a circuit by its own secret id"),
        ["* /_blazor/initializers/"] = new("public: the list of the page's JavaScript initializers"),
        ["GET,HEAD /{**path:file}"] = new("public: files of the web root that the asset manifest does not list"),
    };

    /// <summary>Every stranger on an /api/sandboxes/{id} route; a view token only where the route is the owner's.</summary>
    private static IEnumerable<Probe> Sandbox(IsolationVictims v, string method, string suffix, object? body, bool ownerOnly)
    {
        string At(string id) => $"/api/sandboxes/{id}{suffix}";
        yield return new("no credential", () => Api(v, method, At(v.VictimId), body: body), [Unauthorized]);
        yield return new("another owner's token", () => Api(v, method, At(v.VictimId), v.AttackerToken, body: body), [NotFound]);
        yield return new("another browser's cookies", () => Api(v, method, At(v.VictimId), cookie: v.AttackerCookies, body: body), [NotFound]);
        yield return new("a classroom's instructor token", () => Api(v, method, At(v.VictimId), v.Classroom.InstructorToken, body: body), [NotFound]);
        yield return new("a student's token", () => Api(v, method, At(v.VictimId), v.Student.Token, body: body), [NotFound]);
        yield return new("a fork token", () => Api(v, method, At(v.VictimId), v.ForkToken, body: body), [NotFound]);
        yield return new("an unknown id", () => Api(v, method, At(IsolationVictims.UnknownId), v.AttackerToken, body: body), [NotFound]);
        yield return new("a malformed id", () => Api(v, method, At(IsolationVictims.MalformedId), v.AttackerToken, body: body), [NotFound]);
        if (ownerOnly) yield return new("a view token", () => Api(v, method, At(v.VictimId), v.ViewToken, body: body), [Forbidden]);
    }

    /// <summary>Every stranger on an instructor route; "{student}" in <paramref name="suffix"/> is the victim classroom's student.</summary>
    private static IEnumerable<Probe> Instructor(IsolationVictims v, string method, string suffix, object? body)
    {
        string At(string classroom, string student) => $"/api/classrooms/{classroom}{suffix.Replace("{student}", student)}";
        var (id, student) = (v.Classroom.Id, v.Student.SandboxId);
        yield return new("no token", () => Api(v, method, At(id, student), body: body), [Unauthorized]);
        yield return new("a student's token", () => Api(v, method, At(id, student), v.Student.Token, body: body), [NotFound]);
        yield return new("another sandbox's token", () => Api(v, method, At(id, student), v.AttackerToken, body: body), [NotFound]);
        yield return new("another classroom's token", () => Api(v, method, At(id, student), v.AttackerClassroom.InstructorToken, body: body), [NotFound]);
        yield return new("an unknown id", () => Api(v, method, At(IsolationVictims.UnknownId, student), v.Classroom.InstructorToken, body: body), [NotFound]);
        yield return new("a malformed id", () => Api(v, method, At(IsolationVictims.MalformedId, student), v.Classroom.InstructorToken, body: body), [NotFound]);
        if (!suffix.Contains("{student}")) yield break;
        yield return new("another classroom's student", () => Api(v, method, At(id, v.Stranger.SandboxId), v.Classroom.InstructorToken, body: body), [NotFound]);
        yield return new("a sandbox that is no student", () => Api(v, method, At(id, v.VictimId), v.Classroom.InstructorToken, body: body), [NotFound]);
        yield return new("another instructor's own student here", () => Api(v, method, At(id, v.Stranger.SandboxId), v.AttackerClassroom.InstructorToken, body: body), [NotFound]);
    }

    /// <summary>A link route tried with a guessed token, a malformed one, and the victim's link of the other kind.</summary>
    private static IEnumerable<Probe> Links(IsolationVictims v, string method, string prefix, string otherKind, HttpStatusCode refusal) =>
    [
        new("a guessed token", () => Api(v, method, prefix + new string('A', 43)), [refusal]),
        new("a malformed token", () => Api(v, method, prefix + IsolationVictims.MalformedId), [refusal]),
        new("the victim's link of the other kind", () => Api(v, method, prefix + otherKind), [refusal]),
    ];

    /// <summary>Every stranger on one Kubernetes API request; a view token too when the request writes or execs.</summary>
    private static IEnumerable<Probe> Kube(IsolationVictims v, string method, string path, string? body = null, string contentType = "application/json")
    {
        var request = new ApiRequest(new HttpMethod(method), path, body, contentType);
        var api = new ApiSandbox(v.Server, v.VictimId, v.VictimToken);
        yield return new($"{request}: no token", () => api.SendAsync(request, v.VictimId, null), [Unauthorized]);
        yield return new($"{request}: another owner's token", () => api.SendAsync(request, v.VictimId, v.AttackerToken), [Forbidden]);
        yield return new($"{request}: a student's token", () => api.SendAsync(request, v.VictimId, v.Student.Token), [Forbidden]);
        yield return new($"{request}: a fork token", () => api.SendAsync(request, v.VictimId, v.ForkToken), [Forbidden]);
        yield return new($"{request}: an unknown id", () => api.SendAsync(request, IsolationVictims.UnknownId, v.AttackerToken), [Forbidden]);
        yield return new($"{request}: a malformed id", () => api.SendAsync(request, IsolationVictims.MalformedId, v.AttackerToken), [Forbidden]);
        if (method != "GET" || path.Contains("/exec")) yield return new($"{request}: a view token", () => api.SendAsync(request, v.VictimId, v.ViewToken), [Forbidden]);
    }

    private static Task<HttpResponseMessage> Api(IsolationVictims v, string method, string path, string? bearer = null, string? cookie = null, object? body = null) =>
        v.Server.SendAsync(new HttpMethod(method), path, bearer, body, string.IsNullOrEmpty(cookie) ? null : cookie);
}

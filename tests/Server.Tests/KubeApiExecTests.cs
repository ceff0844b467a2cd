using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>
/// pods/exec over the WebSocket remote command protocol: real kubectl exec against a sandbox (output, errors and exit
/// codes, the same as the terminal's engine prints), and the protocol's frames as a raw WebSocket client sees them.
/// </summary>
public sealed class KubeApiExecTests(KubeApiExecTests.Sandbox sandbox) : IClassFixture<KubeApiExecTests.Sandbox>
{
    private const string ResolvConf = "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n";
    private const string MissingCurl = "OCI runtime exec failed: exec failed: unable to start container process: exec: \"curl\": executable file not found in $PATH: unknown\n";

    [Theory]
    [InlineData("exec box -- cat /etc/resolv.conf", 0, ResolvConf, "")]
    [InlineData("exec two -c tools -- nslookup web", 0, "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ", "")]
    [InlineData("exec deploy/web -- curl -s http://web", 0, "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>", "")]
    [InlineData("exec box -- wget -qO- http://nope", 1, "wget: bad address 'nope'\n", "command terminated with exit code 1\n")]
    [InlineData("exec deploy/web -- curl http://nope", 6, "curl: (6) Could not resolve host: nope\n", "command terminated with exit code 6\n")]
    [InlineData("exec box -- curl http://web", 126, "", MissingCurl + "command terminated with exit code 126\n")]
    [InlineData("exec once -- hostname", 1, "", "error: cannot exec into a container in a completed pod; current phase is Succeeded\n")]
    [InlineData("exec waiting -c main -- hostname", 1, "", "error: unable to upgrade connection: container not found (\"main\")\n")]
    [InlineData("exec two -c nope -- hostname", 1, "", "Error from server (BadRequest): container nope is not valid for pod two\n")]
    [InlineData("exec box -- cat /etc/passwd", 1, "", "error: this playground's exec runs curl, wget, nslookup, hostname, sh, cat /etc/resolv.conf, and cat or ls of mounted volumes; \"cat /etc/passwd\" is not simulated\n")]
    public async Task Real_kubectl_exec_prints_the_programs_output_and_exits_with_its_code(string command, int exitCode, string output, string error)
    {
        var (code, stdout, stderr) = await sandbox.Kubectl.RunAsync(command);

        Assert.True(code == exitCode, $"kubectl {command} exited {code}:\n{stdout}\n{stderr}");
        Assert.StartsWith(output, stdout);
        Assert.Equal(error, stderr);
    }

    [Fact]
    public async Task Real_kubectl_exec_i_sh_runs_each_line_of_stdin_until_exit()
    {
        var (code, stdout, stderr) = await sandbox.Kubectl.RunAsync("exec -i box -- sh", "hostname\nnosuch\necho one  two\nexit 3\necho never\n");
        var (endCode, endOutput, _) = await sandbox.Kubectl.RunAsync("exec -i box -- sh", "hostname\ncat /etc/resolv.conf");

        Assert.Equal(3, code);
        Assert.Equal("box\none two\n", stdout);
        Assert.Equal("sh: nosuch: not found\ncommand terminated with exit code 3\n", stderr);
        // Without exit, sh ends when stdin does (v5's close of the stdin stream), the last line run even without its newline.
        Assert.Equal((0, "box\n" + ResolvConf), (endCode, endOutput));
    }

    [Theory]
    [InlineData("exec box -- cat /etc/resolv.conf", null)]
    [InlineData("exec two -c tools -- nslookup web", null)]
    [InlineData("exec deploy/web -- curl -s http://web", null)]
    [InlineData("exec box -- wget -qO- http://nope", null)]
    [InlineData("exec box -- curl http://web", null)]
    [InlineData("exec once -- hostname", null)]
    [InlineData("exec waiting -c main -- hostname", null)]
    [InlineData("exec box -- sh -c hostname", null)]
    [InlineData("exec -i box -- sh", "hostname\nnslookup kubernetes\nexit 4\n")]
    public async Task The_terminal_prints_what_real_kubectl_exec_prints(string command, string? stdin)
    {
        var (code, output, error) = await sandbox.Kubectl.RunAsync(command, stdin);
        var (engineCode, engine) = await sandbox.EngineAsync("kubectl " + command, stdin);

        Assert.True((code, output + error) == (engineCode, engine),
            $"kubectl {command}\n--- real kubectl (exit {code}):\n{output}{error}\n--- terminal (exit {engineCode}):\n{engine}");
    }

    [Fact]
    public async Task A_pod_on_a_powered_off_node_cannot_be_reached_as_in_the_terminal()
    {
        var (id, token) = await sandbox.Server.CreateSandboxAsync();
        await ClockApiTests.ClockOkAsync(sandbox.Server, id, token, """{"paused": true}""");
        await sandbox.Server.KubectlOkAsync(id, token, "kubectl run box --image=busybox -- sleep 3600");
        await ClockApiTests.ClockOkAsync(sandbox.Server, id, token, """{"advance": "1m"}""");
        using var kubectl = await RealKubectl.ForAsync(sandbox.Server, id, token);
        var node = await kubectl.OkAsync("get pod box -o jsonpath={.spec.nodeName}");
        var address = await kubectl.OkAsync($"get node {node} -o jsonpath='{{.status.addresses[?(@.type==\"InternalIP\")].address}}'");
        await sandbox.Server.KubectlOkAsync(id, token, $"kubectl annotate node {node} playground.k8s.io/powered-off=true");

        var (code, output, error) = await kubectl.RunAsync("exec box -- hostname");
        var engine = await sandbox.Server.KubectlAsync(id, token, "kubectl exec box -- hostname");

        Assert.Equal((1, ""), (code, output));
        Assert.Equal($"Error from server: error dialing backend: dial tcp {address}:10250: connect: no route to host\n", error);
        Assert.Equal(error, (await engine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("output").GetString());
    }

    [Fact]
    public async Task V5_frames_each_write_by_channel_and_ends_with_a_Success_Status_and_a_normal_close()
    {
        using var socket = await sandbox.ConnectAsync("box", "command=cat&command=/etc/resolv.conf&stdout=true&stderr=true", ExecV5);

        var frames = await ReadToCloseAsync(socket);

        Assert.Equal(ExecV5, socket.SubProtocol);
        // An empty message on stdout first says the streams are ready, as upstream's server does.
        Assert.Equal([(1, ""), (1, ResolvConf)], frames.Take(2));
        Assert.Equal((3, "Success"), (frames[2].Channel, Status(frames[2]).GetProperty("status").GetString()));
        Assert.Equal(3, frames.Count);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task V4_sends_errors_on_stderr_and_the_exit_code_as_a_cause_of_the_error_channels_Status()
    {
        using var socket = await sandbox.ConnectAsync("box", "command=curl&command=http://web&stdout=true&stderr=true", ExecV4);

        var frames = await ReadToCloseAsync(socket);
        var status = Status(frames[^1]);

        Assert.Equal(ExecV4, socket.SubProtocol);
        Assert.Equal([(1, ""), (2, MissingCurl)], frames.Take(2));
        Assert.Equal(3, frames[^1].Channel);
        Assert.Equal(("Failure", "NonZeroExitCode"), (status.GetProperty("status").GetString(), status.GetProperty("reason").GetString()));
        var cause = status.GetProperty("details").GetProperty("causes").EnumerateArray().Single();
        Assert.Equal(("ExitCode", "126"), (cause.GetProperty("reason").GetString(), cause.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_tty_has_one_stream_with_CRLF_line_ends()
    {
        using var socket = await sandbox.ConnectAsync("box", "command=curl&command=http://web&stdout=true&stderr=true&tty=true", ExecV5);

        var frames = await ReadToCloseAsync(socket);

        Assert.Equal([(1, ""), (1, MissingCurl.Replace("\n", "\r\n"))], frames.SkipLast(1));
    }

    [Fact]
    public async Task V5_stdin_runs_as_lines_arrive_and_the_close_signal_ends_the_shell()
    {
        using var socket = await sandbox.ConnectAsync("box", "command=sh&stdin=true&stdout=true&stderr=true", ExecV5);

        foreach (var chunk in new[] { "hostname\n", "echo do", "ne\nnosuch" })
            await socket.SendAsync(Frame(0, Encoding.UTF8.GetBytes(chunk)), WebSocketMessageType.Binary, true, CancellationToken.None);
        // v5's CLOSE signal (channel 255) for stream 0: stdin has ended, so sh runs the unfinished last line and exits.
        await socket.SendAsync(Frame(255, [0]), WebSocketMessageType.Binary, true, CancellationToken.None);
        var frames = await ReadToCloseAsync(socket);
        var status = Status(frames[^1]);

        Assert.Equal([(1, ""), (1, "box\n"), (1, "done\n"), (2, "sh: nosuch: not found\n")], frames.SkipLast(1));
        Assert.Equal("127", status.GetProperty("details").GetProperty("causes")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_sh_session_in_an_image_without_sh_fails_as_runc_does_in_the_API_and_the_terminal_alike()
    {
        const string command = "exec -i -n kube-system deploy/coredns -- sh";

        var (code, _, error) = await sandbox.Kubectl.RunAsync(command, "hostname\n");
        var (engineCode, engineOutput) = await sandbox.EngineAsync("kubectl " + command, "hostname\n");

        Assert.Equal(126, code);
        Assert.Contains("exec: \"sh\": executable file not found in $PATH", error);
        Assert.Equal(126, engineCode);
        Assert.Contains("exec: \"sh\": executable file not found in $PATH", engineOutput);
    }

    [Fact]
    public async Task A_stdin_line_past_the_limit_ends_the_session_instead_of_filling_the_servers_memory()
    {
        using var socket = await sandbox.ConnectAsync("box", "command=sh&stdin=true&stdout=true&stderr=true", ExecV5);
        var chunk = Frame(0, Encoding.UTF8.GetBytes(new string('x', 512 * 1024)));

        var ended = false;
        try
        {
            // 4 MiB without a newline, in messages each under the message limit.
            for (var i = 0; i < 8; i++) await socket.SendAsync(chunk, WebSocketMessageType.Binary, true, CancellationToken.None);
            var buffer = new byte[1024];
            while (!ended)
                ended = (await socket.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token)).MessageType == WebSocketMessageType.Close;
        }
        catch (WebSocketException)
        {
            ended = true;
        }

        Assert.True(ended);
    }

    [Fact]
    public async Task A_refusal_after_the_upgrade_is_a_Failure_Status_that_kubectl_prints_as_an_error()
    {
        using var socket = await sandbox.ConnectAsync("waiting", "command=hostname&container=main&stdout=true", ExecV5);

        var frames = await ReadToCloseAsync(socket);
        var status = Status(frames[^1]);

        Assert.Equal([(1, "")], frames.SkipLast(1));
        Assert.Equal(("Failure", "unable to upgrade connection: container not found (\"main\")"),
            (status.GetProperty("status").GetString(), status.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task The_socket_route_wants_the_sandboxs_own_token()
    {
        var (_, otherToken) = await sandbox.Server.CreateSandboxAsync();

        var none = await sandbox.RefusedAsync("box", "command=hostname&stdout=true", ExecV5, token: null);
        var other = await sandbox.RefusedAsync("box", "command=hostname&stdout=true", ExecV5, otherToken);

        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Equal(HttpStatusCode.Forbidden, other);
    }

    [Fact]
    public async Task SPDY_and_requests_that_are_no_upgrade_get_a_400_Status_that_says_why()
    {
        var spdy = await sandbox.ExecRequestAsync(HttpMethod.Post, "box", "command=hostname&stdout=true", request =>
        {
            request.Headers.Connection.Add("Upgrade");
            request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("SPDY", "3.1"));
            request.Headers.Add("X-Stream-Protocol-Version", "v4.channel.k8s.io");
        });
        var plain = await sandbox.ExecRequestAsync(HttpMethod.Post, "box", "command=hostname&stdout=true");
        var oldProtocol = await sandbox.RefusedAsync("box", "command=hostname&stdout=true", "channel.k8s.io", sandbox.Token);

        Assert.Equal((HttpStatusCode.BadRequest, "this server streams pods/exec over WebSocket (v5.channel.k8s.io or v4.channel.k8s.io), not SPDY/3.1: use kubectl v1.30 or later"), spdy);
        Assert.Equal((HttpStatusCode.BadRequest, "Upgrade request required"), plain);
        Assert.Equal(HttpStatusCode.BadRequest, oldProtocol);
    }

    [Theory]
    [InlineData("box", "stdout=true", HttpStatusCode.BadRequest, "you must specify at least one command for the container")]
    [InlineData("box", "command=hostname", HttpStatusCode.BadRequest, "you must specify at least 1 of stdin, stdout, stderr")]
    [InlineData("box", "command=hostname&stdout=maybe", HttpStatusCode.BadRequest, "stdout: Invalid value: \"maybe\": must be true or false")]
    [InlineData("nosuch", "command=hostname&stdout=true", HttpStatusCode.NotFound, "pods \"nosuch\" not found")]
    [InlineData("two", "command=hostname&stdout=true", HttpStatusCode.BadRequest, "a container name must be specified for pod two, choose one of: [app tools]")]
    [InlineData("two", "command=hostname&stdout=true&container=nope", HttpStatusCode.BadRequest, "container nope is not valid for pod two")]
    [InlineData("idle", "command=hostname&stdout=true", HttpStatusCode.BadRequest, "pod idle does not have a host assigned")]
    public async Task What_the_API_server_checks_before_the_upgrade_is_an_ordinary_Status(string pod, string query, HttpStatusCode code, string message)
    {
        var answer = await sandbox.ExecRequestAsync(HttpMethod.Get, pod, query);

        Assert.Equal((code, message), answer);
    }

    private const string ExecV5 = "v5.channel.k8s.io";
    private const string ExecV4 = "v4.channel.k8s.io";

    private static byte[] Frame(byte channel, byte[] data) => [channel, .. data];

    private static JsonElement Status((byte Channel, string Text) frame) => JsonDocument.Parse(frame.Text).RootElement.Clone();

    /// <summary>Every message up to the server's close, as (channel, text); the close is answered, as client-go answers it.</summary>
    private static async Task<List<(byte Channel, string Text)>> ReadToCloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var frames = new List<(byte, string)>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                return frames;
            }
            var bytes = message.ToArray();
            frames.Add((bytes[0], Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1)));
        }
    }

    /// <summary>
    /// One server and one sandbox, its clock paused two simulated minutes after it got a deployment "web" (nginx, has
    /// curl) behind a service, a busybox "box", a pod "two" of nginx and busybox, a finished pod "once", a pod "waiting"
    /// whose init container never ends, and a pod "idle" that no scheduler takes.
    /// </summary>
    public sealed class Sandbox : IAsyncLifetime
    {
        private string _id = "";

        public PlaygroundServer Server { get; private set; } = null!;
        public string Token { get; private set; } = "";
        public RealKubectl Kubectl { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await PlaygroundServer.StartAsync();
            (_id, Token) = await Server.CreateSandboxAsync();
            await ClockApiTests.ClockOkAsync(Server, _id, Token, """{"paused": true}""");
            foreach (var command in new[]
            {
                "create deployment web --image=nginx", "expose deployment web --port=80",
                "run box --image=busybox -- sleep 3600", "run once --image=busybox --restart=Never -- echo hi",
            })
                await Server.KubectlOkAsync(_id, Token, "kubectl " + command);
            await Server.KubectlOkAsync(_id, Token, "kubectl apply -f -", """
                apiVersion: v1
                kind: Pod
                metadata: {name: two}
                spec:
                  containers:
                  - {name: app, image: nginx}
                  - {name: tools, image: busybox, command: [sleep, "3600"]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: waiting}
                spec:
                  initContainers:
                  - {name: wait, image: busybox, command: [sleep, "3600"]}
                  containers:
                  - {name: main, image: nginx}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: idle}
                spec:
                  schedulerName: my-scheduler
                  containers:
                  - {name: c, image: nginx}
                """);
            await ClockApiTests.ClockOkAsync(Server, _id, Token, """{"advance": "2m"}""");
            Kubectl = await RealKubectl.ForAsync(Server, _id, Token);
        }

        public async Task<(int ExitCode, string Output)> EngineAsync(string command, string? stdin)
        {
            var response = await Server.KubectlAsync(_id, Token, command, stdin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("exitCode").GetInt32(), body.GetProperty("output").GetString()!);
        }

        public async Task<ClientWebSocket> ConnectAsync(string pod, string query, string protocol)
        {
            var socket = Socket(protocol, Token);
            await socket.ConnectAsync(ExecUri(pod, query, "wss"), Server.KubeApi, CancellationToken.None);
            return socket;
        }

        /// <summary>The HTTP status of a WebSocket handshake that must fail.</summary>
        public async Task<HttpStatusCode> RefusedAsync(string pod, string query, string protocol, string? token)
        {
            using var socket = Socket(protocol, token);
            socket.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(ExecUri(pod, query, "wss"), Server.KubeApi, CancellationToken.None));
            return socket.HttpStatusCode;
        }

        /// <summary>A plain HTTP request on the exec subresource, and the code and message of the Status it answers.</summary>
        public async Task<(HttpStatusCode Code, string? Message)> ExecRequestAsync(HttpMethod method, string pod, string query, Action<HttpRequestMessage>? headers = null)
        {
            var request = new HttpRequestMessage(method, ExecUri(pod, query, "https")) { Headers = { Authorization = new("Bearer", Token) } };
            headers?.Invoke(request);
            var response = await Server.KubeApi.SendAsync(request);
            var status = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Status", status.GetProperty("kind").GetString());
            return (response.StatusCode, status.GetProperty("message").GetString());
        }

        private static ClientWebSocket Socket(string protocol, string? token)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol(protocol);
            if (token is not null) socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            return socket;
        }

        private Uri ExecUri(string pod, string query, string scheme) =>
            new UriBuilder(Server.KubeApiAddress) { Scheme = scheme, Path = $"/sandboxes/{_id}/api/v1/namespaces/default/pods/{pod}/exec", Query = query }.Uri;

        public async Task DisposeAsync()
        {
            Kubectl?.Dispose();
            await Server.DisposeAsync();
        }
    }
}

"""What the load scripts share: calls to the playground's HTTP API, and HTTPS connections to a sandbox's Kubernetes API
made from the kubeconfig the server hands out, as kubectl's would be."""
import base64, http.client, json, ssl, tempfile, urllib.parse


class Playground:
    def __init__(self, base):
        self.url = urllib.parse.urlparse(base)

    def call(self, method, path, body=None, token=None):
        conn = http.client.HTTPConnection(self.url.hostname, self.url.port)
        headers = {"Content-Type": "application/json"}
        if token: headers["Authorization"] = f"Bearer {token}"
        conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = conn.getresponse()
        data = response.read()
        if response.status >= 300: raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
        return data

    def sandbox(self):
        created = json.loads(self.call("POST", "/api/sandboxes"))
        return Sandbox(self, created["id"], created["token"])

    def sandbox_of(self, sid, token):
        return Sandbox(self, sid, token)


class Sandbox:
    def __init__(self, playground, sid, token):
        self.playground, self.id, self.token = playground, sid, token
        config = playground.call("GET", f"/api/sandboxes/{sid}/kubeconfig", token=token).decode()
        server = next(l.split("server:", 1)[1].strip() for l in config.splitlines() if "server:" in l)
        ca = base64.b64decode(next(l.split(":", 1)[1].strip() for l in config.splitlines() if "certificate-authority-data" in l))
        with tempfile.NamedTemporaryFile("wb", suffix=".crt", delete=False) as f:
            f.write(ca)
        self.tls = ssl.create_default_context(cafile=f.name)
        self.api = urllib.parse.urlparse(server)
        self.auth = {"Authorization": f"Bearer {token}", "User-Agent": "kubectl/v1.32.2 (load)"}
        self.table = {"Accept": "application/json;as=Table;v=v1;g=meta.k8s.io,application/json", **self.auth}

    def kubectl(self, command):
        return json.loads(self.playground.call("POST", f"/api/sandboxes/{self.id}/kubectl", {"command": command}, self.token))

    def clock(self, change):
        return json.loads(self.playground.call("POST", f"/api/sandboxes/{self.id}/clock", change, self.token))

    def connection(self):
        return http.client.HTTPSConnection(self.api.hostname, self.api.port, context=self.tls)

"""The official Python client against one sandbox, through the kubeconfig the server hands out.

Usage: python3 journey.py KUBECONFIG. Prints one line per step for the C# test to check; any failure raises.
"""
import sys
import time

from kubernetes import client, config, watch

config.load_kube_config(config_file=sys.argv[1])
settings = client.Configuration.get_default_copy()
# The point is a verified TLS connection: the kubeconfig's CA, never an insecure one.
assert settings.verify_ssl and settings.ssl_ca_cert, "the client does not verify the server's certificate"
print("verifies", "ca" if open(settings.ssl_ca_cert).read().startswith("-----BEGIN CERTIFICATE-----") else "?")

core = client.CoreV1Api()
apps = client.AppsV1Api()
print("nodes", " ".join(sorted(n.metadata.name for n in core.list_node().items)))
print("kube-system pods", len(core.list_namespaced_pod("kube-system").items))

listed = core.list_namespaced_pod("default", label_selector="app=py")
print("default pods", len(listed.items))

# Left without api_version and kind, as the client's own examples often do: the endpoint says what it is.
template = client.V1PodTemplateSpec(
    metadata=client.V1ObjectMeta(labels={"app": "py"}),
    spec=client.V1PodSpec(containers=[client.V1Container(name="web", image="nginx:1.25")]))
deployment = client.V1Deployment(
    metadata=client.V1ObjectMeta(name="py"),
    spec=client.V1DeploymentSpec(replicas=2, selector=client.V1LabelSelector(match_labels={"app": "py"}), template=template))
created = apps.create_namespaced_deployment("default", deployment)
print("created", created.kind, created.metadata.name, created.metadata.uid != "")

# From the list's resourceVersion, the watch must replay the new pods' ADDED and then their way to Running.
running = set()
stream = watch.Watch()
for event in stream.stream(core.list_namespaced_pod, "default", label_selector="app=py",
                           resource_version=listed.metadata.resource_version, timeout_seconds=30):
    pod = event["object"]
    print("event", event["type"], pod.metadata.name, pod.status.phase)
    if event["type"] == "MODIFIED" and pod.status.phase == "Running":
        running.add(pod.metadata.name)
    if len(running) == 2:
        stream.stop()
print("running", len(running))

apps.delete_namespaced_deployment("py", "default", propagation_policy="Foreground")
deadline = time.monotonic() + 30
while core.list_namespaced_pod("default", label_selector="app=py").items or \
        any(d.metadata.name == "py" for d in apps.list_namespaced_deployment("default").items):
    assert time.monotonic() < deadline, "the deployment and its pods were never deleted"
    time.sleep(0.1)
print("deleted py")

# Without the kubeconfig's CA the same client must refuse the server's certificate.
untrusting = client.Configuration.get_default_copy()
untrusting.ssl_ca_cert = None
untrusting.retries = False
try:
    client.CoreV1Api(client.ApiClient(untrusting)).list_node()
    print("untrusted", "accepted")
except client.ApiException as e:
    # The client reports a TLS failure as an ApiException with status 0 and the SSL error as its reason.
    print("untrusted", "refused" if e.status == 0 and "CERTIFICATE_VERIFY_FAILED" in str(e.reason) else e.reason)

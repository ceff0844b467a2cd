#!/usr/bin/env python3
"""Issue 4's two figures, measured against a running server by hand (python3 only, no packages):

  1. `kubectl get pods` on a sandbox with 100 Running pods: the Table request kubectl sends, N times over one
     keep-alive TLS connection; client-side p50/p99 here, server-side from the server's request log (see README).
  2. The delay from a write to its event on an open watch: a watch on configmaps stays open while configmaps are
     created one by one; each delay is from sending the POST to reading its ADDED event.

Usage: python3 bench/load/kube_api_latency.py [http://127.0.0.1:5080] [requests]
"""
import json, os, statistics, sys, threading, time

sys.path.insert(0, os.path.dirname(__file__))
from playground_client import Playground

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5080"
requests = int(sys.argv[2]) if len(sys.argv) > 2 else 1000

sandbox = Playground(base).sandbox()
sandbox.kubectl("kubectl create deployment web --image=nginx --replicas=100")
sandbox.clock({"advance": "5m"})
running = sandbox.kubectl("kubectl get pods --field-selector=status.phase=Running --no-headers")["output"].count("\n")
print(f"sandbox {sandbox.id}: {running} Running pods")

api, auth, table, api_connection = sandbox.api, sandbox.auth, sandbox.table, sandbox.connection
conn = api_connection()
latencies = []
for i in range(requests + 50):
    start = time.perf_counter()
    conn.request("GET", f"{api.path}/api/v1/namespaces/default/pods?limit=500", headers=table)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200: raise SystemExit(f"get pods: {response.status}")
    if i >= 50: latencies.append((time.perf_counter() - start) * 1000)
rows = len(json.loads(body)["rows"])
q = statistics.quantiles(latencies, n=100)
print(f"get pods (Table, {rows} rows), {requests} requests after 50 warm-up, client side: p50 {q[49]:.1f} ms, p99 {q[98]:.1f} ms")

# Write -> watch event.
events = {}
ready = threading.Event()


def watch():
    w = api_connection()
    w.request("GET", f"{api.path}/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=false", headers=auth)
    response = w.getresponse()
    ready.set()
    buffer = b""
    while True:
        chunk = response.read1(65536)
        if not chunk: return
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            event = json.loads(line)
            if event["type"] == "ADDED": events[event["object"]["metadata"]["name"]] = time.perf_counter()


threading.Thread(target=watch, daemon=True).start()
ready.wait(10)
time.sleep(0.5)
writer = api_connection()
sent, committed = {}, {}
for i in range(100):
    name = f"probe-{i}"
    sent[name] = time.perf_counter()
    writer.request("POST", f"{api.path}/api/v1/namespaces/default/configmaps", json.dumps({"metadata": {"name": name}}),
                   headers={"Content-Type": "application/json", **auth})
    response = writer.getresponse()
    response.read()
    committed[name] = time.perf_counter()
    deadline = time.time() + 5
    while name not in events and time.time() < deadline: time.sleep(0.0005)
delays = [(events[n] - sent[n]) * 1000 for n in sent if n in events]
after = [(events[n] - committed[n]) * 1000 for n in sent if n in events]
q = statistics.quantiles(delays, n=100)
print(f"write -> watch event over {len(delays)} creates, from sending the POST: p50 {q[49]:.1f} ms, p99 {q[98]:.1f} ms; "
      f"event before the POST's answer in {sum(1 for a in after if a <= 0)} of {len(after)}")

#!/usr/bin/env python3
"""Issue 6's figure: a quiet tenant's `kubectl get pods` latency while another tenant floods the server, by hand
(python3 only, no packages), against a running server with its default rate limits. Start the server from its output folder (or with
--contentRoot src/Server), so its appsettings.json applies: without it every request is logged, which is what gets measured.

The quiet tenant asks for its pods (the Table request kubectl sends) at 40 requests a second, under its limit, first
alone and then while the flooder's processes send to their own sandbox as fast as they can: Kubernetes API reads and
writes, each process on its own connection. Prints p50/p99 of both phases and what the flooder got.

Usage: python3 bench/load/noisy_neighbour.py [http://127.0.0.1:5080] [seconds per phase] [flooding processes]
"""
import json, multiprocessing, os, statistics, sys, time

sys.path.insert(0, os.path.dirname(__file__))
from playground_client import Playground

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5080"
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 30
processes = int(sys.argv[3]) if len(sys.argv) > 3 else 4


def measure(sandbox, duration, rate=40):
    conn, latencies, due = sandbox.connection(), [], time.perf_counter()
    end = due + duration
    while due < end:
        time.sleep(max(0.0, due - time.perf_counter()))
        start = time.perf_counter()
        conn.request("GET", f"{sandbox.api.path}/api/v1/namespaces/default/pods?limit=500", headers=sandbox.table)
        response = conn.getresponse()
        response.read()
        if response.status != 200: raise SystemExit(f"quiet tenant's get pods: {response.status}")
        latencies.append((time.perf_counter() - start) * 1000)
        due += 1 / rate
    q = statistics.quantiles(latencies, n=100)
    return len(latencies), q[49], q[98]


def flood(sid, token, stop_at, results):
    sandbox = Playground(base).sandbox_of(sid, token)
    conn, counts, i = sandbox.connection(), {}, 0
    while time.time() < stop_at:
        i += 1
        if i % 3 == 0:
            conn.request("POST", f"{sandbox.api.path}/api/v1/namespaces/default/configmaps",
                         json.dumps({"metadata": {"generateName": "flood-"}}), headers={"Content-Type": "application/json", **sandbox.auth})
        else:
            conn.request("GET", f"{sandbox.api.path}/api/v1/pods?limit=500", headers=sandbox.table)
        response = conn.getresponse()
        response.read()
        counts[response.status] = counts.get(response.status, 0) + 1
        if response.getheader("Connection", "").lower() == "close": conn = sandbox.connection()
    results.put(counts)


if __name__ == "__main__":
    playground = Playground(base)
    quiet, flooder = playground.sandbox(), playground.sandbox()
    quiet.kubectl("kubectl create deployment web --image=nginx --replicas=30")
    quiet.clock({"advance": "5m"})
    measure(quiet, 2)
    alone = measure(quiet, seconds)
    print(f"quiet tenant alone: {alone[0]} requests at 40/s, p50 {alone[1]:.1f} ms, p99 {alone[2]:.1f} ms")

    results = multiprocessing.Queue()
    stop_at = time.time() + seconds + 3
    workers = [multiprocessing.Process(target=flood, args=(flooder.id, flooder.token, stop_at, results)) for _ in range(processes)]
    for w in workers: w.start()
    time.sleep(2)
    flooded = measure(quiet, seconds)
    totals = {}
    for _ in workers:
        for status, count in results.get().items(): totals[status] = totals.get(status, 0) + count
    for w in workers: w.join()
    print(f"quiet tenant while {processes} processes flood another sandbox: {flooded[0]} requests, p50 {flooded[1]:.1f} ms, p99 {flooded[2]:.1f} ms")
    print(f"flooder's answers over {seconds + 3:.0f} s: " + ", ".join(f"{count} x {status}" for status, count in sorted(totals.items())))

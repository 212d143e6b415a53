#!/usr/bin/python3
"""W6-like measurement: WMS GetMap 512x512 image/jpeg EPSG:2154 of the ortho layer at 0.2, 1 and 5 m per pixel.

Usage: w6_ortho_latency.py BASE_URL [SERVER_PID]
Windows are random, centred inside the demo orthophoto (944000..945000, 6388700..6389700); at 5 m/px a 512 px map
is 2.56 km wide, so it holds the whole 1 km orthophoto and blank surroundings. For each resolution: 30 sequential
requests (single-request latency: median, p95) then 10 s with 4 concurrent clients (throughput). With SERVER_PID,
prints the server's resident memory (VmRSS) and peak (VmHWM) at the end. Prints one JSON document.
"""
import json
import random
import statistics
import sys
import threading
import time
import urllib.request

base = sys.argv[1].rstrip("/")
pid = sys.argv[2] if len(sys.argv) > 2 else None
rng = random.Random(6)


def url(resolution):
    half = 256 * resolution
    cx, cy = rng.uniform(944000 + 100, 945000 - 100), rng.uniform(6388700 + 100, 6389700 - 100)
    bbox = f"{cx - half:.2f},{cy - half:.2f},{cx + half:.2f},{cy + half:.2f}"
    return (f"{base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ortho&STYLES=&CRS=EPSG:2154"
            f"&BBOX={bbox}&WIDTH=512&HEIGHT=512&FORMAT=image/jpeg")


def get(u):
    start = time.perf_counter()
    with urllib.request.urlopen(u, timeout=60) as response:
        body = response.read()
        assert response.status == 200 and response.headers["Content-Type"] == "image/jpeg", response.headers
    return time.perf_counter() - start, len(body)


report = {}
for resolution in (0.2, 1.0, 5.0):
    for _ in range(5):  # warm-up (JIT, first file reads)
        get(url(resolution))
    latencies, sizes = [], []
    for _ in range(30):
        seconds, size = get(url(resolution))
        latencies.append(seconds * 1000)
        sizes.append(size)
    latencies.sort()
    done, stop = [0], time.perf_counter() + 10
    lock = threading.Lock()

    def worker():
        while time.perf_counter() < stop:
            get(url(resolution))
            with lock:
                done[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(4)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    report[f"{resolution:g} m/px"] = {
        "single_median_ms": round(statistics.median(latencies), 1),
        "single_p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "mean_jpeg_bytes": int(statistics.mean(sizes)),
        "concurrency4_requests_per_s": round(done[0] / elapsed, 1),
    }
if pid:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                report[key] = value.strip()
print(json.dumps(report, indent=1))

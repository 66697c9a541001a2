#!/usr/bin/env python3
"""Test data for benchmarks/monitor/query-bench.sh: one OpenMetrics file of realistic series.

    gen_openmetrics.py OUT START_SECONDS HOURS

Writes HOURS hours of samples every 15 s from START_SECONDS (Unix seconds) into OUT, the same file
both `promtool tsdb create-blocks-from openmetrics` and `cairn monitor import openmetrics` load.
Deterministic (fixed seed). About 3,900 series:
  - http_requests_total (counter): job x instance x method x status x handler, 960 series; one
    instance restarts halfway (counter reset)
  - http_request_duration_seconds (histogram): job x instance x handler, 11 buckets + sum + count,
    1,040 series
  - node_cpu_seconds_total (counter): instance x cpu x mode, 320 series
  - node_memory_MemAvailable_bytes, process_resident_memory_bytes, up (gauges), 16 series each
  - app_build_info (gauge, version label): 16 series
  - api_user_requests_total (counter): 1,000 user_id values (high cardinality)
  - container_memory_usage_bytes (gauge): pods that live 40 minutes each (churn), ~500 series
Prints the number of series and samples written.
"""
import math
import random
import sys

OUT = sys.argv[1]
START = int(sys.argv[2])
HOURS = float(sys.argv[3])
STEP = 15
N = int(HOURS * 3600 // STEP)
TIMES = [START + i * STEP for i in range(N)]
rnd = random.Random(42)
JOBS = ["api", "web"]
INSTANCES = [f"10.0.{i // 4}.{i % 4 + 1}:9100" for i in range(8)]
ALL_INSTANCES = [(j, i) for j in JOBS for i in INSTANCES]
series_count = 0
sample_count = 0


def labelstr(labels):
    return "{" + ",".join(f'{k}="{v}"' for k, v in labels) + "}"


def write_series(out, name, labels, values, times=TIMES):
    """values: one per time (None = no sample)."""
    global series_count, sample_count
    prefix = name + labelstr(labels) + " "
    lines = [f"{prefix}{v} {t}\n" for t, v in zip(times, values) if v is not None]
    out.writelines(lines)
    series_count += 1
    sample_count += len(lines)


def counter(rate, reset_at=None):
    vals, c = [], 0.0
    for i in range(N):
        if reset_at is not None and i == reset_at:
            c = 0.0
        c += max(0, int(rnd.gauss(rate * STEP, rate * STEP * 0.3 + 1)))
        vals.append(int(c))
    return vals


def gauge(base, spread):
    v, vals = base, []
    for _ in range(N):
        v = max(0.0, v + rnd.gauss(0, spread))
        vals.append(round(v, 2))
    return vals


with open(OUT, "w") as out:
    out.write("# HELP http_requests Requests served.\n# TYPE http_requests counter\n")
    for job, inst in ALL_INSTANCES:
        reset = N // 2 if inst == INSTANCES[3] and job == "api" else None
        for method in ["GET", "POST", "PUT"]:
            for status in ["200", "302", "404", "500"]:
                for handler in ["/", "/api/v1/query", "/api/v1/write", "/login", "/static"]:
                    base = {"200": 5, "302": 1, "404": 0.5, "500": 0.1}[status] * (3 if method == "GET" else 1)
                    labels = [("handler", handler), ("instance", inst), ("job", job), ("method", method), ("status", status)]
                    write_series(out, "http_requests_total", labels, counter(base, reset))

    out.write("# HELP http_request_duration_seconds Request latency.\n# TYPE http_request_duration_seconds histogram\n")
    les = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
    for job, inst in ALL_INSTANCES:
        for handler in ["/", "/api/v1/query", "/api/v1/write", "/login", "/static"]:
            scale = rnd.uniform(0.02, 0.5)
            cum = [0] * (len(les) + 1)
            buckets = [[] for _ in range(len(les) + 1)]
            total, sums = 0.0, []
            for _ in range(N):
                n = rnd.randint(0, 60)
                for _ in range(n):
                    d = rnd.expovariate(1 / scale)
                    total += d
                    for b, le in enumerate(les):
                        if d <= le:
                            cum[b] += 1
                    cum[-1] += 1
                for b in range(len(cum)):
                    buckets[b].append(cum[b])
                sums.append(round(total, 4))
            base = [("handler", handler), ("instance", inst), ("job", job)]
            for b, le in enumerate(les + ["+Inf"]):
                write_series(out, "http_request_duration_seconds_bucket", base + [("le", str(le))], buckets[b])
            write_series(out, "http_request_duration_seconds_sum", base, sums)
            write_series(out, "http_request_duration_seconds_count", base, buckets[-1])

    out.write("# HELP node_cpu_seconds CPU time.\n# TYPE node_cpu_seconds counter\n")
    for job, inst in ALL_INSTANCES:
        for cpu in range(4):
            for mode in ["idle", "iowait", "system", "user", "steal"]:
                share = {"idle": 0.7, "iowait": 0.02, "system": 0.08, "user": 0.19, "steal": 0.01}[mode]
                vals, c = [], 0.0
                for _ in range(N):
                    c += STEP * share * rnd.uniform(0.8, 1.2)
                    vals.append(round(c, 2))
                write_series(out, "node_cpu_seconds_total", [("cpu", str(cpu)), ("instance", inst), ("job", job), ("mode", mode)], vals)

    for name, base, spread in [("node_memory_MemAvailable_bytes", 8e9, 5e7), ("process_resident_memory_bytes", 5e8, 5e6)]:
        out.write(f"# HELP {name} A gauge.\n# TYPE {name} gauge\n")
        for job, inst in ALL_INSTANCES:
            write_series(out, name, [("instance", inst), ("job", job)], gauge(base, spread))
    out.write("# HELP up Target up.\n# TYPE up gauge\n")
    for job, inst in ALL_INSTANCES:
        write_series(out, "up", [("instance", inst), ("job", job)], [0 if rnd.random() < 0.02 else 1 for _ in range(N)])
    out.write("# HELP app_build_info Build.\n# TYPE app_build_info gauge\n")
    for k, (job, inst) in enumerate(ALL_INSTANCES):
        write_series(out, "app_build_info", [("instance", inst), ("job", job), ("version", f"1.{k % 3}.0")], [1] * N)

    out.write("# HELP api_user_requests Requests per user.\n# TYPE api_user_requests counter\n")
    for u in range(1000):
        inst = INSTANCES[u % len(INSTANCES)]
        write_series(out, "api_user_requests_total", [("instance", inst), ("job", "api"), ("user_id", f"u{u:04d}")],
                     counter(rnd.uniform(0.01, 2)))

    out.write("# HELP container_memory_usage_bytes Pod memory.\n# TYPE container_memory_usage_bytes gauge\n")
    life = 40 * 60 // STEP
    for ns in ["default", "kube-system", "monitoring", "payments", "search"]:
        for slot in range(20):
            offset = rnd.randint(0, life - 1)
            gen = 0
            first = -offset
            while first < N:
                lo, hi = max(first, 0), min(first + life, N)
                vals = [None] * N
                v = rnd.uniform(1e8, 2e9)
                for i in range(lo, hi):
                    v = max(1e7, v + rnd.gauss(0, 1e6))
                    vals[i] = round(v)
                write_series(out, "container_memory_usage_bytes",
                             [("namespace", ns), ("pod", f"{ns}-{slot}-{gen:03d}-{math.floor(rnd.random() * 1e5):05d}")], vals)
                gen += 1
                first += life
    out.write("# EOF\n")

print(f"{series_count} series, {sample_count} samples, {N} steps of {STEP} s")

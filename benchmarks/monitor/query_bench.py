#!/usr/bin/env python3
"""Driver of benchmarks/monitor/query-bench.sh: PromQL query latency, Prometheus vs cairn.

    query_bench.py PROM_URL PROM_PID CAIRN_URL CAIRN_PID DATA_START DATA_END REPS [FILTER]

Both servers hold the same data (DATA_START..DATA_END, Unix seconds, the last sample at DATA_END).
First the whole list runs WARMUP times on both servers (environment variable, default 30; a warm-up,
not measured: the JVM interprets a method until it has run thousands of times, so a cold cairn is
slower than a warm one, while Go needs no warm-up; WARMUP=2 shows the cold figures), followed by 15 s
without requests, so that compilations the warm-up queued (the JIT's threads share the server's
pinned core) do not land in the first measured runs. Then for every query of
QUERIES: two more warm-up runs on each server (their answers are compared: same
result type, same series, values equal within a relative 1e-9, NaN equal to NaN; order is not
compared), then REPS measured runs, the two servers alternating which goes first in each repetition
so that drifting load hits both alike. Latency is the client's wall time for the whole HTTP request
(response body read, not parsed); the median of the REPS runs is reported. Peak memory: before each
measured run the server's peak RSS is reset (`echo 5 > /proc/PID/clear_refs` sets VmHWM to the
current RSS, read as the baseline) and VmHWM is read after it; the largest peak - baseline over the
runs is reported, in MB. FILTER (optional) runs only the queries whose name contains it.
Prints a Markdown table and the median and largest cairn/Prometheus latency ratios against the goals
(median <= 0.8, none above 1.5).
"""
import http.client
import json
import math
import os
import statistics
import sys
import time
import urllib.parse

PROM_URL, PROM_PID, CAIRN_URL, CAIRN_PID = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
DATA_START, DATA_END, REPS = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
FILTER = sys.argv[8] if len(sys.argv) > 8 else ""
HOUR = 3600
SETTLE = 15  # seconds of quiet between the warm-up and the measured runs

# (name, expr, None for an instant query at DATA_END or (range seconds, step seconds) ending at DATA_END)
QUERIES = [
    ("i-up", "up", None),
    ("i-selector-960", "http_requests_total", None),
    ("i-eq-regex", 'http_requests_total{method="GET",status=~"5.."}', None),
    ("i-name-regex", '{__name__=~"http_request.*",job="api",handler="/login"}', None),
    ("i-user-regex", 'api_user_requests_total{user_id=~"u01.*|u09.*"}', None),
    ("i-rate-5m", "rate(http_requests_total[5m])", None),
    ("i-irate-neq", 'irate(node_cpu_seconds_total{mode!="idle"}[5m])', None),
    ("i-increase-1h", "increase(http_requests_total[1h])", None),
    ("i-rate-3h", "rate(http_requests_total[3h])", None),
    ("i-sum-by-rate", "sum by (job, handler) (rate(http_requests_total[5m]))", None),
    ("i-topk", "topk(5, sum by (instance) (rate(http_requests_total[5m])))", None),
    ("i-hq-90", "histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", None),
    ("i-hq-99-1h", "histogram_quantile(0.99, sum by (le, handler) (rate(http_request_duration_seconds_bucket[1h])))", None),
    ("i-count-values", 'count_values("gb", round(node_memory_MemAvailable_bytes / 1e9))', None),
    ("i-users-sum", "sum(rate(api_user_requests_total[10m]))", None),
    ("i-users-topk", "topk(10, rate(api_user_requests_total[30m]))", None),
    ("i-users-count", "count(count by (user_id) (api_user_requests_total))", None),
    ("i-qot", "quantile_over_time(0.95, process_resident_memory_bytes[1h])", None),
    ("i-avg-3h", "avg_over_time(node_memory_MemAvailable_bytes[3h])", None),
    ("i-subquery", "max_over_time(rate(http_requests_total[5m])[1h:1m])", None),
    ("i-absent", 'absent(nonexistent_metric{job="x"})', None),
    ("i-label-replace", 'label_replace(up, "host", "$1", "instance", "(.*):.*")', None),
    ("i-group-left", "sum by (job, instance) (rate(http_requests_total[5m])) * on (job, instance) group_left (version) app_build_info", None),
    ("i-error-ratio", 'sum by (job, instance) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (job, instance) (rate(http_requests_total[5m]))', None),
    ("i-sort-increase", "sort_desc(sum by (handler) (increase(http_requests_total[1h])))", None),
    ("i-predict", "predict_linear(node_memory_MemAvailable_bytes[1h], 3600)", None),
    ("r-sum-rate-3h", "sum by (job) (rate(http_requests_total[5m]))", (3 * HOUR, 15)),
    ("r-rate-1h-960", "rate(http_requests_total[1m])", (HOUR, 15)),
    ("r-hq-3h", "histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", (3 * HOUR, 60)),
    ("r-users-topk", "topk(5, rate(api_user_requests_total[5m]))", (3 * HOUR, 60)),
    ("r-gauge-raw", "node_memory_MemAvailable_bytes", (3 * HOUR, 30)),
    ("r-avg-ot", "avg_over_time(process_resident_memory_bytes[10m])", (3 * HOUR, 60)),
    ("r-subquery", "max_over_time(rate(http_requests_total[5m])[30m:1m])", (HOUR, 60)),
    ("r-cpu-by-inst", 'sum by (instance) (irate(node_cpu_seconds_total{mode!="idle"}[1m]))', (3 * HOUR, 60)),
    ("r-count-by-le", "count by (le) (http_request_duration_seconds_bucket)", (3 * HOUR, 60)),
    ("r-users-qot", "quantile_over_time(0.9, api_user_requests_total[30m])", (3 * HOUR, 300)),
    ("r-at-end", "sum(rate(http_requests_total[5m] @ end()))", (3 * HOUR, 15)),
    ("r-churn", "sum by (namespace) (container_memory_usage_bytes)", (3 * HOUR, 60)),
    ("r-absent", 'absent(up{job="nope"})', (3 * HOUR, 60)),
    ("r-label-replace", 'label_replace(sum by (instance) (rate(http_requests_total[5m])), "ip", "$1", "instance", "(.*):.*")', (3 * HOUR, 60)),
]


class Server:
    def __init__(self, name, url, pid):
        u = urllib.parse.urlparse(url)
        self.name, self.host, self.port, self.pid = name, u.hostname, u.port, pid
        self.conn = None

    def get(self, path):
        """Body of GET path; reconnects once if the kept-alive connection was closed."""
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=300)
            try:
                self.conn.request("GET", path)
                resp = self.conn.getresponse()
                body = resp.read()
                return resp.status, body
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def status_kb(self, key):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        raise KeyError(key)

    def reset_peak(self):
        with open(f"/proc/{self.pid}/clear_refs", "w") as f:
            f.write("5")
        return self.status_kb("VmRSS")


def path_of(expr, spec):
    if spec is None:
        return "/api/v1/query?" + urllib.parse.urlencode({"query": expr, "time": DATA_END})
    rng, step = spec
    return "/api/v1/query_range?" + urllib.parse.urlencode(
        {"query": expr, "start": DATA_END - rng, "end": DATA_END, "step": step})


def num(s):
    return float(s)  # "NaN", "+Inf", "-Inf" parse


def close(a, b):
    x, y = num(a), num(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def normalise(body):
    """(resultType, {labels: [(t, v), ...]}) of a successful answer, or ('error', text)."""
    doc = json.loads(body)
    if doc.get("status") != "success":
        return "error", f"{doc.get('errorType')}: {doc.get('error')}"
    data = doc["data"]
    rt, res = data["resultType"], data["result"]
    if rt in ("scalar", "string"):
        return rt, {(): [tuple(res)]}
    out = {}
    for s in res:
        key = tuple(sorted(s["metric"].items()))
        out[key] = [tuple(s["value"])] if rt == "vector" else [tuple(p) for p in s["values"]]
    return rt, out


def differences(a, b):
    """Why two normalised answers differ, or None."""
    if a[0] != b[0]:
        return f"result type {a[0]} vs {b[0]}"
    if a[0] == "error":
        return None if a[1] == b[1] else f"errors differ: {a[1]} / {b[1]}"
    if a[0] == "string":
        return None if a[1] == b[1] else "strings differ"
    if set(a[1]) != set(b[1]):
        only_a, only_b = set(a[1]) - set(b[1]), set(b[1]) - set(a[1])
        return f"series differ: {len(a[1])} vs {len(b[1])} ({len(only_a)} only in Prometheus, {len(only_b)} only in cairn)"
    for key, pa in a[1].items():
        pb = b[1][key]
        if len(pa) != len(pb):
            return f"{dict(key)}: {len(pa)} vs {len(pb)} points"
        for (ta, va), (tb, vb) in zip(pa, pb):
            if float(ta) != float(tb) or not close(va, vb):
                return f"{dict(key)} at {ta}: {va} vs {tb} {vb}"
    return None


def timed(server, path):
    t0 = time.perf_counter()
    status, body = server.get(path)
    return (time.perf_counter() - t0) * 1000, status, body


def main():
    prom, cairn = Server("prometheus", PROM_URL, PROM_PID), Server("cairn", CAIRN_URL, CAIRN_PID)
    rows, mismatches = [], []
    began = time.time()
    selected = [q for q in QUERIES if not FILTER or FILTER in q[0]]
    rounds = int(os.environ.get("WARMUP", "30"))
    for _ in range(rounds):  # warms both servers up on the whole list (the JVM's JIT compiles the hot paths)
        for name, expr, spec in selected:
            prom.get(path_of(expr, spec))
            cairn.get(path_of(expr, spec))
    print(f"warm-up (the whole list {rounds} times on both servers): {time.time() - began:.0f} s", file=sys.stderr, flush=True)
    time.sleep(SETTLE)  # lets the JIT finish compiling what the warm-up queued (its threads share the pinned core)
    for name, expr, spec in QUERIES:
        if FILTER and FILTER not in name:
            continue
        path = path_of(expr, spec)
        for _ in range(2):
            _, ps, pbody = timed(prom, path)
            _, cs, cbody = timed(cairn, path)
        pa, ca = normalise(pbody), normalise(cbody)
        diff = differences(pa, ca)
        if ps != cs:
            diff = f"HTTP {ps} vs {cs}" + (f"; {diff}" if diff else "")
        if diff:
            mismatches.append((name, diff))
        lat = {prom: [], cairn: []}
        peak = {prom: 0, cairn: 0}
        for rep in range(REPS):
            for server in ((prom, cairn) if rep % 2 == 0 else (cairn, prom)):
                base = server.reset_peak()
                ms, _, _ = timed(server, path)
                peak[server] = max(peak[server], server.status_kb("VmHWM") - base)
                lat[server].append(ms)
        pm, cm = statistics.median(lat[prom]), statistics.median(lat[cairn])
        nseries = len(pa[1]) if pa[0] not in ("error", "string") else 0
        rows.append((name, expr, spec, nseries, pm, cm, cm / pm, peak[prom] / 1024, peak[cairn] / 1024, diff is None))
        print(f"{name}: prometheus {pm:.1f} ms, cairn {cm:.1f} ms, ratio {cm / pm:.2f}", file=sys.stderr, flush=True)

    print()
    print(f"{len(rows)} queries, {REPS} measured runs each per server, data {DATA_START}..{DATA_END} "
          f"(instant queries at the end; ranges end there), {time.time() - began:.0f} s")
    print()
    print("| query | kind | series | Prometheus ms | cairn ms | cairn / Prometheus | Prometheus peak MB | cairn peak MB | same answer |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, expr, spec, nseries, pm, cm, ratio, ppk, cpk, same in rows:
        kind = "instant" if spec is None else f"range {spec[0] // 60}m / {spec[1]}s"
        shown = expr.replace("|", "\\|")
        print(f"| `{shown}` | {kind} | {nseries} | {pm:.1f} | {cm:.1f} | {ratio:.2f} | {ppk:.1f} | {cpk:.1f} | {'yes' if same else '**no**'} |")
    if not rows:
        return
    ratios = [r[6] for r in rows]
    med, worst = statistics.median(ratios), max(ratios)
    worst_name = rows[ratios.index(worst)][0]
    print()
    print(f"median cairn/Prometheus latency ratio: {med:.2f} (goal <= 0.8: {'met' if med <= 0.8 else 'NOT met'})")
    print(f"largest ratio: {worst:.2f} ({worst_name}) (goal <= 1.5: {'met' if worst <= 1.5 else 'NOT met'}); "
          f"{sum(1 for r in ratios if r > 1.5)} queries above 1.5")
    print(f"sum of medians: Prometheus {sum(r[4] for r in rows):.0f} ms, cairn {sum(r[5] for r in rows):.0f} ms")
    if mismatches:
        print()
        print(f"{len(mismatches)} answers differ:")
        for name, diff in mismatches:
            print(f"- {name}: {diff}")
    else:
        print("all answers equal")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# PromQL query latency and peak memory: Prometheus 2.42 and cairn monitor on the same data.
#
#   [WARMUP=rounds (30)] benchmarks/monitor/query-bench.sh [repetitions (15)] [hours of data (3)] [query-name filter]
#
# benchmarks/monitor/gen_openmetrics.py writes HOURS hours of about 3,900 series at 15 s (counters,
# gauges, a histogram, 1,000 user ids, churning pods: see its header) into one OpenMetrics file,
# starting at a 2 h boundary so that the data makes two blocks neither server compacts further. The
# same file is loaded with `promtool tsdb create-blocks-from openmetrics` for Prometheus and
# `cairn monitor import openmetrics` for cairn. Both servers then run at once, each pinned to core 1
# (taskset) with no scrape targets; the driver (benchmarks/monitor/query_bench.py, pinned to core 0)
# sends each query of its list to both, alternating which goes first per repetition, compares the
# answers and prints a Markdown table of median latencies, ratios and peak RSS growth per query (its
# header says exactly how each figure is taken). About 5 minutes with the defaults.
# cairn runs with the JVM options of the ./cairn launcher (CAIRN_JAVA_OPTS is passed through).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${1:-15}"
HOURS="${2:-3}"
FILTER="${3:-}"
WORK="$(mktemp -d /tmp/cairn-querybench.XXXXXX)"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PPORT=$(free_port)
CPORT=$(free_port)
PIDS=()

for tool in prometheus promtool python3 taskset curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y prometheus python3 util-linux curl" >&2; exit 1; }
done
"$ROOT/cairn" version >/dev/null # builds cairn if needed, outside the measurement

cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && { kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; } || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_ready() { # url
  for _ in $(seq 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "not ready: $1" >&2; tail -20 "$WORK"/*.log >&2; return 1
}

START=$(( ($(date +%s) / 7200) * 7200 - 6 * 3600 ))
END=$(( START + HOURS * 3600 - 15 ))
echo "generating ${HOURS} h of data from $START..." >&2
python3 "$ROOT/benchmarks/monitor/gen_openmetrics.py" "$WORK/data.om" "$START" "$HOURS" >&2
echo "loading into Prometheus (promtool) and cairn (cairn monitor import)..." >&2
promtool tsdb create-blocks-from openmetrics "$WORK/data.om" "$WORK/prom" >/dev/null
CAIRN_SKIP_BUILD=1 "$ROOT/cairn" monitor import openmetrics "$WORK/data.om" "$WORK/cairn" >/dev/null
rm -f "$WORK/data.om"
echo "scrape_configs: []" >"$WORK/empty.yml"

taskset -c 1 prometheus --config.file="$WORK/empty.yml" --storage.tsdb.path="$WORK/prom" \
  --storage.tsdb.retention.time=10y --web.listen-address=127.0.0.1:$PPORT >"$WORK/prom.log" 2>&1 &
PPID_=$!; PIDS+=("$PPID_")
CAIRN_SKIP_BUILD=1 taskset -c 1 "$ROOT/cairn" monitor --config.file "$WORK/empty.yml" --data-dir "$WORK/cairn-data" \
  --storage.tsdb.path "$WORK/cairn" --storage.tsdb.retention.time 10y --admin-address 127.0.0.1:0 \
  --web.listen-address 127.0.0.1:$CPORT >"$WORK/cairn.log" 2>&1 &
CPID=$!; PIDS+=("$CPID")
wait_ready "http://127.0.0.1:$PPORT/-/ready"
wait_ready "http://127.0.0.1:$CPORT/-/ready"
sleep 5

echo "cairn JVM options: ${CAIRN_JAVA_OPTS:-none besides the launcher defaults}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
taskset -c 0 python3 "$ROOT/benchmarks/monitor/query_bench.py" "http://127.0.0.1:$PPORT" "$PPID_" \
  "http://127.0.0.1:$CPORT" "$CPID" "$START" "$END" "$REPS" "$FILTER"
echo >&2
echo "RSS at the end: Prometheus $(awk '/VmRSS/ { print int($2 / 1024) }' /proc/$PPID_/status) MiB, cairn $(awk '/VmRSS/ { print int($2 / 1024) }' /proc/$CPID/status) MiB" >&2

#!/usr/bin/env bash
# Side by side: Prometheus 2.42, VictoriaMetrics 1.79 and cairn monitor scraping the same targets.
#
#   benchmarks/monitor/compare-prometheus.sh [targets (200)] [series per target (1000)] [seconds (300)]
#
# One Python server (benchmarks/monitor/targets.py, pinned to core 0) plays every target: the same
# address under TARGETS `shard` labels, each answering SERIES changing series. Each system in turn
# runs alone on a fresh data directory, pinned to core 1 (taskset), with the same configuration file
# (5 s scrape interval), for a 60 s warm-up and then SECONDS measured:
#   - samples ingested per CPU-second: scrapes the targets served in the measured window x SERIES,
#     over the process's user+system CPU time in that window (/proc/<pid>/stat)
#   - peak RSS per active series: VmHWM at the end over TARGETS x SERIES
#   - bytes per sample on disk: Prometheus and cairn take a TSDB snapshot (POST
#     /api/v1/admin/tsdb/snapshot: every block plus the head written as a block, index included) and
#     the snapshot's bytes are divided by its blocks' numSamples; VictoriaMetrics is flushed
#     (/internal/force_flush) and its data and indexdb directories are divided by its stored rows.
# Prints a Markdown table with the ratios to Prometheus, to paste into docs/benchmarks.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGETS="${1:-200}"
SERIES="${2:-1000}"
SECS="${3:-300}"
WARMUP="${WARMUP:-60}"
WORK="$(mktemp -d /tmp/cairn-monbench.XXXXXX)"
TPORT=39090
PORT=39091
PIDS=()

for tool in prometheus victoria-metrics python3 taskset curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y prometheus victoria-metrics python3 util-linux curl" >&2; exit 1; }
done
"$ROOT/cairn" version >/dev/null # builds cairn if needed, outside the measurement

cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

{
  echo "global: {scrape_interval: 5s, scrape_timeout: 5s}"
  echo "scrape_configs:"
  echo "  - job_name: bench"
  echo "    static_configs:"
  for ((i = 0; i < TARGETS; i++)); do
    echo "      - {targets: ['127.0.0.1:$TPORT'], labels: {shard: '$i'}}"
  done
} >"$WORK/bench.yml"

taskset -c 0 python3 "$ROOT/benchmarks/monitor/targets.py" "$TPORT" "$SERIES" &
PIDS+=($!)
sleep 1

cpu_seconds() { # pid -> user+system seconds
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"
}
served() { curl -sf "http://127.0.0.1:$TPORT/count"; }
wait_ready() { # url
  for _ in $(seq 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "not ready: $1" >&2; return 1
}

declare -A RATE RSS BPS
run() { # kind
  local kind="$1" pid dir="$WORK/$1"
  mkdir -p "$dir"
  case "$kind" in
    prometheus)
      taskset -c 1 prometheus --config.file="$WORK/bench.yml" --storage.tsdb.path="$dir/data" \
        --web.listen-address=127.0.0.1:$PORT --web.enable-admin-api >"$dir.log" 2>&1 &
      pid=$!; wait_ready "http://127.0.0.1:$PORT/-/ready" ;;
    cairn)
      CAIRN_SKIP_BUILD=1 taskset -c 1 "$ROOT/cairn" monitor --config.file "$WORK/bench.yml" --data-dir "$dir/cairn" \
        --storage.tsdb.path "$dir/data" --admin-address 127.0.0.1:0 --web.listen-address 127.0.0.1:$PORT \
        --web.enable-admin-api >"$dir.log" 2>&1 &
      pid=$!; wait_ready "http://127.0.0.1:$PORT/-/ready" ;;
    victoria-metrics)
      taskset -c 1 victoria-metrics -promscrape.config="$WORK/bench.yml" -storageDataPath="$dir/data" \
        -httpListenAddr=127.0.0.1:$PORT -retentionPeriod=1y >"$dir.log" 2>&1 &
      pid=$!; wait_ready "http://127.0.0.1:$PORT/health" ;;
  esac
  PIDS+=("$pid")
  sleep "$WARMUP"
  local c0 s0 c1 s1
  c0=$(cpu_seconds "$pid"); s0=$(served)
  sleep "$SECS"
  c1=$(cpu_seconds "$pid"); s1=$(served)
  local hwm
  hwm=$(awk '/VmHWM/ { print $2 * 1024 }' "/proc/$pid/status")
  local bytes samples
  if [ "$kind" = victoria-metrics ]; then
    curl -sf "http://127.0.0.1:$PORT/internal/force_flush" >/dev/null
    sleep 5
    samples=$(curl -sf "http://127.0.0.1:$PORT/metrics" | awk '/^vm_rows\{type="storage\// { s += $2 } END { printf "%d", s }')
    bytes=$(du -sb "$dir/data/data" "$dir/data/indexdb" | awk '{ s += $1 } END { print s }')
  else
    local name
    name=$(curl -sf -XPOST "http://127.0.0.1:$PORT/api/v1/admin/tsdb/snapshot" | sed -n 's/.*"name":"\([^"]*\)".*/\1/p')
    local snap="$dir/data/snapshots/$name"
    bytes=$(du -sb "$snap" | awk '{ print $1 }')
    samples=$(python3 -c 'import glob, json, sys
print(sum(json.load(open(f))["stats"]["numSamples"] for f in glob.glob(sys.argv[1] + "/*/meta.json")))' "$snap")
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local cpu scrapes
  cpu=$(awk -v a="$c0" -v b="$c1" 'BEGIN { print b - a }')
  scrapes=$((s1 - s0))
  RATE[$kind]=$(awk -v n="$scrapes" -v s="$SERIES" -v c="$cpu" 'BEGIN { printf "%.0f", n * s / c }')
  RSS[$kind]=$(awk -v h="$hwm" -v n="$((TARGETS * SERIES))" 'BEGIN { printf "%.0f", h / n }')
  BPS[$kind]=$(awk -v b="$bytes" -v n="$samples" 'BEGIN { printf "%.2f", b / n }')
  echo "$kind: ${cpu} CPU-s for $scrapes scrapes ($((scrapes * SERIES)) samples) in ${SECS} s; peak RSS $((hwm / 1048576)) MiB; $bytes bytes for $samples samples on disk" >&2
}

for kind in prometheus victoria-metrics cairn; do
  run "$kind"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "| $TARGETS targets x $SERIES series, 5 s interval, ${SECS} s measured | Prometheus 2.42 | VictoriaMetrics 1.79 | cairn | cairn / Prometheus |"
echo "|---|---|---|---|---|"
echo "| samples ingested per CPU-second (higher is better) | ${RATE[prometheus]} | ${RATE[victoria-metrics]} | ${RATE[cairn]} | $(ratio "${RATE[cairn]}" "${RATE[prometheus]}") |"
echo "| peak RSS per active series, bytes (lower is better) | ${RSS[prometheus]} | ${RSS[victoria-metrics]} | ${RSS[cairn]} | $(ratio "${RSS[cairn]}" "${RSS[prometheus]}") |"
echo "| bytes per sample on disk, index included (lower is better) | ${BPS[prometheus]} | ${BPS[victoria-metrics]} | ${BPS[cairn]} | $(ratio "${BPS[cairn]}" "${BPS[prometheus]}") |"

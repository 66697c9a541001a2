#!/usr/bin/env bash
# Side by side: the real etcd 3.4.23 and cairn kv on this machine, the same clients, one run.
#
#   benchmarks/kv/compare-etcd.sh [members (1 or 3)] [read seconds]
#
# Servers are pinned to core 0 (taskset) and clients run on core 1 (change with SERVER_CPUS and
# CLIENT_CPUS, e.g. both 0,1 for three members), so the two are measured under the
# same constraints. Each server kind runs, in turn, on a fresh cluster:
#   1. wrk, 64 connections, POST /v3/kv/range on the JSON gateway (of a follower when there are three
#      members): linearizable, then serializable (requests/s and p99 latency), each after a 5 s
#      warm-up run of the same load that is not counted
#   2. etcdctl check perf --load=l       write throughput and slowest request (60 s, etcdctl's fixed
#      length), after a warm-up run of check perf --load=s (60 s at 150 writes/s; not counted)
#   then on another fresh cluster:
#   3. etcdctl check datascale --load=s  memory for holding data, plus the servers' peak RSS (VmHWM)
# Prints a Markdown table with cairn/etcd ratios, to paste into docs/benchmarks.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MEMBERS="${1:-1}"
SECS="${2:-20}"
SERVER_CPUS="${SERVER_CPUS:-0}" # taskset CPU lists; SERVER_CPUS=0,1 CLIENT_CPUS=0,1 lets everything share both cores
CLIENT_CPUS="${CLIENT_CPUS:-1}"
WORK="$(mktemp -d /tmp/cairn-bench.XXXXXX)"
PIDS=()
export ETCDCTL_API=3

for tool in etcd etcdctl wrk taskset; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y etcd-server etcd-client wrk util-linux" >&2; exit 1; }
done
"$ROOT/cairn" version >/dev/null # builds cairn if needed, outside the measurement

cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

client_port() { echo $((32379 + 10 * $1)); }
peer_port() { echo $((32380 + 10 * $1)); }

start_cluster() { # kind
  local kind="$1" cluster="" i
  PIDS=()
  for ((i = 0; i < MEMBERS; i++)); do
    cluster+="${cluster:+,}m$i=http://127.0.0.1:$(peer_port $i)"
  done
  for ((i = 0; i < MEMBERS; i++)); do
    local flags=(--name "m$i" --data-dir "$WORK/$kind-$i"
      --listen-client-urls "http://127.0.0.1:$(client_port $i)" --advertise-client-urls "http://127.0.0.1:$(client_port $i)"
      --listen-peer-urls "http://127.0.0.1:$(peer_port $i)" --initial-advertise-peer-urls "http://127.0.0.1:$(peer_port $i)"
      --initial-cluster "$cluster" --initial-cluster-state new)
    if [ "$kind" = etcd ]; then
      taskset -c "$SERVER_CPUS" etcd "${flags[@]}" >"$WORK/$kind-$i.log" 2>&1 &
    else
      CAIRN_SKIP_BUILD=1 taskset -c "$SERVER_CPUS" "$ROOT/cairn" kv "${flags[@]}" --admin-address 127.0.0.1:0 >"$WORK/$kind-$i.log" 2>&1 &
    fi
    PIDS+=($!)
  done
  for _ in $(seq 1 120); do
    if etcdctl --endpoints="$(endpoints)" endpoint health >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$kind did not become healthy; see $WORK/$kind-*.log" >&2
  exit 1
}

endpoints() {
  local e="" i
  for ((i = 0; i < MEMBERS; i++)); do e+="${e:+,}http://127.0.0.1:$(client_port $i)"; done
  echo "$e"
}

# Where the reads go: with one member, that member; with three, a follower (the first member that
# endpoint status does not report as leader), so that each linearizable read takes etcd's and cairn's
# follower path (ReadIndex from the leader) whichever member the election picked.
read_endpoint() {
  local i e
  if [ "$MEMBERS" -eq 1 ]; then echo "http://127.0.0.1:$(client_port 0)"; return; fi
  for ((i = 0; i < MEMBERS; i++)); do
    e="http://127.0.0.1:$(client_port $i)"
    if etcdctl --endpoints="$e" endpoint status | grep -q ', false, false,'; then echo "$e"; return; fi
  done
  echo "no follower found among $(endpoints)" >&2
  exit 1
}

stop_cluster() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  PIDS=()
}

peak_rss_mib() { # sum of VmHWM over the server processes
  local total=0 p kb
  for p in "${PIDS[@]}"; do
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + kb))
  done
  echo $((total / 1024))
}

declare -A R
measure() { # kind
  local kind="$1" out url
  # Reads first, on a fresh store: after check perf's ~300k writes etcd holds gigabytes and its reads
  # collapse, which would measure the aftermath rather than the read path.
  start_cluster "$kind"
  etcdctl --endpoints="$(endpoints)" put bench/key value >/dev/null
  url="$(read_endpoint)/v3/kv/range"
  echo "[$kind] reads through $url" >&2
  BODY='{"key":"YmVuY2gva2V5"}' taskset -c "$CLIENT_CPUS" wrk -t1 -c64 -d5s -s "$ROOT/benchmarks/kv/range.lua" "$url" >/dev/null
  out=$(BODY='{"key":"YmVuY2gva2V5"}' taskset -c "$CLIENT_CPUS" wrk -t1 -c64 -d"${SECS}s" -s "$ROOT/benchmarks/kv/range.lua" "$url" | grep RESULT)
  echo "[$kind] linearizable $out" >&2
  R[$kind.lin]=$(echo "$out" | sed -n 's/.*requests_per_s=\([0-9.]*\).*/\1/p')
  R[$kind.linp99]=$(echo "$out" | sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p')
  BODY='{"key":"YmVuY2gva2V5","serializable":true}' taskset -c "$CLIENT_CPUS" wrk -t1 -c64 -d5s -s "$ROOT/benchmarks/kv/range.lua" "$url" >/dev/null
  out=$(BODY='{"key":"YmVuY2gva2V5","serializable":true}' taskset -c "$CLIENT_CPUS" wrk -t1 -c64 -d"${SECS}s" -s "$ROOT/benchmarks/kv/range.lua" "$url" | grep RESULT)
  echo "[$kind] serializable $out" >&2
  R[$kind.ser]=$(echo "$out" | sed -n 's/.*requests_per_s=\([0-9.]*\).*/\1/p')
  R[$kind.serp99]=$(echo "$out" | sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p')
  taskset -c "$CLIENT_CPUS" etcdctl --endpoints="$(endpoints)" check perf --load=s >/dev/null 2>&1 || true # warm-up
  out=$(taskset -c "$CLIENT_CPUS" etcdctl --endpoints="$(endpoints)" check perf --load=l 2>&1 || true)
  echo "$out" | grep -E "Throughput|Slowest|Stddev|Error" | sed "s/^/[$kind] /" >&2 || true
  R[$kind.writes]=$(echo "$out" | sed -n 's/.*Throughput[^0-9]*\([0-9][0-9]*\) writes\/s.*/\1/p' | tail -1)
  R[$kind.slowest]=$(echo "$out" | sed -n 's/.*Slowest request took[^0-9]*\([0-9.]*\)s.*/\1/p' | tail -1)
  R[$kind.rss]=$(peak_rss_mib)
  stop_cluster
  # Memory for holding data, on a fresh store again.
  start_cluster "$kind"
  out=$(taskset -c "$CLIENT_CPUS" etcdctl --endpoints="http://127.0.0.1:$(client_port 0)" check datascale --load=s 2>&1 || true)
  echo "$out" | grep -i -E "memory|Error" | sed "s/^/[$kind] /" >&2 || true
  R[$kind.mem]=$(echo "$out" | sed -n 's/.*memory used[^0-9-]*\(-\{0,1\}[0-9.]*\) *MB.*/\1/p' | tail -1)
  R[$kind.rss2]=$(peak_rss_mib)
  stop_cluster
}

measure etcd
measure cairn

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
echo
echo "| $MEMBERS member(s) | etcd 3.4.23 | cairn | cairn / etcd |"
echo "|---|---|---|---|"
echo "| check perf --load=l writes/s | ${R[etcd.writes]:-} | ${R[cairn.writes]:-} | $(ratio "${R[cairn.writes]:-}" "${R[etcd.writes]:-}") |"
echo "| check perf slowest request (s) | ${R[etcd.slowest]:-} | ${R[cairn.slowest]:-} | $(ratio "${R[cairn.slowest]:-}" "${R[etcd.slowest]:-}") |"
echo "| linearizable range req/s (64 conns, JSON gateway) | ${R[etcd.lin]} | ${R[cairn.lin]} | $(ratio "${R[cairn.lin]}" "${R[etcd.lin]}") |"
echo "| linearizable range p99 (ms) | ${R[etcd.linp99]} | ${R[cairn.linp99]} | $(ratio "${R[cairn.linp99]}" "${R[etcd.linp99]}") |"
echo "| serializable range req/s | ${R[etcd.ser]} | ${R[cairn.ser]} | $(ratio "${R[cairn.ser]}" "${R[etcd.ser]}") |"
echo "| serializable range p99 (ms) | ${R[etcd.serp99]} | ${R[cairn.serp99]} | $(ratio "${R[cairn.serp99]}" "${R[etcd.serp99]}") |"
echo "| check datascale --load=s memory (MB) | ${R[etcd.mem]:-} | ${R[cairn.mem]:-} | $(ratio "${R[cairn.mem]:-}" "${R[etcd.mem]:-}") |"
echo "| peak RSS after reads + check perf (MiB) | ${R[etcd.rss]} | ${R[cairn.rss]} | $(ratio "${R[cairn.rss]}" "${R[etcd.rss]}") |"
echo "| peak RSS after check datascale --load=s (MiB) | ${R[etcd.rss2]} | ${R[cairn.rss2]} | $(ratio "${R[cairn.rss2]}" "${R[etcd.rss2]}") |"

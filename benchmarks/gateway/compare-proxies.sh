#!/usr/bin/env bash
# Side by side: cairn gateway, nginx 1.22, HAProxy 2.6 and Caddy 2.6 as reverse proxies in front of
# the same backend, on this machine, in one run.
#
#   benchmarks/gateway/compare-proxies.sh [seconds per load run (default 15)]
#
# Layout: each proxy in turn is pinned to core 0 (taskset) with one worker (nginx worker_processes 1,
# HAProxy nbthread 1, Caddy GOMAXPROCS=1, cairn one event loop by being pinned); the load tool and the
# backend (nginx serving a 1 KB file, keep-alive) share core 1. For each proxy:
#   1. wrk  -t1 -c64, HTTP/1.1 keep-alive, 1 KB responses: requests/s and p99 latency
#   2. h2load h2c (prior knowledge), 16 connections x 10 streams: requests/s
#   3. h2load h2 over TLS (ALPN), 16 connections x 10 streams: requests/s
#   each after a 5 s warm-up run of the same load that is not counted (cairn gets 30 s: a JVM pinned to one core compiles its hot path meanwhile; steady state is what a long-running proxy serves).
# Then peak RSS (VmHWM) of the proxy process. Prints a Markdown table with cairn/nginx ratios, to paste
# into docs/benchmarks.md.
#
# Needs: apt-get install -y nginx-light haproxy caddy wrk nghttp2-client openssl util-linux
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECS="${1:-15}"
WORK="$(mktemp -d /tmp/cairn-proxy-bench.XXXXXX)"
BACKEND=28080
P_H1=28081
P_H2C=28082
P_TLS=28443
PIDS=()

for tool in nginx haproxy caddy wrk h2load openssl taskset; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx-light haproxy caddy wrk nghttp2-client openssl util-linux" >&2; exit 1; }
done
"$ROOT/cairn" version >/dev/null # builds cairn if needed, outside the measurement

stop_pid() { # pid: TERM first so nginx's and HAProxy's masters take their workers with them
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && stop_pid "$p"; done
  rm -rf "$WORK"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
cat "$WORK/cert.pem" "$WORK/key.pem" >"$WORK/haproxy.pem"
head -c 1024 /dev/urandom | base64 -w 0 | head -c 1024 >"$WORK/1k"
mkdir -p "$WORK/nginx-tmp"
# nginx's workers run as an unprivileged user when started by root: they must be able to read the
# 1 KB file and write their temp directory.
chmod 755 "$WORK"
chmod 644 "$WORK/1k"
chmod 777 "$WORK/nginx-tmp"

wait_port() { # port
  for _ in $(seq 1 200); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/1k" 2>/dev/null || curl -sk -o /dev/null "https://127.0.0.1:$1/1k" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing answers on port $1; see $WORK/*.log" >&2
  exit 1
}

nginx_conf() { # name body -> path
  local f="$WORK/$1.conf"
  cat >"$f" <<EOF
daemon off;
worker_processes 1;
pid $WORK/$1.pid;
error_log $WORK/$1.error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  keepalive_requests 1000000;
$2
}
EOF
  echo "$f"
}

# The backend: nginx on core 1 serving a 1 KB file.
taskset -c 1 nginx -c "$(nginx_conf backend "  server { listen 127.0.0.1:$BACKEND; root $WORK; }")" >"$WORK/backend.log" 2>&1 &
BACKEND_PID=$!
PIDS+=("$BACKEND_PID")
wait_port "$BACKEND"

start_proxy() { # kind
  case "$1" in
    nginx)
      taskset -c 0 nginx -c "$(nginx_conf nginx "
  upstream backend { server 127.0.0.1:$BACKEND; keepalive 64; }
  server {
    listen 127.0.0.1:$P_H1;
    listen 127.0.0.1:$P_H2C http2;
    listen 127.0.0.1:$P_TLS ssl http2;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
  }")" >"$WORK/nginx.log" 2>&1 &
      ;;
    haproxy)
      cat >"$WORK/haproxy.cfg" <<EOF
global
  nbthread 1
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
  http-reuse always
frontend h1
  bind 127.0.0.1:$P_H1
  bind 127.0.0.1:$P_H2C proto h2
  bind 127.0.0.1:$P_TLS ssl crt $WORK/haproxy.pem alpn h2,http/1.1
  default_backend be
backend be
  server b1 127.0.0.1:$BACKEND
EOF
      taskset -c 0 haproxy -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
      ;;
    caddy)
      cat >"$WORK/Caddyfile" <<EOF
{
  admin off
  auto_https off
  servers {
    protocols h1 h2 h2c
  }
}
http://127.0.0.1:$P_H1, http://127.0.0.1:$P_H2C {
  reverse_proxy 127.0.0.1:$BACKEND
}
https://127.0.0.1:$P_TLS {
  tls $WORK/cert.pem $WORK/key.pem
  reverse_proxy 127.0.0.1:$BACKEND
}
EOF
      GOMAXPROCS=1 taskset -c 0 caddy run --config "$WORK/Caddyfile" --adapter caddyfile >"$WORK/caddy.log" 2>&1 &
      ;;
    cairn)
      cat >"$WORK/traefik.yml" <<EOF
entryPoints:
  web: {address: "127.0.0.1:$P_H1"}
  h2c: {address: "127.0.0.1:$P_H2C"}
  websecure: {address: "127.0.0.1:$P_TLS"}
providers:
  file: {filename: "$WORK/dynamic.yml"}
EOF
      cat >"$WORK/dynamic.yml" <<EOF
http:
  routers:
    plain: {rule: "PathPrefix(\`/\`)", service: backend, entryPoints: [web, h2c]}
    secure: {rule: "PathPrefix(\`/\`)", service: backend, entryPoints: [websecure], tls: {}}
  services:
    backend:
      loadBalancer:
        servers: [{url: "http://127.0.0.1:$BACKEND"}]
tls:
  certificates:
    - {certFile: "$WORK/cert.pem", keyFile: "$WORK/key.pem"}
EOF
      CAIRN_SKIP_BUILD=1 taskset -c 0 "$ROOT/cairn" gateway --configFile="$WORK/traefik.yml" >"$WORK/cairn.log" 2>&1 &
      ;;
  esac
  PROXY_PID=$!
  PIDS+=("$PROXY_PID")
  wait_port "$P_H1"
  wait_port "$P_TLS"
}

declare -A R
wrk_run() { # secs -> "rps p99ms"
  local out
  out=$(taskset -c 1 wrk -t1 -c64 -d"$1s" --latency "http://127.0.0.1:$P_H1/1k")
  if echo "$out" | grep -q -E "Non-2xx|Socket errors"; then echo "$out" >&2; echo "errors in the wrk run above" >&2; exit 1; fi
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')"
}
h2load_run() { # url secs -> rps
  local out
  out=$(taskset -c 1 h2load -c16 -m10 -t1 -D "$2" "$1" 2>&1)
  if ! echo "$out" | grep -q -E "status codes: [0-9]+ 2xx, 0 3xx, 0 4xx, 0 5xx"; then
    echo "$out" >&2; echo "errors in the h2load run above" >&2; exit 1
  fi
  echo "$out" | awk '/^finished in/ {for (i = 1; i <= NF; i++) if ($i ~ /req\/s/) {v=$(i-1); sub(/,/,"",v); print v}}'
}

measure() { # kind
  local kind="$1" warm=5 r
  [ "$kind" = cairn ] && warm=30
  start_proxy "$kind"
  wrk_run "$warm" >/dev/null
  r=$(wrk_run "$SECS")
  R[$kind.h1]=${r% *}
  R[$kind.p99]=${r#* }
  h2load_run "http://127.0.0.1:$P_H2C/1k" "$warm" >/dev/null
  R[$kind.h2c]=$(h2load_run "http://127.0.0.1:$P_H2C/1k" "$SECS")
  h2load_run "https://127.0.0.1:$P_TLS/1k" "$warm" >/dev/null
  R[$kind.h2]=$(h2load_run "https://127.0.0.1:$P_TLS/1k" "$SECS")
  R[$kind.rss]=$(($(awk '/VmHWM/ {print $2}' "/proc/$PROXY_PID/status") / 1024))
  echo "[$kind] h1 ${R[$kind.h1]} req/s p99 ${R[$kind.p99]} ms, h2c ${R[$kind.h2c]} req/s, h2 ${R[$kind.h2]} req/s, RSS ${R[$kind.rss]} MiB" >&2
  stop_pid "$PROXY_PID"
  wait "$PROXY_PID" 2>/dev/null || true
}

for kind in nginx haproxy caddy cairn; do measure "$kind"; done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
echo
echo "| proxy pinned to 1 core | nginx 1.22 | HAProxy 2.6 | Caddy 2.6 | cairn | cairn / nginx |"
echo "|---|---|---|---|---|---|"
echo "| wrk HTTP/1.1 req/s (64 conns, 1 KB) | ${R[nginx.h1]} | ${R[haproxy.h1]} | ${R[caddy.h1]} | ${R[cairn.h1]} | $(ratio "${R[cairn.h1]}" "${R[nginx.h1]}") |"
echo "| wrk p99 latency (ms) | ${R[nginx.p99]} | ${R[haproxy.p99]} | ${R[caddy.p99]} | ${R[cairn.p99]} | $(ratio "${R[cairn.p99]}" "${R[nginx.p99]}") |"
echo "| h2load h2c req/s (16 conns x 10 streams) | ${R[nginx.h2c]} | ${R[haproxy.h2c]} | ${R[caddy.h2c]} | ${R[cairn.h2c]} | $(ratio "${R[cairn.h2c]}" "${R[nginx.h2c]}") |"
echo "| h2load h2 (TLS) req/s | ${R[nginx.h2]} | ${R[haproxy.h2]} | ${R[caddy.h2]} | ${R[cairn.h2]} | $(ratio "${R[cairn.h2]}" "${R[nginx.h2]}") |"
echo "| peak RSS (MiB) | ${R[nginx.rss]} | ${R[haproxy.rss]} | ${R[caddy.rss]} | ${R[cairn.rss]} | $(ratio "${R[cairn.rss]}" "${R[nginx.rss]}") |"

#!/usr/bin/env python3
"""Scrape targets for benchmarks/monitor/compare-prometheus.sh.

One HTTP server on 127.0.0.1:PORT answers GET /metrics with SERIES series in the text format: 50
metric names, half counters that grow with time, half gauges with new random values on every scrape,
so every sample changes. All targets of the benchmark are this one address told apart by a label.
GET /count answers the number of /metrics responses served so far.
"""
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
SERIES = int(sys.argv[2])
PREFIXES = []
for i in range(SERIES):
    kind = "counter" if i % 2 == 0 else "gauge"
    PREFIXES.append((kind, i, f'bench_{kind}_{i % 25}{{series="{i}",group="g{i % 10}"}} '))
served = 0
lock = threading.Lock()


def body():
    now = time.time()
    rnd = random.random
    lines = []
    for kind, i, prefix in PREFIXES:
        if kind == "counter":
            lines.append(prefix + str(int(now * (1 + i % 10))))
        else:
            lines.append(prefix + "%.2f" % (rnd() * 100))
    lines.append("")
    return "\n".join(lines).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global served
        if self.path.startswith("/metrics"):
            data = body()
            with lock:
                served += 1
        elif self.path == "/count":
            with lock:
                data = f"{served}\n".encode()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 512
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()

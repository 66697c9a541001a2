-- wrk script: POST a range request to etcd's JSON gateway. BODY comes from the environment.
wrk.method = "POST"
wrk.body = os.getenv("BODY") or '{"key":"YmVuY2gva2V5"}'
wrk.headers["Content-Type"] = "application/json"

-- Print the p99 latency and request rate on one line the comparison script can read.
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests_per_s=%.1f p99_ms=%.3f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

package io.cairn.monitor.ingest.remotewrite;

/**
 * One sample of a series ({@code prometheus.Sample}). Equality compares values bit for bit after
 * {@link Double#compare} (so NaN equals NaN, and 0.0 differs from -0.0); Prometheus's stale marker
 * is a NaN with the bits {@code 0x7ff0000000000002}, kept as sent.
 */
public record Sample(long timestampMs, double value) {}

package io.cairn.common.lifecycle;

/**
 * Something a service listens on (or, for the data directory, where it keeps data), printed at
 * start-up so users know where to point their tools.
 *
 * @param service the service's name, e.g. {@code admin}
 * @param url where it listens, with the port actually bound, e.g. {@code http://127.0.0.1:9901}; for
 *     the data directory its absolute path
 * @param serves what is there, e.g. {@code /metrics /healthz /readyz}
 */
public record Endpoint(String service, String url, String serves) {}

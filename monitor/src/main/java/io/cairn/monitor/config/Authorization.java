package io.cairn.monitor.config;

/**
 * The {@code Authorization} header: {@code type} (default {@code Bearer}, never {@code Basic}) and
 * the credentials, inline or from a file (at most one). The legacy {@code bearer_token} and {@code
 * bearer_token_file} fields become an Authorization of type Bearer, as in Prometheus.
 */
public record Authorization(String type, String credentials, String credentialsFile) {}
